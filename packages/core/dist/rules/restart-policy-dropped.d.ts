export declare const restartPolicyDropped: import("../rule.js").Rule;
//# sourceMappingURL=restart-policy-dropped.d.ts.map