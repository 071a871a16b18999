/**
 * What a safe fix must keep, checked from the outside: the text still parses, only the lines the
 * fix's edits cover change, line endings and the BOM stay, the fixed finding is gone, no new
 * error appears, and fixing again changes nothing.
 */
import { applyFixes, lintSource, type FileResult, type Finding, type Fix, type ResolvedTarget } from '@sidecar-lint/core';
import { parseAllDocuments } from 'yaml';

export function lint(text: string, target: ResolvedTarget, checkSyntax = false): FileResult {
  return lintSource({ uri: 'fixed.yaml', text }, { target, checkSyntax });
}

/** Parses with the yaml package's defaults and as the core reads it (every document). */
export function parseProblems(text: string, target: ResolvedTarget): string[] {
  const problems = parseAllDocuments(text).flatMap((doc) => doc.errors.map((error) => `yaml: ${error.message}`));
  for (const finding of lint(text, target, true).findings) {
    if (finding.ruleId === 'yaml-syntax') problems.push(`core: ${finding.line}:${finding.column} ${finding.message}`);
  }
  return problems;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Lines (0-based) of the original that the fix's edits cover. */
export function linesOfFix(text: string, fix: Fix): Set<number> {
  const starts = lineStarts(text);
  const lines = new Set<number>();
  for (const edit of fix.edits) {
    const first = lineOf(starts, edit.start);
    const last = lineOf(starts, Math.max(edit.start, edit.end - 1));
    for (let line = first; line <= last; line++) lines.add(line);
  }
  return lines;
}

/**
 * The original lines that are not in the fixed text at their place: a line diff by common
 * prefix and suffix around each edit would trust the edits, so this is a plain LCS on lines.
 */
export function changedOriginalLines(before: string, after: string): number[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const midA = a.slice(prefix, a.length - suffix);
  const midB = b.slice(prefix, b.length - suffix);
  if (midA.length * midB.length > 4_000_000) throw new Error('diff too large for the LCS check');
  // LCS table over the middle part only.
  const rows = midA.length + 1;
  const cols = midB.length + 1;
  const table = new Uint32Array(rows * cols);
  for (let i = midA.length - 1; i >= 0; i--) {
    for (let j = midB.length - 1; j >= 0; j--) {
      table[i * cols + j] = midA[i] === midB[j] ? table[(i + 1) * cols + j + 1]! + 1 : Math.max(table[(i + 1) * cols + j]!, table[i * cols + j + 1]!);
    }
  }
  const changed: number[] = [];
  let i = 0;
  let j = 0;
  while (i < midA.length) {
    if (j < midB.length && midA[i] === midB[j]) {
      i++;
      j++;
    } else if (j < midB.length && table[i * cols + j + 1]! >= table[(i + 1) * cols + j]!) {
      j++;
    } else {
      changed.push(prefix + i);
      i++;
    }
  }
  return changed;
}

/**
 * The original lines the fix's edits do not cover that are missing from the fixed text, in
 * order: each must still be there, unchanged, after the ones before it (a moved block may sit
 * anywhere in between, so this is a subsequence test rather than a diff).
 */
export function untouchedLinesLost(before: string, after: string, covered: ReadonlySet<number>): number[] {
  const fixedLines = after.split('\n');
  const lost: number[] = [];
  let at = 0;
  before.split('\n').forEach((line, index) => {
    if (covered.has(index)) return;
    let found = at;
    while (found < fixedLines.length && fixedLines[found] !== line) found++;
    if (found === fixedLines.length) lost.push(index);
    else at = found + 1;
  });
  return lost;
}

export type EolStyle = 'crlf' | 'lf' | 'mixed' | 'none';

export function eolStyle(text: string): EolStyle {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length;
  if (lf === 0) return 'none';
  if (crlf === lf) return 'crlf';
  return crlf === 0 ? 'lf' : 'mixed';
}

/** The CLI's --fix loop on the core: apply what does not overlap, lint again, until nothing applies. */
export function fixToFixpoint(text: string, target: ResolvedTarget, withSuggestions: boolean): { text: string; passes: number } {
  let current = text;
  for (let pass = 0; pass < 10; pass++) {
    const fixes = fixesOf(lint(current, target), withSuggestions);
    if (fixes.length === 0) return { text: current, passes: pass };
    const next = applyFixes(current, fixes);
    if (next.applied === 0 || next.text === current) return { text: current, passes: pass };
    current = next.text;
  }
  return { text: current, passes: 10 };
}

export function fixesOf(result: FileResult, withSuggestions: boolean): Fix[] {
  return result.findings.flatMap((finding) => (finding.fix ? [finding.fix] : withSuggestions && finding.suggestions?.[0] ? [finding.suggestions[0]] : []));
}

export const errorKey = (finding: Finding) => `${finding.document}|${finding.ruleId}|${finding.message}`;

/** The errors of `after` that `before` did not have (as a multiset of document, rule and message). */
export function newErrors(before: FileResult, after: FileResult): string[] {
  const counts = new Map<string, number>();
  for (const finding of before.findings) if (finding.severity === 'error') counts.set(errorKey(finding), (counts.get(errorKey(finding)) ?? 0) + 1);
  const added: string[] = [];
  for (const finding of after.findings) {
    if (finding.severity !== 'error') continue;
    const left = counts.get(errorKey(finding)) ?? 0;
    if (left === 0) added.push(`${finding.line}:${finding.column} ${finding.ruleId} ${finding.message}`);
    else counts.set(errorKey(finding), left - 1);
  }
  return added;
}
