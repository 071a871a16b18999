/** The command line of DESIGN §3, parsed by node:util parseArgs into plain options. */
import { parseArgs } from 'node:util';
import type { FieldValidation, RuleSetting } from '@sidecar-lint/core';
import { UsageError } from './errors.js';

export const formatNames = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;
export type FormatName = (typeof formatNames)[number];
export const engineNames = ['core', 'rego'] as const;
export type EngineName = (typeof engineNames)[number];

export interface CliOptions {
  paths: string[];
  kubernetesVersion?: string;
  featureGates?: Record<string, boolean>;
  fieldValidation?: FieldValidation;
  kubeletVersion?: string;
  checkSyntax: boolean;
  format: FormatName;
  /** True when --format was given (--list-rules is a table unless asked for JSON). */
  formatGiven: boolean;
  outputFile?: string;
  config?: string;
  rules: Record<string, RuleSetting>;
  maxWarnings?: number;
  fix: boolean;
  fixSuggestions: boolean;
  fixDryRun: boolean;
  engine: EngineName;
  policies: string[];
  listRules: boolean;
  printConfig?: string;
  version: boolean;
  help: boolean;
}

const spec = {
  'kube-version': { type: 'string' },
  'feature-gates': { type: 'string', multiple: true },
  'field-validation': { type: 'string' },
  'kubelet-version': { type: 'string' },
  'check-syntax': { type: 'boolean' },
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  rule: { type: 'string', multiple: true },
  'max-warnings': { type: 'string' },
  fix: { type: 'boolean' },
  'fix-suggestions': { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  engine: { type: 'string' },
  policy: { type: 'string', multiple: true },
  'list-rules': { type: 'boolean' },
  'print-config': { type: 'string' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

const severities: readonly RuleSetting[] = ['off', 'info', 'warning', 'error'];

/** `Name=true,Other=false` as kube-apiserver's --feature-gates takes it; repeated flags add up. */
export function parseFeatureGates(values: readonly string[]): Record<string, boolean> {
  const gates: Record<string, boolean> = {};
  for (const item of values.flatMap((value) => value.split(','))) {
    const entry = item.trim();
    if (entry === '') continue;
    const match = /^([A-Za-z][A-Za-z0-9]*)=(true|false)$/i.exec(entry);
    if (!match) throw new UsageError(`Invalid --feature-gates entry "${entry}": expected Name=true or Name=false.`);
    gates[match[1]!] = match[2]!.toLowerCase() === 'true';
  }
  return gates;
}

export function parseRuleFlags(values: readonly string[]): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  for (const value of values) {
    const match = /^([^=\s]+)=(\S+)$/.exec(value.trim());
    const setting = match?.[2] as RuleSetting | undefined;
    if (!match || !severities.includes(setting!)) {
      throw new UsageError(`Invalid --rule "${value}": expected <rule-id>=<off|info|warning|error>.`);
    }
    rules[match[1]!] = setting!;
  }
  return rules;
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) throw new UsageError(`Invalid ${flag} "${value}": expected one of ${allowed.join(', ')}.`);
  return value as T;
}

/** Node's parseArgs messages name the flag; ours are sentences. */
function usageMessage(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  const text = error.message.split('\n')[0]!.replace(/\. To specify .*$/, '');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `${text.replace(/^Unknown option '(.*)'$/, 'Unknown option $1')}; see sidecar-lint --help.`;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

export function parseCli(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: spec, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(usageMessage(error as Error));
  }
  const { values, positionals } = parsed;
  const options: CliOptions = {
    paths: positionals,
    checkSyntax: values['check-syntax'] ?? false,
    format: oneOf('--format', values.format, formatNames, 'stylish'),
    formatGiven: values.format !== undefined,
    rules: parseRuleFlags(values.rule ?? []),
    fix: (values.fix ?? false) || (values['fix-suggestions'] ?? false),
    fixSuggestions: values['fix-suggestions'] ?? false,
    fixDryRun: values['fix-dry-run'] ?? false,
    engine: oneOf('--engine', values.engine, engineNames, 'core'),
    policies: values.policy ?? [],
    listRules: values['list-rules'] ?? false,
    version: values.version ?? false,
    help: values.help ?? false,
  };
  if (values['kube-version'] !== undefined) options.kubernetesVersion = values['kube-version'];
  if (values['feature-gates'] !== undefined) options.featureGates = parseFeatureGates(values['feature-gates']);
  if (values['field-validation'] !== undefined) options.fieldValidation = oneOf('--field-validation', values['field-validation'], ['strict', 'warn'] as const, 'strict');
  if (values['kubelet-version'] !== undefined) options.kubeletVersion = values['kubelet-version'];
  if (values['output-file'] !== undefined) options.outputFile = values['output-file'];
  if (values.config !== undefined) options.config = values.config;
  if (values['print-config'] !== undefined) options.printConfig = values['print-config'];
  if (values['max-warnings'] !== undefined) {
    const text = values['max-warnings'];
    if (!/^\d+$/.test(text)) throw new UsageError(`Invalid --max-warnings "${text}": expected a whole number (0 or more).`);
    options.maxWarnings = Number(text);
  }
  return options;
}
