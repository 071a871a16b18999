/**
 * @sidecar-lint/eslint-plugin: every sidecar-lint rule as an ESLint rule (`sidecar-lint/<id>`), for
 * Kubernetes YAML (the `yml/yaml` language of eslint-plugin-yml) and cdk8s TypeScript
 * (typescript-eslint's parser; `recommended-type-checked` adds detection by type).
 */
import type { ESLint, Linter } from 'eslint';
import yml from 'eslint-plugin-yml';
import tsParser from '@typescript-eslint/parser';
import { ruleMetas } from '@sidecar-lint/core';
import { namespace, pluginName } from './meta.js';
import { rules } from './rules.js';

export { rules } from './rules.js';
export { docsUrl, eslintMeta, messages } from './meta.js';
export { resourceSites } from './typescript/analyze.js';
export type { ResourceSite } from './typescript/sites.js';
export { locatePath, type StaticValue, type ObjectEntry } from './typescript/static-value.js';
export { targetFromSettings, type SidecarLintSettings } from './settings.js';

export const yamlFiles = ['**/*.yaml', '**/*.yml'];
export const typeScriptFiles = ['**/*.ts', '**/*.mts', '**/*.cts'];

/** error -> "error", warning -> "warn", info rules off: ESLint has one severity per rule. */
export const recommendedRules: Linter.RulesRecord = Object.fromEntries(
  ruleMetas.map((meta) => [`${namespace}/${meta.id}`, meta.defaultSeverity === 'error' ? 'error' : meta.defaultSeverity === 'warning' ? 'warn' : 'off']),
);

const plugin = {
  meta: { name: pluginName, version: '0.1.0', namespace },
  rules,
  configs: {} as Record<string, Linter.Config[]>,
} satisfies ESLint.Plugin;

const yamlConfig: Linter.Config = {
  name: 'sidecar-lint/yaml',
  files: yamlFiles,
  plugins: { yml: yml as unknown as ESLint.Plugin, [namespace]: plugin },
  language: 'yml/yaml',
  rules: recommendedRules,
};

const typeScriptConfig: Linter.Config = {
  name: 'sidecar-lint/typescript',
  files: typeScriptFiles,
  plugins: { [namespace]: plugin },
  languageOptions: { parser: tsParser as Linter.Parser },
  rules: recommendedRules,
};

plugin.configs['recommended'] = [yamlConfig, typeScriptConfig];
plugin.configs['recommended-type-checked'] = [
  yamlConfig,
  {
    ...typeScriptConfig,
    name: 'sidecar-lint/typescript-type-checked',
    languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { projectService: true } },
  },
];

export default plugin;
