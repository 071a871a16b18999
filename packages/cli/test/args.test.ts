import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCli, parseFeatureGates, parseRuleFlags } from '../src/args.js';
import { UsageError } from '../src/errors.js';
import { toolVersion } from '../src/version.js';

describe('parseCli', () => {
  it('reads every flag of DESIGN §3', () => {
    const options = parseCli([
      '--kube-version', '1.29-1.33', '--feature-gates', 'SidecarContainers=true,ContainerRestartRules=false', '--field-validation', 'warn',
      '--kubelet-version', '1.28', '--check-syntax', '--format', 'json', '-o', 'r.json', '-c', 'c.yaml', '--rule', 'restart-policy-dropped=off',
      '--rule', 'init-container-probes=info', '--max-warnings', '3', '--fix-suggestions', '--fix-dry-run', '--engine', 'core', '--policy', 'x.wasm', 'a.yaml', '-',
    ]);
    expect(options).toEqual({
      paths: ['a.yaml', '-'],
      kubernetesVersion: '1.29-1.33',
      featureGates: { SidecarContainers: true, ContainerRestartRules: false },
      fieldValidation: 'warn',
      kubeletVersion: '1.28',
      checkSyntax: true,
      format: 'json',
      formatGiven: true,
      outputFile: 'r.json',
      config: 'c.yaml',
      rules: { 'restart-policy-dropped': 'off', 'init-container-probes': 'info' },
      maxWarnings: 3,
      fix: true,
      fixSuggestions: true,
      fixDryRun: true,
      engine: 'core',
      policies: ['x.wasm'],
      listRules: false,
      version: false,
      help: false,
    });
  });

  it('defaults: stylish, core engine, no fixing, the cwd', () => {
    expect(parseCli([])).toMatchObject({ paths: [], format: 'stylish', formatGiven: false, engine: 'core', fix: false, rules: {} });
  });

  it.each([
    [['--nope'], 'Unknown option --nope; see sidecar-lint --help.'],
    [['--format'], "Option '-f, --format <value>' argument missing."],
    [['--fix=yes'], "Option '--fix' does not take an argument."],
    [['--field-validation', 'lax'], 'Invalid --field-validation "lax": expected one of strict, warn.'],
    [['--engine', 'opa'], 'Invalid --engine "opa": expected one of core, rego.'],
    [['--max-warnings', '1.5'], 'Invalid --max-warnings "1.5": expected a whole number (0 or more).'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCli(argv)).toThrow(new UsageError(message));
  });
});

describe('flag values', () => {
  it('parses feature gates as kube-apiserver does, repeated flags adding up', () => {
    expect(parseFeatureGates(['A=true, B=FALSE', 'A=false'])).toEqual({ A: false, B: false });
    expect(() => parseFeatureGates(['A=1'])).toThrow('Invalid --feature-gates entry "A=1": expected Name=true or Name=false.');
  });

  it('parses --rule id=severity', () => {
    expect(parseRuleFlags(['a=error', 'b=off'])).toEqual({ a: 'error', b: 'off' });
    expect(() => parseRuleFlags(['a=fatal'])).toThrow('Invalid --rule "a=fatal": expected <rule-id>=<off|info|warning|error>.');
  });
});

describe('version', () => {
  it('matches package.json', () => {
    expect(toolVersion).toBe(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version);
  });
});
