export declare const duplicateContainerName: import("../rule.js").Rule;
//# sourceMappingURL=duplicate-container-name.d.ts.map