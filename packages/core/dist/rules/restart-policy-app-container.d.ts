export declare const restartPolicyAppContainer: import("../rule.js").Rule;
//# sourceMappingURL=restart-policy-app-container.d.ts.map