export declare const podRestartPolicy: import("../rule.js").Rule;
//# sourceMappingURL=pod-restart-policy.d.ts.map