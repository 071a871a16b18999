export declare const resizePolicyInit: import("../rule.js").Rule;
//# sourceMappingURL=resize-policy-init.d.ts.map