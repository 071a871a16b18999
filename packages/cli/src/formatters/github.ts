/**
 * GitHub Actions workflow commands: one annotation per finding, on the file and range it is
 * about. The runner unescapes `%`, CR and LF in the message, and additionally `:` and `,` in
 * property values (where they would end a value), so the two are escaped differently.
 * Suppressed findings are not annotated.
 */
import type { Finding, Severity } from '@sidecar-lint/core';
import type { Formatter } from './types.js';
import { workspacePath } from './workspace-path.js';

const commands: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export interface Annotation {
  severity: Severity;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  title: string;
  message: string;
}

export function workflowCommand(annotation: Annotation): string {
  const properties: [string, string | number][] = [
    ['file', annotation.file],
    ['line', annotation.line],
    ['col', annotation.column],
    ['endLine', annotation.endLine],
    ['endColumn', annotation.endColumn],
    ['title', annotation.title],
  ];
  const list = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${commands[annotation.severity]} ${list}::${escapeData(annotation.message)}`;
}

/** What an annotation needs of a finding: the CLI's findings and the JSON report's both have it. */
export type AnnotatedFinding = Pick<Finding, 'ruleId' | 'severity' | 'message' | 'line' | 'column' | 'endLine' | 'endColumn'>;

export interface AnnotatedFile {
  file: string;
  findings: readonly AnnotatedFinding[];
}

/** One workflow command per finding, files relative to the workspace `cwd`. */
export function workflowCommands(results: readonly AnnotatedFile[], cwd: string): string {
  const lines: string[] = [];
  for (const result of results) {
    const file = workspacePath(result.file, cwd).display;
    for (const finding of result.findings) lines.push(workflowCommand({ ...finding, file, title: finding.ruleId }));
  }
  return lines.map((line) => `${line}\n`).join('');
}

export const github: Formatter = (results, context) => workflowCommands(results, context.cwd);
