/** --list-rules: a table for people, or the rules' metadata as JSON. */
import { ruleMetas } from '@sidecar-lint/core';

export function listRules(asJson: boolean): string {
  if (asJson) return `${JSON.stringify(ruleMetas, null, 2)}\n`;
  const rows = ruleMetas.map((rule) => [rule.id, rule.defaultSeverity, rule.category, rule.fixable ?? '-', rule.description]);
  const header = ['rule', 'severity', 'category', 'fixable', 'description'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ');
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}
