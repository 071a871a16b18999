/** cdk8s TypeScript: every pod spec site of a file, linted by the core, reported at its nodes. */
import type { SourceCode } from 'eslint';
import type { AnalysisOptions, LocatedFinding } from '../report.js';
import { Evaluator } from './evaluate.js';
import { lintResource } from './lint-resource.js';
import { findSites, type ResourceSite } from './sites.js';
import { typedSearch } from './typed.js';

/** The sites of a file (the cdk8s plugin uses them to find the source line of a synthesized object). */
export function resourceSites(sourceCode: SourceCode): ResourceSite[] {
  const typed = typedSearch(sourceCode.parserServices);
  const evaluator = new Evaluator(sourceCode, typed);
  return findSites(sourceCode, evaluator, typed ? (node) => typed.specTypeName(node) : undefined);
}

export function analyzeTypeScript(uri: string, sourceCode: SourceCode, options: AnalysisOptions): LocatedFinding[] {
  // Cheap exit: a file that names no construct and no spec type cannot hold a site.
  if (!/Kube[A-Z]|ApiObject|Spec\b/.test(sourceCode.text)) return [];
  const out: LocatedFinding[] = [];
  const seen = new Set<string>();
  for (const site of resourceSites(sourceCode)) {
    for (const { finding, node } of lintResource(site.resource, site.node, { ...options, uri })) {
      // A helper used by two sites can yield the same finding at the same node twice.
      const id = `${finding.ruleId}\u0000${node.range[0]}\u0000${node.range[1]}\u0000${finding.message}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({
        ruleId: finding.ruleId,
        severity: finding.severity,
        message: finding.message,
        versions: finding.versions,
        loc: { start: { ...node.loc.start }, end: { ...node.loc.end } },
      });
    }
  }
  return out;
}
