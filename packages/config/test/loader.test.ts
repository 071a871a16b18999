import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clearConfigCache, ConfigError, ConfigLoader, loadConfigFor } from '../src/index.js';

const root = mkdtempSync(join(tmpdir(), 'sidecar-lint-config-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(root, 't-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('ConfigLoader', () => {
  it('uses the nearest config upward from the file, defaults where there is none', () => {
    const dir = tree({
      'app/.sidecar-lint.yaml': 'kubernetesVersion: "1.30"\n',
      'app/deep/er/x.yaml': '',
      'other/x.yaml': '',
    });
    const loader = new ConfigLoader({ cwd: dir });
    const app = loader.loadFor('app/deep/er/x.yaml');
    expect(app.configFile).toBe(join(dir, 'app/.sidecar-lint.yaml'));
    expect(app.target.minors.map((m) => m.version)).toEqual(['1.30']);
    const other = loader.loadFor(join(dir, 'other/x.yaml'));
    expect(other.configFile).toBeNull();
    expect(other.target.minors.map((m) => m.version)).toEqual(['1.31', '1.32', '1.33', '1.34', '1.35']);
  });

  it('prefers .sidecar-lint.yaml over .yml over .json in one folder', () => {
    const dir = tree({ '.sidecar-lint.json': '{"kubernetesVersion": "1.29"}', '.sidecar-lint.yml': 'kubernetesVersion: "1.30"\n' });
    expect(new ConfigLoader({ cwd: dir }).loadFor('x.yaml').targetInput).toEqual({ kubernetesVersion: '1.30' });
  });

  it('merges explicit values over the file key by key, gates gate by gate, rules rule by rule', () => {
    const dir = tree({
      '.sidecar-lint.yaml': [
        'kubernetesVersion: "1.29-1.32"',
        'fieldValidation: warn',
        'featureGates: {SidecarContainers: false, InPlacePodVerticalScaling: true}',
        'rules: {restart-policy-dropped: warning, init-container-probes: off}',
        'podSpecPaths: [{apiVersion: example.com/v1, kind: Thing, path: spec.pod}]',
        '',
      ].join('\n'),
    });
    const loaded = new ConfigLoader({
      cwd: dir,
      explicit: { kubernetesVersion: '1.30', featureGates: { SidecarContainers: true }, rules: { 'restart-policy-dropped': 'error' } },
    }).loadFor('x.yaml');
    expect(loaded.targetInput).toEqual({
      kubernetesVersion: '1.30',
      fieldValidation: 'warn',
      featureGates: { SidecarContainers: true, InPlacePodVerticalScaling: true },
    });
    expect(loaded.rules).toEqual({ 'restart-policy-dropped': 'error', 'init-container-probes': 'off' });
    expect(loaded.podSpecPaths).toEqual([{ apiVersion: 'example.com/v1', kind: 'Thing', path: 'spec.pod' }]);
    expect(loaded.target.minors[0]!.gates['SidecarContainers']).toBe(true);
    expect(loaded.target.minors[0]!.gates['InPlacePodVerticalScaling']).toBe(true);
    expect(loaded.target.fieldValidation).toBe('warn');
  });

  it('uses --config for every file and reports a missing one', () => {
    const dir = tree({ 'conf/base.yaml': 'kubeletVersion: "1.28"\n', 'a/.sidecar-lint.yaml': 'kubernetesVersion: "1.33"\n' });
    const loader = new ConfigLoader({ cwd: dir, configPath: 'conf/base.yaml' });
    expect(loader.loadFor('a/x.yaml').targetInput).toEqual({ kubeletVersion: '1.28' });
    expect(failure(() => new ConfigLoader({ cwd: dir, configPath: 'nope.yaml' }).loadFor('a/x.yaml'))).toBe(
      'nope.yaml: Cannot read the config file: no such file.',
    );
  });

  it('points target errors caused by the file at the key, and leaves explicit ones unpositioned', () => {
    const dir = tree({
      'old/.sidecar-lint.yaml': 'kubernetesVersion: "1.20"\n',
      'gate/.sidecar-lint.yaml': 'kubernetesVersion: "1.31"\nfeatureGates:\n  SidecarContainers: true\n  ContainerRestartRules: true\n',
      'lock/.sidecar-lint.yaml': 'kubernetesVersion: "1.33"\nfeatureGates:\n  SidecarContainers: false\n',
      'kubelet/.sidecar-lint.yml': 'kubeletVersion: "1.5"\n',
    });
    const loader = new ConfigLoader({ cwd: dir });
    expect(failure(() => loader.loadFor('old/x.yaml'))).toBe(
      'old/.sidecar-lint.yaml:1:20: Kubernetes 1.20 is older than the oldest version sidecar-lint knows (1.27).',
    );
    expect(failure(() => loader.loadFor('gate/x.yaml'))).toBe(
      'gate/.sidecar-lint.yaml:4:3: Unrecognized feature gate: ContainerRestartRules (it does not exist in Kubernetes 1.31).',
    );
    expect(failure(() => loader.loadFor('lock/x.yaml'))).toBe(
      'lock/.sidecar-lint.yaml:3:3: Cannot set feature gate SidecarContainers to false, feature is locked to true (Kubernetes 1.33).',
    );
    // An old kubelet is a fact about the cluster (no native sidecars), not an error.
    expect(loader.loadFor('kubelet/x.yaml').target.minors[0]!.kubeletSupportsSidecars).toBe(false);
    expect(failure(() => new ConfigLoader({ cwd: dir, explicit: { kubernetesVersion: '1.26' } }).loadFor('gate/x.yaml'))).toBe(
      'Kubernetes 1.26 is older than the oldest version sidecar-lint knows (1.27).',
    );
    // The explicit version decides where the file's gate must exist.
    expect(new ConfigLoader({ cwd: dir, explicit: { kubernetesVersion: '1.35' } }).loadFor('gate/x.yaml').target.minors[0]!.gates['ContainerRestartRules']).toBe(true);
  });

  it('refuses unknown rule ids given explicitly', () => {
    expect(failure(() => new ConfigLoader({ explicit: { rules: { 'no-such-rule': 'off' } } }))).toBe(
      'Unknown rule "no-such-rule"; sidecar-lint --list-rules shows the rule ids.',
    );
  });

  it('applies ignorePatterns relative to the config file folder', () => {
    const dir = tree({ 'repo/.sidecar-lint.yaml': 'ignorePatterns: ["charts/**/templates/**", "*.generated.yaml"]\n' });
    const loader = new ConfigLoader({ cwd: dir });
    expect(loader.isIgnored('repo/charts/web/templates/deploy.yaml')).toBe(true);
    expect(loader.isIgnored('repo/charts/web/values.yaml')).toBe(false);
    expect(loader.isIgnored('repo/deep/x.generated.yaml')).toBe(true);
    expect(loader.isIgnored('repo/x.yaml')).toBe(false);
  });

  it('caches per folder, and loadConfigFor shares a loader per options until cleared', () => {
    const dir = tree({ '.sidecar-lint.yaml': 'kubernetesVersion: "1.30"\n' });
    const first = loadConfigFor(join(dir, 'a.yaml'), { cwd: dir });
    expect(loadConfigFor(join(dir, 'b.yaml'), { cwd: dir })).toBe(first);
    writeFileSync(join(dir, '.sidecar-lint.yaml'), 'kubernetesVersion: "1.32"\n');
    expect(loadConfigFor(join(dir, 'a.yaml'), { cwd: dir }).targetInput.kubernetesVersion).toBe('1.30');
    clearConfigCache();
    expect(loadConfigFor(join(dir, 'a.yaml'), { cwd: dir }).targetInput.kubernetesVersion).toBe('1.32');
  });
});
