export declare const restartPolicyUnsupportedVersion: import("../rule.js").Rule;
//# sourceMappingURL=restart-policy-unsupported-version.d.ts.map