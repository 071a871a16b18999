import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfigText } from '../src/index.js';

function errorOf(text: string, file = '.sidecar-lint.yaml'): { message: string; line: number | null; column: number | null } {
  try {
    parseConfigText(text, file);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { message: error.message, line: error.line, column: error.column };
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfigText', () => {
  it('reads every key of DESIGN §3, with `off` as a string (YAML 1.2)', () => {
    const text = [
      'kubernetesVersion: "1.29-1.33"',
      'featureGates: {SidecarContainers: true}',
      'fieldValidation: strict',
      'kubeletVersion: "1.29"',
      'rules: {restart-policy-dropped: error, init-container-probes: off}',
      'ignorePatterns: ["charts/**/templates/**"]',
      'podSpecPaths:',
      '  - {apiVersion: argoproj.io/v1alpha1, kind: Rollout, path: spec.template.spec}',
      '',
    ].join('\n');
    expect(parseConfigText(text, 'c.yaml').values).toEqual({
      kubernetesVersion: '1.29-1.33',
      featureGates: { SidecarContainers: true },
      fieldValidation: 'strict',
      kubeletVersion: '1.29',
      rules: { 'restart-policy-dropped': 'error', 'init-container-probes': 'off' },
      ignorePatterns: ['charts/**/templates/**'],
      podSpecPaths: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', path: 'spec.template.spec' }],
    });
  });

  it('reads JSON, an empty file, a BOM, and ignores $schema', () => {
    expect(parseConfigText('{"$schema": "./config.schema.json", "fieldValidation": "warn"}', 'c.json').values).toEqual({ fieldValidation: 'warn' });
    expect(parseConfigText('', 'c.yaml').values).toEqual({});
    expect(parseConfigText('\uFEFFkubernetesVersion: "1.31"\n', 'c.yaml').values).toEqual({ kubernetesVersion: '1.31' });
  });

  it.each([
    ['kubernetesVersion: 1.30\n', 1, 20, 'kubernetesVersion must be a string, not 1.3. Quote it: YAML reads 1.30 as the number 1.3.'],
    ['kubernetesVersion: "abc"\n', 1, 20, 'kubernetesVersion "abc" is not a minor such as "1.31" or a range such as "1.31-1.35".'],
    ['kubeletVersion: "1.29-1.30"\n', 1, 17, 'kubeletVersion "1.29-1.30" is not a minor such as "1.31".'],
    ['fieldValidation: strict\nfoo: 1\n', 2, 1, 'Unknown key "foo" in the config; expected one of kubernetesVersion, featureGates, fieldValidation, kubeletVersion, rules, ignorePatterns, podSpecPaths.'],
    ['fieldValidation: lax\n', 1, 18, 'fieldValidation must be one of strict, warn, not "lax".'],
    ['featureGates:\n  SidecarContainers: "yes"\n', 2, 22, 'featureGates.SidecarContainers must be true or false, not "yes".'],
    ['featureGates:\n  bad-name: true\n', 2, 3, '"bad-name" is not a feature gate name (gate names are letters and digits, such as SidecarContainers).'],
    ['rules:\n  restart-policy-dropped: of\n', 2, 27, 'rules.restart-policy-dropped must be one of off, info, warning, error, not "of".'],
    ['rules:\n  restart-policy-dropped: warning\n  no-such-rule: error\n', 3, 3, 'Unknown rule "no-such-rule" in rules; sidecar-lint --list-rules shows the rule ids.'],
    ['ignorePatterns: "charts/**"\n', 1, 17, 'ignorePatterns must be a list, not "charts/**".'],
    ['podSpecPaths:\n  - {apiVersion: a/v1, kind: X}\n', 2, 5, 'podSpecPaths[0] is missing "path".'],
    ['podSpecPaths:\n  - apiVersion: a/v1\n    kind: X\n    path: spec\n    paths: spec\n', 5, 5, 'Unknown key "paths" in podSpecPaths[0]; expected one of apiVersion, kind, path, workload.'],
    ['- 1\n', 1, 1, 'The config must be a mapping of keys such as kubernetesVersion and rules.'],
    ['rules: [\n', 2, 1, 'Flow sequence in block collection must be sufficiently indented and end with a ].'],
    ['fieldValidation: strict\nfieldValidation: warn\n', 2, 1, 'Map keys must be unique.'],
  ])('reports %j at its line and column', (text, line, column, reason) => {
    expect(errorOf(text)).toEqual({ message: `.sidecar-lint.yaml:${line}:${column}: ${reason}`, line, column });
  });

  it('keeps __proto__ a plain key: an unknown key, never a prototype', () => {
    expect(errorOf('__proto__: {fieldValidation: warn}\n').message).toBe(
      '.sidecar-lint.yaml:1:1: Unknown key "__proto__" in the config; expected one of kubernetesVersion, featureGates, fieldValidation, kubeletVersion, rules, ignorePatterns, podSpecPaths.',
    );
  });

  it('stops alias bombs with a positioned error', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'rules: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]', ''].join('\n');
    expect(errorOf(bomb).message).toBe('.sidecar-lint.yaml:1:1: Too many alias expansions; a config needs none this large.');
  });
});
