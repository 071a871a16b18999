/** The exit codes of DESIGN §3. */
import type { FileResult } from '@sidecar-lint/core';

export const exitCodes = { ok: 0, findings: 1, usage: 2, interrupted: 130 } as const;

/** 2 wins over 1; infos never count; warnings count only against --max-warnings. */
export function exitCodeFor(results: readonly FileResult[], usageProblems: number, maxWarnings: number | undefined): number {
  if (usageProblems > 0) return exitCodes.usage;
  const findings = results.flatMap((result) => result.findings);
  if (findings.some((finding) => finding.severity === 'error')) return exitCodes.findings;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  if (maxWarnings !== undefined && warnings > maxWarnings) return exitCodes.findings;
  return exitCodes.ok;
}
