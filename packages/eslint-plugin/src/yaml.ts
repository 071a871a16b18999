/** YAML manifests: the core lints the file's text once; each finding keeps the core's exact range. */
import { lintSource, type PodSpecPathConfig, type ResolvedTarget } from '@sidecar-lint/core';
import { locFromFinding, type LocatedFinding } from './report.js';

export function analyzeYaml(uri: string, text: string, target: ResolvedTarget, podSpecPaths: readonly PodSpecPathConfig[]): LocatedFinding[] {
  const result = lintSource({ uri, text }, { target, podSpecPaths });
  return result.findings.map((finding) => ({
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    versions: finding.versions,
    loc: locFromFinding(finding),
    ...(finding.fix ? { fix: finding.fix } : {}),
    ...(finding.suggestions ? { suggestions: finding.suggestions } : {}),
  }));
}
