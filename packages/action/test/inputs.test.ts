import { describe, expect, it } from 'vitest';
import { InputError, readInputs } from '../src/inputs.js';
import { outputRecord } from '../src/runner-files.js';

describe('readInputs', () => {
  it('reads INPUT_* the way the runner names them (upper case, hyphens kept) with the defaults of action.yml', () => {
    expect(readInputs({ RUNNER_TEMP: '/runner/tmp/' })).toEqual({
      paths: ['.'],
      kubeVersion: undefined,
      featureGates: undefined,
      config: undefined,
      format: 'stylish',
      sarifFile: '/runner/tmp/sidecar-lint.sarif',
      failOn: 'error',
    });
    expect(
      readInputs({
        INPUT_PATHS: 'k8s/\n  charts/out/*.yaml  other.yml\n',
        'INPUT_KUBE-VERSION': ' 1.29-1.33 ',
        'INPUT_FEATURE-GATES': 'SidecarContainers=false',
        INPUT_CONFIG: 'ci/.sidecar-lint.yaml',
        INPUT_FORMAT: 'junit',
        'INPUT_SARIF-FILE': 'out/lint.sarif',
        'INPUT_FAIL-ON': 'warning',
      }),
    ).toEqual({
      paths: ['k8s/', 'charts/out/*.yaml', 'other.yml'],
      kubeVersion: '1.29-1.33',
      featureGates: 'SidecarContainers=false',
      config: 'ci/.sidecar-lint.yaml',
      format: 'junit',
      sarifFile: 'out/lint.sarif',
      failOn: 'warning',
    });
  });

  it('writes no SARIF file when neither sarif-file nor RUNNER_TEMP gives a place', () => {
    expect(readInputs({}).sarifFile).toBeUndefined();
  });

  it('rejects unknown fail-on and format values with a sentence', () => {
    expect(() => readInputs({ 'INPUT_FAIL-ON': 'none' })).toThrow(new InputError('Invalid input fail-on: "none"; expected one of error, warning, never.'));
    expect(() => readInputs({ INPUT_FORMAT: 'xml' })).toThrow(new InputError('Invalid input format: "xml"; expected one of stylish, json, sarif, github, junit.'));
  });
});

describe('outputRecord', () => {
  it('writes a heredoc record so a value with line breaks stays one output', () => {
    expect(outputRecord('sarif-file', 'a\nb', 'EOF_1')).toBe('sarif-file<<EOF_1\na\nb\nEOF_1\n');
  });
});
