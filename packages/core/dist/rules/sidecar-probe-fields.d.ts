export declare const sidecarProbeFields: import("../rule.js").Rule;
//# sourceMappingURL=sidecar-probe-fields.d.ts.map