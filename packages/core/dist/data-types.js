/** Shapes of the data files in `schemas/` that the core reads (generated into `src/generated/`). */
export {};
//# sourceMappingURL=data-types.js.map