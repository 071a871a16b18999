/** The docs page of a rule (docs/rules/<id>.md), generated from the core's metadata and the ESLint meta. */
import type { RuleMeta } from '@sidecar-lint/core';
import { namespace } from './meta.js';

const severityWord = { error: 'error', warning: 'warning', info: 'info' } as const;
const eslintSeverity = { error: '"error"', warning: '"warn"', info: 'off' } as const;

export const generatedNotice = '<!-- Generated from the rule metadata by `pnpm --filter @sidecar-lint/eslint-plugin docs`; do not edit. -->';

export function ruleDoc(meta: RuleMeta): string {
  const lines = [
    `# ${meta.id}`,
    '',
    generatedNotice,
    '',
    `${meta.description}.`,
    '',
    `- Default severity: **${severityWord[meta.defaultSeverity]}** (ESLint \`configs.recommended\`: ${eslintSeverity[meta.defaultSeverity]})`,
    `- Category: ${meta.category}`,
    `- ESLint: \`${namespace}/${meta.id}\``,
    `- Fixes: ${meta.fixable === 'fix' ? 'certain fixes (`--fix`)' : meta.fixable === 'suggestion' ? 'suggestions (they change behaviour)' : meta.fixable === 'both' ? 'certain fixes and suggestions' : 'none'}`,
    '',
    '## Why',
    '',
    meta.rationale,
    '',
    '## How to fix',
    '',
    meta.howToFix,
  ];
  if (meta.example) {
    lines.push('', '## Example', '', 'Reported:', '', '```yaml', meta.example.bad, '```', '', 'Fixed:', '', '```yaml', meta.example.good, '```');
  }
  lines.push(
    '',
    '## Suppressing',
    '',
    `An annotation on the resource or its pod template, \`ignore.sidecar-lint.io/${meta.id}: "<reason>"\`, works everywhere (CLI, ESLint, cdk8s, also set from TypeScript); in YAML, \`# sidecar-lint-disable-next-line ${meta.id} -- <reason>\` or, under ESLint, \`# eslint-disable-next-line ${namespace}/${meta.id}\`.`,
    '',
  );
  return lines.join('\n');
}
