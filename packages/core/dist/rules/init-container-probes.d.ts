export declare const initContainerProbes: import("../rule.js").Rule;
//# sourceMappingURL=init-container-probes.d.ts.map