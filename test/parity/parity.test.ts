/**
 * Engine parity (issue 6): the Rego twins, compiled by our own compiler and run through
 * @open-policy-agent/opa-wasm, must report exactly what the core reports: rule id, severity, path,
 * versions, message and position, on every manifest the tests know and on the shared corpus, for
 * several targets (ranges, gate overrides, warn field validation, an old kubelet).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintSource, resolveTarget, type FileResult, type Finding, type TargetInput } from '@sidecar-lint/core';
import { createRegoEngine } from '@sidecar-lint/rego';
import { repoRoot, sharedDir } from '../shared-dir.js';

const rego = createRegoEngine();
const shared = sharedDir();

function manifests(path: string): string[] {
  if (!statSync(path).isDirectory()) return /\.(ya?ml|json)$/.test(path) ? [path] : [];
  return readdirSync(path)
    .sort()
    .filter((name) => name !== 'node_modules')
    .flatMap((name) => manifests(join(path, name)));
}

const key = (f: Finding) => JSON.stringify([f.document, f.item ?? null, f.ruleId, f.severity, f.path, f.versions, f.line, f.column, f.endLine, f.endColumn, f.message]);
const keys = (result: FileResult) => [...result.findings.map(key), ...result.suppressed.map((f) => `suppressed ${key(f)}`)];

/** Compares both engines on each file; returns how many findings were compared. */
function compare(files: readonly string[], input: TargetInput): number {
  const target = resolveTarget(input);
  let compared = 0;
  for (const file of files) {
    const source = { uri: relative(repoRoot, file), text: readFileSync(file, 'utf8') };
    const core = keys(lintSource(source, { target }));
    const viaRego = keys(lintSource(source, { target, engine: rego }));
    expect(viaRego, `${source.uri} with ${JSON.stringify(input)}`).toEqual(core);
    compared += core.length;
  }
  return compared;
}

/** Every container kind and restartPolicy value of the version matrix, as manifests. */
function matrixManifests(): Array<{ name: string; text: string }> {
  const values = ['Always', 'OnFailure', 'Never', '""', 'always', 'on', '7', 'null'];
  const lists = ['initContainers', 'containers', 'ephemeralContainers'];
  return lists.flatMap((list) =>
    values.map((value) => ({
      name: `${list}-${value}`,
      text: [
        'apiVersion: batch/v1', 'kind: Job', 'metadata:', '  name: matrix', 'spec:', '  podFailurePolicy:', '    rules:',
        '      - action: FailJob', '        onExitCodes: {operator: NotIn, values: [0]}', '  template:', '    spec:', '      restartPolicy: Never',
        `      ${list}:`, '        - name: subject', '          image: envoyproxy/envoy:v1.31', `          restartPolicy: ${value}`,
        '          restartPolicyRules: [{action: Restart, exitCodes: {operator: In, values: [42]}}]',
        '          readinessProbe: {httpGet: {port: 0}}', '          resizePolicy: [{resourceName: cpu, restartPolicy: RestartContainer}]',
        ...(list === 'containers' ? [] : ['      containers:']), '        - name: main', '          image: example/batch:1',
      ].join('\n') + '\n',
    })),
  );
}

const targets: TargetInput[] = [
  {},
  { kubernetesVersion: '1.27-1.36' },
  { kubernetesVersion: '1.27-1.36', fieldValidation: 'warn', kubeletVersion: '1.27' },
  { kubernetesVersion: '1.28-1.32', featureGates: { SidecarContainers: false } },
  { kubernetesVersion: '1.28-1.32', featureGates: { SidecarContainers: true, InPlacePodVerticalScaling: true } },
  { kubernetesVersion: '1.34-1.35', featureGates: { ContainerRestartRules: true, RestartAllContainersOnContainerExits: true } },
  { kubernetesVersion: '1.34-1.35', featureGates: { ContainerRestartRules: false } },
];

describe('core and Rego engines agree', () => {
  const known = [...manifests(join(repoRoot, 'examples')), ...manifests(join(repoRoot, 'test'))];

  it.each(targets.map((t) => [JSON.stringify(t), t] as const))('on the manifests of the repository, target %s', (_name, input) => {
    expect(compare(known, input)).toBeGreaterThan(0);
  });

  it.each(targets.map((t) => [JSON.stringify(t), t] as const))('on every cell of the restartPolicy matrix, target %s', (_name, input) => {
    const target = resolveTarget(input);
    for (const { name, text } of matrixManifests()) {
      const source = { uri: `${name}.yaml`, text };
      expect(keys(lintSource(source, { target, engine: rego })), name).toEqual(keys(lintSource(source, { target })));
    }
  });

  describe.skipIf(shared === null)('on the shared corpus', () => {
    it('sidecar examples, every target', () => {
      const files = manifests(join(shared!, 'corpus', 'sidecar-examples'));
      let compared = 0;
      for (const input of targets) compared += compare(files, input);
      expect(compared).toBeGreaterThan(1000);
    });

    it('every real manifest, the default range and 1.27-1.36', () => {
      const files = manifests(join(shared!, 'corpus', 'real'));
      expect(files.length).toBeGreaterThan(5000);
      compare(files, {});
      compare(files, { kubernetesVersion: '1.27-1.36' });
    });
  });
});
