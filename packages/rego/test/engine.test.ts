/** The Rego engine behind the core's engine seam: the twins, custom OPA wasm policies, errors. */
import { describe, expect, it } from 'vitest';
import { lintSource, resolveTarget } from '@sidecar-lint/core';
import { compile } from '@sidecar-lint/rego-compiler';
import { createRegoEngine, hostBuiltinArities, loadCustomPolicy, PolicyLoadError } from '../dist/index.js';

const manifest = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: web',
  'spec:',
  '  initContainers:',
  '    - name: proxy',
  '      image: envoyproxy/envoy:v1.31',
  '      restartPolicy: always',
  '  containers:',
  '    - name: app',
  '      image: example/app:1',
  '      restartPolicy: Always',
  '',
].join('\n');

describe('the compiled twins', () => {
  const engine = createRegoEngine();

  it('give the core engine findings, with the core fixes', () => {
    const target = resolveTarget({ kubernetesVersion: '1.31-1.35' });
    const viaRego = lintSource({ uri: 'pod.yaml', text: manifest }, { target, engine });
    const viaCore = lintSource({ uri: 'pod.yaml', text: manifest }, { target });
    expect(viaRego).toEqual(viaCore);
    expect(viaRego.findings.map((f) => [f.ruleId, f.severity, f.path, f.line, f.column, f.fix?.description ?? null])).toEqual([
      ['restart-policy-dropped', 'warning', 'spec.initContainers[0].restartPolicy', 9, 7, 'Write restartPolicy: Always on init container "proxy".'],
      ['restart-policy-init-value', 'error', 'spec.initContainers[0].restartPolicy', 9, 22, 'Write restartPolicy: Always on init container "proxy".'],
      ['restart-policy-app-container', 'error', 'spec.containers[0].restartPolicy', 13, 7, null],
      ['restart-policy-dropped', 'warning', 'spec.containers[0].restartPolicy', 13, 7, null],
    ]);
  });

  it('honour rules turned off in config', () => {
    const target = resolveTarget({ kubernetesVersion: '1.31' });
    const result = lintSource({ uri: 'pod.yaml', text: manifest }, { target, engine, rules: { 'restart-policy-init-value': 'off' } });
    expect(result.findings.map((f) => f.ruleId)).toEqual(['restart-policy-app-container']);
  });
});

describe('custom OPA wasm policies (--policy)', () => {
  const source = [
    'package team.images',
    'import rego.v1',
    'deny contains msg if {',
    '  some c in input.spec.containers',
    '  endswith(c.image, ":1")',
    '  msg := sprintf("container %s uses a floating tag", [c.name])',
    '}',
    'warn contains "pods should have labels" if not input.metadata.labels',
    'violation contains {"msg": "no proxy allowed", "details": {"path": "spec.initContainers[0].image"}} if input.spec.initContainers[0].name == "proxy"',
  ].join('\n');
  const { wasm } = compile({
    modules: [{ file: 'images.rego', source }],
    entrypoints: ['team/images/deny', 'team/images/warn', 'team/images/violation'],
    builtins: hostBuiltinArities,
  });

  it('turn deny, warn and violation into findings: rule id from the package, position from details.path', () => {
    const engine = createRegoEngine({ custom: [loadCustomPolicy('images.wasm', wasm)] });
    const target = resolveTarget({ kubernetesVersion: '1.33' });
    const result = lintSource({ uri: 'pod.yaml', text: manifest }, { target, engine, rules: { 'restart-policy-init-value': 'off', 'restart-policy-app-container': 'off' } });
    expect(result.findings.map((f) => [f.ruleId, f.severity, f.path, f.line, f.column, f.message])).toEqual([
      ['team.images', 'error', '', 1, 1, 'Container app uses a floating tag.'],
      ['team.images', 'warning', '', 1, 1, 'Pods should have labels.'],
      ['team.images', 'error', 'spec.initContainers[0].image', 8, 7, 'No proxy allowed.'],
    ]);
  });

  it('refuse a file that is not a wasm policy, with its name', () => {
    expect(() => loadCustomPolicy('notes.txt', new TextEncoder().encode('hello'))).toThrow(PolicyLoadError);
    expect(() => loadCustomPolicy('notes.txt', new TextEncoder().encode('hello'))).toThrow(/^notes.txt: not an OPA wasm policy/);
  });
});
