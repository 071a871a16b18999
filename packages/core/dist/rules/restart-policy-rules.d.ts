export declare const restartPolicyRules: import("../rule.js").Rule;
//# sourceMappingURL=restart-policy-rules.d.ts.map