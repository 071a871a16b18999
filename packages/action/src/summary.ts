/**
 * The job summary: what was checked against which target, the counts, and a table of findings per
 * file. Annotations stop at ten per severity and step, so the summary is where the full list lives.
 */
import { formatVersions } from '@sidecar-lint/core';
import type { Report, ReportFinding } from './report.js';

/** GitHub caps a step summary at 1 MiB; past this many rows the rest is left to SARIF and the log. */
export const MAX_ROWS = 500;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Table cells: no pipes, no line breaks, no HTML from the linted files. */
export function cell(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

function code(text: string): string {
  return `<code>${cell(text)}</code>`;
}

/** The target in one line; gates are named only when the run overrode some (defaults are per minor). */
export function describeTarget(target: Report['target'], featureGates: string | undefined): string {
  const parts = [`Kubernetes ${formatVersions(target.kubernetesVersions)}`, `field validation ${target.fieldValidation}`];
  if (target.kubeletVersion) parts.push(`oldest kubelet ${target.kubeletVersion}`);
  if (featureGates) parts.push(`feature gates ${featureGates}`);
  return parts.map(cell).join(', ');
}

function findingRow(finding: ReportFinding): string {
  const where = finding.path ?? `document ${finding.document + 1}`;
  return `| ${finding.line}:${finding.column} | ${finding.severity} | ${code(finding.ruleId)} | ${code(where)} | ${cell(finding.message)} |`;
}

function countOf(findings: readonly ReportFinding[], severity: ReportFinding['severity']): number {
  return findings.filter((finding) => finding.severity === severity).length;
}

export function summaryMarkdown(report: Report, featureGates: string | undefined): string {
  const { summary } = report;
  const lines = [
    '## sidecar-lint',
    '',
    `**${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.infos, 'info')}** ` +
      `in ${plural(summary.files, 'file')}${summary.suppressed > 0 ? ` (${summary.suppressed} suppressed)` : ''}.`,
    '',
    `Target: ${describeTarget(report.target, featureGates)}.`,
    '',
  ];
  const withFindings = report.results.filter((result) => result.findings.length > 0 || result.suppressed.length > 0);
  if (withFindings.length === 0) {
    lines.push('No findings.', '');
    return lines.join('\n');
  }
  lines.push('| File | Errors | Warnings | Infos | Suppressed |', '|---|---:|---:|---:|---:|');
  for (const { file, findings, suppressed } of withFindings) {
    lines.push(`| ${code(file)} | ${countOf(findings, 'error')} | ${countOf(findings, 'warning')} | ${countOf(findings, 'info')} | ${suppressed.length} |`);
  }
  lines.push('');
  let rows = 0;
  for (const { file, findings } of withFindings) {
    if (findings.length === 0 || rows >= MAX_ROWS) continue;
    lines.push(`### ${code(file)}`, '', '| Line | Severity | Rule | Field | Message |', '|---|---|---|---|---|');
    for (const finding of findings.slice(0, MAX_ROWS - rows)) lines.push(findingRow(finding));
    rows += Math.min(findings.length, MAX_ROWS - rows);
    lines.push('');
  }
  const total = summary.errors + summary.warnings + summary.infos;
  if (rows < total) lines.push(`The first ${MAX_ROWS} of ${total} findings are shown; the SARIF report and the log have them all.`, '');
  return lines.join('\n');
}

/** The summary of a run that could not lint: a bad input, a config error, a path that cannot be read. */
export function failureSummary(messages: readonly string[]): string {
  return ['## sidecar-lint', '', 'The run stopped before linting (exit status 2):', '', ...messages.map((message) => `- ${cell(message)}`), ''].join('\n');
}
