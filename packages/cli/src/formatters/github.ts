/**
 * GitHub Actions workflow commands: one annotation per finding, on the file and range it is
 * about. The runner unescapes `%`, CR and LF in the message, and additionally `:` and `,` in
 * property values (where they would end a value), so the two are escaped differently.
 * Suppressed findings are not annotated.
 */
import type { Severity } from '@sidecar-lint/core';
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

export const github: Formatter = (results, context) => {
  const lines: string[] = [];
  for (const result of results) {
    const file = workspacePath(result.file, context.cwd).display;
    for (const finding of result.findings) {
      lines.push(
        workflowCommand({
          severity: finding.severity,
          file,
          line: finding.line,
          column: finding.column,
          endLine: finding.endLine,
          endColumn: finding.endColumn,
          title: finding.ruleId,
          message: finding.message,
        }),
      );
    }
  }
  return lines.map((line) => `${line}\n`).join('');
};
