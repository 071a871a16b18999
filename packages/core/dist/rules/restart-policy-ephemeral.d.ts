export declare const restartPolicyEphemeral: import("../rule.js").Rule;
//# sourceMappingURL=restart-policy-ephemeral.d.ts.map