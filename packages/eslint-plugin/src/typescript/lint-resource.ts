/**
 * Runs the core on what a TypeScript site statically builds: its JSON image (json-image.ts), whose
 * offsets map the core's findings back to AST nodes. Nothing of the core's pipeline is
 * re-implemented: discovery, the API server view, the rules, merging over versions and annotation
 * suppressions are the same as for a manifest.
 *
 * Unknown values are never guessed: when a site has unknowns, the core runs once for each of a few
 * representative stand-ins (absent, each restart policy, another string, a number, a boolean, an
 * object, a list), and only the findings every run agrees on (same rule, path and message) are kept.
 */
import { lintDocuments, type Finding, type PodSpecPathConfig, type ResolvedTarget } from '@sidecar-lint/core';
import { JsonImage, type StandIn } from './json-image.js';
import { hasUnknown, type Node, type StaticValue } from './static-value.js';

const standIns: StandIn[] = [
  { absent: true },
  { json: '"Always"' },
  { json: '"Never"' },
  { json: '"OnFailure"' },
  { json: '"sidecar-lint-unknown"' },
  { json: '0' },
  { json: 'true' },
  { json: '{}' },
  { json: '[]' },
];

export interface NodeFinding {
  finding: Finding;
  node: Node;
}

function key(finding: Finding): string {
  return `${finding.ruleId}\u0000${finding.path}\u0000${finding.severity}\u0000${finding.message}`;
}

export interface ResourceLintOptions {
  target: ResolvedTarget;
  podSpecPaths: readonly PodSpecPathConfig[];
  /** Rules not to run (ESLint has them off). */
  rules?: Record<string, 'off'>;
  uri: string;
}

/** The findings for one site's object that hold whatever its unknown values are. */
export function lintResource(resource: StaticValue, fallback: Node, options: ResourceLintOptions): NodeFinding[] {
  const variants = hasUnknown(resource) ? standIns : standIns.slice(0, 1);
  let kept: Map<string, NodeFinding> | undefined;
  for (const standIn of variants) {
    const image = new JsonImage(resource, standIn);
    const result = lintDocuments({ uri: options.uri, text: image.json }, image.documents(), { target: options.target, podSpecPaths: options.podSpecPaths, rules: options.rules ?? {} });
    const found = new Map<string, NodeFinding>();
    for (const finding of result.findings) found.set(key(finding), { finding, node: image.nodeOf(finding, fallback) });
    if (!kept) {
      kept = found;
    } else {
      for (const id of [...kept.keys()]) if (!found.has(id)) kept.delete(id);
    }
    if (kept.size === 0) break;
  }
  return [...(kept?.values() ?? [])];
}
