/** @sidecar-lint/core: the semantic core. No files, no process, no console. */
export * from './types.js';
export { lintSource, lintDocuments, coreEngine, type LintOptions, type Engine, type EngineReport, type EngineContext } from './lint.js';
export {
  resolveTarget,
  parseVersionRange,
  formatVersions,
  knownVersions,
  TargetError,
  fieldExists,
  behaviourApplies,
  equivalentMinors,
  type TargetInput,
  type ResolvedTarget,
  type MinorTarget,
} from './target.js';
export { rules, ruleMetas, findRule, yamlSyntaxMeta } from './rules/index.js';
export { sidecarsEverywhere } from './rules/shared.js';
export { podSpecSites, resourcesOf, sitesOf, resourceInfo, type PodSpecSite, type PodSpecPathConfig, type ResourceRef } from './discovery.js';
export { apiServerView, type PodView, type ContainerView } from './view.js';
export { applyFixes, applyEdits } from './fixes.js';
export { LineIndex, formatPath, parsePath, spanOffsets, spanInTree, nodeAtPath, type PathTree, type PathSegment } from './positions.js';
export { readDocuments, splitDocuments, mayHoldPodSpec, parseRawDocument, decodedDocument, plainScalarValue, setDecodedField, type LintDocument, type RawDocument, type DocumentSet } from './documents.js';
export { kubernetesVersions, workloadKinds, heuristics } from './generated/data.js';
export type { KubernetesVersionsTable, WorkloadKindsTable, HeuristicsTable } from './data-types.js';
