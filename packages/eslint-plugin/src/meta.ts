/** ESLint rule metadata, derived from the core's rule metadata so ids and texts never drift. */
import type { RuleMeta } from '@sidecar-lint/core';
import type { Rule } from 'eslint';

export const pluginName = '@sidecar-lint/eslint-plugin';
export const namespace = 'sidecar-lint';
export const docsBase = 'https://github.com/sidecar-lint/sidecar-lint/blob/main/docs/rules';

export function docsUrl(ruleId: string): string {
  return `${docsBase}/${ruleId}.md`;
}

/** The one message every rule reports: the core's sentence, then its own severity and versions. */
export const messages = {
  finding: '{{message}} Severity {{severity}} on Kubernetes {{versions}}.',
  suggestion: '{{description}}',
  settings: 'Invalid sidecar-lint settings: {{message}}',
} as const;

export type MessageId = keyof typeof messages;

/** Languages a rule runs under: YAML through eslint-plugin-yml, TypeScript (and JavaScript) through js/js. */
export const ruleLanguages = ['yml/yaml', 'js/js'];

export function eslintMeta(meta: RuleMeta): Rule.RuleMetaData {
  const fixes = meta.fixable === 'fix' || meta.fixable === 'both';
  const suggests = meta.fixable === 'suggestion' || meta.fixable === 'both';
  return {
    type: meta.category === 'advice' ? 'suggestion' : 'problem',
    docs: {
      description: meta.description,
      url: docsUrl(meta.id),
      recommended: meta.defaultSeverity !== 'info',
    },
    messages: { ...messages },
    ...(fixes ? { fixable: 'code' as const } : {}),
    ...(suggests ? { hasSuggestions: true } : {}),
    schema: [],
    // ESLint 10.2+ refuses a rule under a language it does not list; ESLint 9 ignores the field.
    ...({ languages: ruleLanguages } as object),
  };
}
