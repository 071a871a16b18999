/** What a rule hands to ESLint: a located core finding. Shared by the YAML and TypeScript front ends. */
import { formatVersions, type Finding, type Fix, type PodSpecPathConfig, type ResolvedTarget, type Severity } from '@sidecar-lint/core';

/** What both front ends lint a file with: the target, extra pod spec paths, and the rules ESLint has off. */
export interface AnalysisOptions {
  target: ResolvedTarget;
  podSpecPaths: readonly PodSpecPathConfig[];
  rules: Record<string, 'off'>;
}

/** ESLint locations: 1-based lines, 0-based columns. */
export interface EslintLoc {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

export interface LocatedFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  versions: string[];
  /** Either a source range or an AST node to report at. */
  loc: EslintLoc;
  fix?: Fix;
  suggestions?: Fix[];
}

export function locFromFinding(finding: Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>): EslintLoc {
  return {
    start: { line: finding.line, column: finding.column - 1 },
    end: { line: finding.endLine, column: finding.endColumn - 1 },
  };
}

export function messageData(finding: LocatedFinding): Record<string, string> {
  return { message: finding.message, severity: finding.severity, versions: formatVersions(finding.versions) };
}

/** Groups findings by rule id, so each ESLint rule takes only its own. */
export function byRule(findings: readonly LocatedFinding[]): Map<string, LocatedFinding[]> {
  const out = new Map<string, LocatedFinding[]>();
  for (const finding of findings) {
    const list = out.get(finding.ruleId);
    if (list) list.push(finding);
    else out.set(finding.ruleId, [finding]);
  }
  return out;
}
