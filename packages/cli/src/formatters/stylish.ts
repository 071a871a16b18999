/**
 * The human format: per file, each finding with its position, severity, message and rule id, the
 * offending source lines with a ^^^^ marker under the exact span, the minors it applies to, and
 * the fix or suggestions; then one summary line. Colour only when the context says so.
 */
import { styleText } from 'node:util';
import { formatVersions, type FileResult, type Finding, type Severity } from '@sidecar-lint/core';
import type { Formatter } from './types.js';

// We decide about colour (TTY, NO_COLOR, --output-file); validateStream: false keeps Node from deciding again.
type Style = Parameters<typeof styleText>[0];

const severityStyle: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'cyan' };
/** Lines of a multi-line span shown before the excerpt is cut. */
const maxExcerptLines = 4;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Spaces as wide as `text`, keeping tabs so the marker lines up under tab-indented lines. */
function blankLike(text: string): string {
  return text.replace(/[^\t]/g, ' ');
}

function excerpt(lines: readonly string[], finding: Finding, paint: (style: Style, text: string) => string): string[] {
  const out: string[] = [];
  const last = Math.min(finding.endLine, finding.line + maxExcerptLines - 1);
  const width = String(last).length;
  for (let number = finding.line; number <= last; number++) {
    const text = lines[number - 1];
    if (text === undefined) break;
    const from = number === finding.line ? finding.column - 1 : text.length - text.trimStart().length;
    const to = number === finding.endLine ? finding.endColumn - 1 : text.length;
    const gutter = paint('dim', `${String(number).padStart(width)} | `);
    out.push(`    ${gutter}${text}`);
    const marks = Math.max(1, to - from);
    out.push(`    ${paint('dim', `${' '.repeat(width)} | `)}${blankLike(text.slice(0, from))}${paint(severityStyle[finding.severity], '^'.repeat(marks))}`);
  }
  if (last < finding.endLine) out.push(`    ${paint('dim', `${' '.repeat(width)} | ...`)}`);
  return out;
}

function findingBlock(finding: Finding, lines: readonly string[] | undefined, paint: (style: Style, text: string) => string): string[] {
  const position = `${finding.line}:${finding.column}`;
  const head = `  ${paint('dim', position)}  ${paint(severityStyle[finding.severity], finding.severity)}  ${finding.message}  ${paint('dim', finding.ruleId)}`;
  const out = [head];
  if (lines) out.push(...excerpt(lines, finding, paint));
  if (finding.versions.length > 0) out.push(`    ${paint('dim', 'on')} ${formatVersions(finding.versions)}`);
  if (finding.fix) out.push(`    ${paint('green', 'fix')} ${finding.fix.description} ${paint('dim', '(--fix)')}`);
  for (const suggestion of finding.suggestions ?? []) out.push(`    ${paint('blue', 'suggestion')} ${suggestion.description} ${paint('dim', '(--fix-suggestions)')}`);
  return out;
}

function summary(results: readonly FileResult[], paint: (style: Style, text: string) => string): string {
  const findings = results.flatMap((result) => result.findings);
  const count = (severity: Severity) => findings.filter((finding) => finding.severity === severity).length;
  const suppressed = results.reduce((sum, result) => sum + result.suppressed.length, 0);
  const fixable = findings.filter((finding) => finding.fix).length;
  const files = plural(results.length, 'file');
  const extra = [suppressed > 0 ? `${suppressed} suppressed` : '', fixable > 0 ? `${fixable} fixable with --fix` : ''].filter(Boolean).join(', ');
  const tail = extra ? `; ${extra}` : '';
  if (findings.length === 0) return paint('green', `No problems in ${files}${tail}.`);
  const text = `${plural(findings.length, 'problem')} (${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info'), 'info')}) in ${files}${tail}.`;
  return paint(count('error') > 0 ? 'red' : count('warning') > 0 ? 'yellow' : 'cyan', text);
}

/** Stylish with access to the linted texts (for the excerpts). */
export function createStylish(sourceOf: (file: string) => string | undefined): Formatter {
  return (results, context) => {
    const paint = context.color ? (style: Style, text: string) => styleText(style, text, { validateStream: false }) : (_style: Style, text: string) => text;
    const out: string[] = [];
    for (const result of results) {
      if (result.findings.length === 0) continue;
      const lines = sourceOf(result.file)?.split(/\r?\n/);
      out.push(paint('underline', result.file));
      for (const finding of result.findings) out.push(...findingBlock(finding, lines, paint));
      out.push('');
    }
    out.push(summary(results, paint));
    return `${out.join('\n')}\n`;
  };
}
