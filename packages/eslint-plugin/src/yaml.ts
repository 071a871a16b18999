/** YAML manifests: the core lints the documents of ESLint's own tree once; each finding keeps the core's exact range. */
import { lintDocuments } from '@sidecar-lint/core';
import { locFromFinding, type AnalysisOptions, type LocatedFinding } from './report.js';
import { documentsFromAst, type YamlAstProgram } from './yaml-documents.js';

export function analyzeYaml(uri: string, text: string, ast: YamlAstProgram, options: AnalysisOptions): LocatedFinding[] {
  const result = lintDocuments({ uri, text }, documentsFromAst(text, ast), options);
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
