/** @sidecar-lint/core: the semantic core. No files, no process, no console. */
export * from './types.js';
export { lintSource } from './lint.js';
export { resolveTarget, parseVersionRange, formatVersions, knownVersions, TargetError, } from './target.js';
export { rules, ruleMetas, findRule, yamlSyntaxMeta } from './rules/index.js';
export { podSpecSites } from './discovery.js';
export { apiServerView } from './view.js';
export { applyFixes, applyEdits } from './fixes.js';
export { LineIndex, formatPath, parsePath, spanOffsets, nodeAtPath } from './positions.js';
export { readDocuments, splitDocuments } from './documents.js';
export { kubernetesVersions, workloadKinds, heuristics } from './generated/data.js';
//# sourceMappingURL=index.js.map