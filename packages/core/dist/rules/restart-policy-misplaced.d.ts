export declare const restartPolicyMisplaced: import("../rule.js").Rule;
//# sourceMappingURL=restart-policy-misplaced.d.ts.map