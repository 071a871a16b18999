export declare const restartPolicyInitValue: import("../rule.js").Rule;
//# sourceMappingURL=restart-policy-init-value.d.ts.map