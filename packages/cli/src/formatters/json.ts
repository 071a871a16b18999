/**
 * The JSON report of DESIGN §3 (schema: schemas/report.schema.json). Internal fields (offsets,
 * fix edits) stay out; a finding says whether it is fixable, what the fix does and which
 * suggestions exist.
 */
import type { FileResult, Finding, ResolvedTarget, SuppressedFinding } from '@sidecar-lint/core';
import type { Formatter, ReportContext } from './types.js';

/** A finding as the report shows it: the core's, without offsets and edits. */
export interface JsonFinding extends Omit<Finding, 'offset' | 'endOffset' | 'fix' | 'suggestions'> {
  fixable: boolean;
  fix?: { description: string };
  suggestions: string[];
}

export interface JsonSuppressedFinding extends JsonFinding {
  suppression: SuppressedFinding['suppression'];
}

export function jsonFinding(finding: Finding): JsonFinding {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    path: finding.path,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    document: finding.document,
    ...(finding.item === undefined ? {} : { item: finding.item }),
    versions: finding.versions,
    resource: finding.resource,
    fixable: finding.fix !== undefined,
    ...(finding.fix ? { fix: { description: finding.fix.description } } : {}),
    suggestions: (finding.suggestions ?? []).map((suggestion) => suggestion.description),
  };
}

export function jsonTarget(target: ResolvedTarget) {
  return {
    kubernetesVersions: target.minors.map((minor) => minor.version),
    // The oldest kubelet: the explicit one, or the API server's own minor at the start of the range.
    kubeletVersion: target.kubeletVersion ?? target.minors[0]?.kubeletVersion ?? null,
    fieldValidation: target.fieldValidation,
    featureGates: Object.fromEntries(target.minors.map((minor) => [minor.version, minor.gates])),
  };
}

export function jsonReport(results: readonly FileResult[], context: ReportContext) {
  const all = results.flatMap((result) => result.findings);
  const count = (severity: Finding['severity']) => all.filter((finding) => finding.severity === severity).length;
  return {
    tool: { name: context.tool.name, version: context.tool.version },
    target: jsonTarget(context.target),
    results: results.map((result) => ({
      file: result.file,
      findings: result.findings.map(jsonFinding),
      suppressed: result.suppressed.map((finding): JsonSuppressedFinding => ({ ...jsonFinding(finding), suppression: finding.suppression })),
    })),
    summary: {
      files: results.length,
      documents: results.reduce((sum, result) => sum + result.documents, 0),
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      suppressed: results.reduce((sum, result) => sum + result.suppressed.length, 0),
    },
  };
}

export const json: Formatter = (results, context) => `${JSON.stringify(jsonReport(results, context), null, 2)}\n`;
