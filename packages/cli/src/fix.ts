/**
 * The --fix loop: apply the non-overlapping fixes (and, with --fix-suggestions, each finding's
 * first suggestion), lint again, repeat until nothing applies (at most 10 passes). A text that
 * had a YAML syntax error, or whose fixed form would not parse, is left as it was.
 */
import { applyFixes, type FileResult, type Fix } from '@sidecar-lint/core';
import { parseAllDocuments } from 'yaml';

export const maxFixPasses = 10;

export interface FixOutcome {
  text: string;
  /** The result of linting the final text: what remains. */
  result: FileResult;
  applied: number;
  /** Why nothing was written although fixes were proposed, as a sentence. */
  refused?: string;
}

function documentErrors(text: string): number {
  return parseAllDocuments(text).reduce((count, doc) => count + (doc.errors.length > 0 ? 1 : 0), 0);
}

function fixesOf(result: FileResult, withSuggestions: boolean): Fix[] {
  const fixes: Fix[] = [];
  for (const finding of result.findings) {
    if (finding.fix) fixes.push(finding.fix);
    else if (withSuggestions && finding.suggestions?.[0]) fixes.push(finding.suggestions[0]);
  }
  return fixes;
}

export function fixText(text: string, lint: (text: string) => FileResult, withSuggestions: boolean): FixOutcome {
  const first = lint(text);
  if (fixesOf(first, withSuggestions).length === 0) return { text, result: first, applied: 0 };
  if (first.findings.some((finding) => finding.ruleId === 'yaml-syntax') || documentErrors(text) > 0) {
    return { text, result: first, applied: 0, refused: 'Not fixed: the file has a YAML syntax error.' };
  }
  let current = text;
  let result = first;
  let applied = 0;
  for (let pass = 0; pass < maxFixPasses; pass++) {
    const fixes = fixesOf(result, withSuggestions);
    if (fixes.length === 0) break;
    const next = applyFixes(current, fixes);
    if (next.applied === 0 || next.text === current) break;
    if (documentErrors(next.text) > 0) {
      return { text, result: first, applied: 0, refused: 'Not fixed: the fixed text would not parse (please report this).' };
    }
    current = next.text;
    applied += next.applied;
    result = lint(current);
  }
  return { text: current, result, applied };
}
