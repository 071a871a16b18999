/**
 * The sidecar-lint command end to end: the built bin in a scratch folder, exit codes, stdin,
 * the JSON report (exact, and valid against schemas/report.schema.json), config lookup and its
 * errors, suppressions, --fix and --fix-dry-run, --list-rules, --print-config.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, cli, fixtures, report, scratch } from './helpers.js';

const v133 = ['--kube-version', '1.33'];

const badPodResource = { apiVersion: 'v1', kind: 'Pod', name: 'web', namespace: null };
const initValueFinding = {
  ruleId: 'restart-policy-init-value',
  severity: 'error',
  message: 'Rejected on 1.33: Unsupported value: "always": supported values: "Always".',
  path: 'spec.initContainers[0].restartPolicy',
  line: 9,
  column: 22,
  endLine: 9,
  endColumn: 28,
  document: 0,
  versions: ['1.33'],
  resource: badPodResource,
  fixable: true,
  fix: { description: 'Write restartPolicy: Always on init container "proxy".' },
  suggestions: [],
};
const appContainerFinding = {
  ruleId: 'restart-policy-app-container',
  severity: 'error',
  message: 'Rejected on 1.33: Forbidden: may not be set for non-init containers.',
  path: 'spec.containers[0].restartPolicy',
  line: 15,
  column: 7,
  endLine: 15,
  endColumn: 28,
  document: 0,
  versions: ['1.33'],
  resource: badPodResource,
  fixable: false,
  suggestions: [],
};

describe('exit codes', () => {
  it('exits 0 on a clean manifest and 1 on errors', () => {
    const dir = scratch({ 'clean.yaml': fixtures.clean, 'bad.yaml': fixtures.bad });
    expect(cli(['clean.yaml'], { cwd: dir })).toEqual({ status: 0, stdout: 'No problems in 1 file.\n', stderr: '' });
    expect(cli([...v133, 'bad.yaml'], { cwd: dir }).status).toBe(1);
  });

  it('exits 1 on a yaml-syntax error, at the parser position', () => {
    const dir = scratch({ 'broken.yaml': fixtures.broken });
    const run = cli(['-f', 'json', ...v133, 'broken.yaml'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(report(run.stdout).results[0].findings).toEqual([
      {
        ruleId: 'yaml-syntax',
        severity: 'error',
        message: 'Flow sequence in block collection must be sufficiently indented and end with a ].',
        path: null,
        // The error is at the end of the file: the span is the document's last character, its final line break.
        line: 4,
        column: 16,
        endLine: 5,
        endColumn: 1,
        document: 0,
        versions: ['1.33'],
        resource: null,
        fixable: false,
        suggestions: [],
      },
    ]);
  });

  it('exits 2 on an unknown flag, with one line and no stack trace', () => {
    const run = cli(['--nope'], { cwd: scratch() });
    expect(run).toEqual({ status: 2, stdout: '', stderr: 'sidecar-lint: Unknown option --nope; see sidecar-lint --help.\n' });
  });

  it.each([
    [['--rule', 'no-such-rule=off'], 'sidecar-lint: Unknown rule "no-such-rule"; sidecar-lint --list-rules shows the rule ids.\n'],
    [['--rule', 'restart-policy-dropped'], 'sidecar-lint: Invalid --rule "restart-policy-dropped": expected <rule-id>=<off|info|warning|error>.\n'],
    [['--kube-version', '1.26'], 'sidecar-lint: Kubernetes 1.26 is older than the oldest version sidecar-lint knows (1.27).\n'],
    [['--kube-version', 'latest'], 'sidecar-lint: Invalid Kubernetes version "latest": expected a minor such as "1.31" or a range such as "1.31-1.35".\n'],
    [['--kube-version', '1.31', '--feature-gates', 'ContainerRestartRules=true'], 'sidecar-lint: Unrecognized feature gate: ContainerRestartRules (it does not exist in Kubernetes 1.31).\n'],
    [['--kube-version', '1.33', '--feature-gates', 'SidecarContainers=false'], 'sidecar-lint: Cannot set feature gate SidecarContainers to false, feature is locked to true (Kubernetes 1.33).\n'],
    [['--feature-gates', 'SidecarContainers'], 'sidecar-lint: Invalid --feature-gates entry "SidecarContainers": expected Name=true or Name=false.\n'],
    [['--max-warnings=-1'], 'sidecar-lint: Invalid --max-warnings "-1": expected a whole number (0 or more).\n'],
    [['--format', 'xml'], 'sidecar-lint: Invalid --format "xml": expected one of stylish, json, sarif, github, junit.\n'],
    [['--policy', 'custom.wasm'], 'sidecar-lint: --policy needs --engine rego.\n'],
    [['--engine', 'rego', '--policy', 'missing.wasm'], 'sidecar-lint: Cannot read policy missing.wasm (ENOENT).\n'],
    [['--engine', 'rego', '--policy', 'clean.yaml'], 'sidecar-lint: clean.yaml: not an OPA wasm policy (WebAssembly.Module(): expected magic word 00 61 73 6d, found 61 70 69 56 @+0).\n'],
  ])('exits 2 on %j', (args, stderr) => {
    const dir = scratch({ 'clean.yaml': fixtures.clean });
    expect(cli([...args, 'clean.yaml'], { cwd: dir })).toEqual({ status: 2, stdout: '', stderr });
  });

  it('exits 2 for a path that does not exist, and still reports the other files', () => {
    const dir = scratch({ 'bad.yaml': fixtures.bad });
    const run = cli([...v133, '-f', 'json', 'missing.yaml', 'bad.yaml'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('sidecar-lint: Cannot read missing.yaml: no such file or directory.\n');
    expect(report(run.stdout).results.map((result: { file: string }) => result.file)).toEqual(['bad.yaml']);
  });

  it('exits 2 when no file is found', () => {
    const dir = scratch({ 'README.md': '# nothing to lint\n' });
    expect(cli([], { cwd: dir })).toEqual({ status: 2, stdout: '', stderr: 'sidecar-lint: No files to lint (*.yaml, *.yml and *.json are linted).\n' });
  });

  it('counts warnings against --max-warnings only, never infos', () => {
    const dir = scratch({ 'bad.yaml': fixtures.bad });
    // On 1.34 (ContainerRestartRules off) both restartPolicy fields are silently dropped: 2 warnings, no error.
    const args = ['--kube-version', '1.34', '-f', 'json', 'bad.yaml'];
    const warningsOnly = report(cli(args, { cwd: dir }).stdout);
    expect(warningsOnly.summary).toEqual({ files: 1, documents: 1, errors: 0, warnings: 2, infos: 0, suppressed: 0 });
    expect(cli(args, { cwd: dir }).status).toBe(0);
    expect(cli([...args, '--max-warnings', '2'], { cwd: dir }).status).toBe(0);
    expect(cli([...args, '--max-warnings', '1'], { cwd: dir }).status).toBe(1);
  });

  it('warns on stderr for a minor newer than the table and checks it as the newest', () => {
    const dir = scratch({ 'clean.yaml': fixtures.clean });
    const run = cli(['--kube-version', '1.99', '-f', 'json', 'clean.yaml'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^sidecar-lint: Kubernetes 1\.99 is newer than the newest version sidecar-lint knows; minors after 1\.\d+ are checked as 1\.\d+\.\n$/);
  });
});

describe('the JSON report', () => {
  it('is exactly DESIGN §3 shape', () => {
    const dir = scratch({ 'bad.yaml': fixtures.bad, 'clean.yaml': fixtures.clean });
    const run = cli([...v133, '-f', 'json', 'bad.yaml', 'clean.yaml'], { cwd: dir });
    const parsed = report(run.stdout);
    expect(parsed).toEqual({
      tool: { name: 'sidecar-lint', version: '0.1.0' },
      target: {
        kubernetesVersions: ['1.33'],
        kubeletVersion: '1.33',
        fieldValidation: 'strict',
        featureGates: { '1.33': { SidecarContainers: true, InPlacePodVerticalScaling: true } },
      },
      results: [
        { file: 'bad.yaml', findings: [initValueFinding, appContainerFinding], suppressed: [] },
        { file: 'clean.yaml', findings: [], suppressed: [] },
      ],
      summary: { files: 2, documents: 2, errors: 2, warnings: 0, infos: 0, suppressed: 0 },
    });
  });

  it('reads stdin as "-" and names it <stdin>', () => {
    const run = cli([...v133, '-f', 'json', '-'], { cwd: scratch(), input: fixtures.bad });
    expect(run.status).toBe(1);
    const parsed = report(run.stdout);
    expect(parsed.results).toEqual([{ file: '<stdin>', findings: [initValueFinding, appContainerFinding], suppressed: [] }]);
  });

  it('walks directories in sorted order, skipping node_modules and .git, relative to the cwd', () => {
    const dir = scratch({
      'k8s/b.yml': fixtures.clean,
      'k8s/a/z.json': JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }),
      'k8s/a.yaml': fixtures.clean,
      'k8s/node_modules/x.yaml': fixtures.bad,
      'k8s/.git/x.yaml': fixtures.bad,
      'k8s/notes.txt': 'not a manifest',
    });
    const parsed = report(cli(['-f', 'json', 'k8s'], { cwd: dir }).stdout);
    expect(parsed.results.map((result: { file: string }) => result.file)).toEqual(['k8s/a/z.json', 'k8s/a.yaml', 'k8s/b.yml']);
  });

  it('expands globs', () => {
    const dir = scratch({ 'a/x.yaml': fixtures.clean, 'b/y.yaml': fixtures.clean, 'b/z.yml': fixtures.clean });
    const parsed = report(cli(['-f', 'json', 'b/*.yaml', 'a/**/*.yaml'], { cwd: dir }).stdout);
    expect(parsed.results.map((result: { file: string }) => result.file)).toEqual(['b/y.yaml', 'a/x.yaml']);
  });

  it('writes the report to --output-file', () => {
    const dir = scratch({ 'bad.yaml': fixtures.bad });
    const run = cli([...v133, '-f', 'json', '-o', 'out/report.json', 'bad.yaml'], { cwd: dir });
    expect(run).toEqual({ status: 1, stdout: '', stderr: '' });
    expect(report(readFileSync(join(dir, 'out/report.json'), 'utf8')).summary.errors).toBe(2);
  });
});

describe('suppressions', () => {
  it('moves findings suppressed by an annotation or a comment into "suppressed", with the reason', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: quiet
  annotations:
    ignore.sidecar-lint.io/restart-policy-app-container: "migrating in Q3"
spec:
  initContainers:
    - name: proxy
      image: envoyproxy/envoy:v1.30
      # sidecar-lint-disable-next-line restart-policy-init-value -- fixed upstream
      restartPolicy: always
      resources:
        requests: {cpu: 100m, memory: 64Mi}
  containers:
    - name: app
      image: nginx
      restartPolicy: Always
      resources:
        requests: {cpu: 100m, memory: 64Mi}
`;
    const dir = scratch({ 'quiet.yaml': text });
    const run = cli([...v133, '-f', 'json', 'quiet.yaml'], { cwd: dir });
    expect(run.status).toBe(0);
    const parsed = report(run.stdout);
    const resource = { apiVersion: 'v1', kind: 'Pod', name: 'quiet', namespace: null };
    expect(parsed.results[0]).toEqual({
      file: 'quiet.yaml',
      findings: [],
      suppressed: [
        { ...initValueFinding, line: 12, endLine: 12, resource, suppression: { kind: 'comment', reason: 'fixed upstream' } },
        { ...appContainerFinding, line: 18, endLine: 18, resource, suppression: { kind: 'annotation', reason: 'migrating in Q3' } },
      ],
    });
    expect(parsed.summary).toEqual({ files: 1, documents: 1, errors: 0, warnings: 0, infos: 0, suppressed: 2 });
    expect(cli([...v133, 'quiet.yaml'], { cwd: dir }).stdout).toBe('No problems in 1 file; 2 suppressed.\n');
  });
});

describe('config', () => {
  it('takes the target from the nearest config, per folder, with flags over it key by key', () => {
    const dir = scratch({
      'old/.sidecar-lint.yaml': 'kubernetesVersion: "1.33"\nrules: {restart-policy-app-container: warning}\n',
      'old/bad.yaml': fixtures.bad,
      'new/bad.yaml': fixtures.bad,
    });
    const parsed = report(cli(['-f', 'json', 'old/bad.yaml'], { cwd: dir }).stdout);
    expect(parsed.target.kubernetesVersions).toEqual(['1.33']);
    expect(parsed.results[0].findings).toEqual([initValueFinding, { ...appContainerFinding, severity: 'warning' }]);
    const overridden = report(cli(['-f', 'json', '--rule', 'restart-policy-init-value=off', 'old/bad.yaml'], { cwd: dir }).stdout);
    expect(overridden.results[0].findings).toEqual([{ ...appContainerFinding, severity: 'warning' }]);
    const other = report(cli(['-f', 'json', 'new/bad.yaml'], { cwd: dir }).stdout);
    expect(other.target.kubernetesVersions).toEqual(['1.31', '1.32', '1.33', '1.34', '1.35']);
  });

  it('reports a bad config with file, line and column, exit 2, and still lints files under other configs', () => {
    const dir = scratch({
      'a/.sidecar-lint.yaml': 'kubernetesVersion: "1.33"\nrules:\n  restart-policy-init-value: eror\n',
      'a/bad.yaml': fixtures.bad,
      'b/bad.yaml': fixtures.bad,
      'b/.sidecar-lint.json': '{"kubernetesVersion": "1.33"}',
    });
    const run = cli(['-f', 'json', 'a/bad.yaml', 'b/bad.yaml'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('sidecar-lint: a/.sidecar-lint.yaml:3:30: rules.restart-policy-init-value must be one of off, info, warning, error, not "eror".\n');
    expect(report(run.stdout).results.map((result: { file: string }) => result.file)).toEqual(['b/bad.yaml']);
  });

  it('honours ignorePatterns relative to the config folder', () => {
    const dir = scratch({
      '.sidecar-lint.yaml': 'ignorePatterns: ["charts/**/templates/**"]\n',
      'charts/web/templates/bad.yaml': fixtures.bad,
      'charts/web/ok.yaml': fixtures.clean,
    });
    const parsed = report(cli(['-f', 'json', '.'], { cwd: dir }).stdout);
    expect(parsed.results.map((result: { file: string }) => result.file)).toEqual(['charts/web/ok.yaml']);
  });

  it('prints the resolved config and target for a file', () => {
    const dir = scratch({ 'app/.sidecar-lint.yml': 'kubernetesVersion: "1.32-1.33"\nfeatureGates: {InPlacePodVerticalScaling: true}\nfieldValidation: warn\n' });
    const run = cli(['--print-config', 'app/x.yaml', '--kubelet-version', '1.30'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      file: 'app/x.yaml',
      configFile: join(dir, 'app/.sidecar-lint.yml'),
      kubernetesVersion: '1.32-1.33',
      featureGates: { InPlacePodVerticalScaling: true },
      fieldValidation: 'warn',
      kubeletVersion: '1.30',
      rules: {},
      ignorePatterns: [],
      podSpecPaths: [],
      target: {
        kubernetesVersions: ['1.32', '1.33'],
        kubeletVersion: '1.30',
        fieldValidation: 'warn',
        featureGates: {
          '1.32': { SidecarContainers: true, InPlacePodVerticalScaling: true },
          '1.33': { SidecarContainers: true, InPlacePodVerticalScaling: true },
        },
      },
    });
  });
});

describe('--fix', () => {
  it('writes the certain fix, keeps the mode, and exits with what remains', () => {
    const dir = scratch({ 'bad.yaml': fixtures.bad });
    chmodSync(join(dir, 'bad.yaml'), 0o640);
    const run = cli([...v133, '--fix', '-f', 'json', 'bad.yaml'], { cwd: dir });
    expect(run.status).toBe(1);
    // The fixed proxy is now a sidecar, and the app container starts next to it: a new warning.
    expect(report(run.stdout).results[0].findings).toEqual([
      {
        ruleId: 'sidecar-startup-probe',
        severity: 'warning',
        message: 'Sidecar "proxy" has no startupProbe, so "app" starts as soon as its process exists, possibly before it is ready.',
        path: 'spec.initContainers[0].startupProbe',
        line: 7,
        column: 7,
        endLine: 7,
        endColumn: 18,
        document: 0,
        versions: ['1.33'],
        resource: badPodResource,
        fixable: false,
        suggestions: [],
      },
      appContainerFinding,
    ]);
    expect(readFileSync(join(dir, 'bad.yaml'), 'utf8')).toBe(fixtures.bad.replace('restartPolicy: always', 'restartPolicy: Always'));
    expect(statSync(join(dir, 'bad.yaml')).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['bad.yaml']);
  });

  it('prints the fixed text for stdin instead of the report', () => {
    const run = cli([...v133, '--fix', '-'], { cwd: scratch(), input: fixtures.bad });
    expect(run).toEqual({ status: 1, stdout: fixtures.bad.replace('restartPolicy: always', 'restartPolicy: Always'), stderr: '' });
  });

  it('never touches a file with a YAML syntax error', () => {
    const text = `${fixtures.bad}---\nkind: [\n`;
    const dir = scratch({ 'bad.yaml': text });
    const run = cli([...v133, '--fix', '--check-syntax', 'bad.yaml'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('sidecar-lint: bad.yaml: Not fixed: the file has a YAML syntax error.\n');
    expect(readFileSync(join(dir, 'bad.yaml'), 'utf8')).toBe(text);
  });

  it('--fix-dry-run prints a unified diff and writes nothing', () => {
    const dir = scratch({ 'bad.yaml': fixtures.bad });
    const run = cli([...v133, '--fix-dry-run', 'bad.yaml'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      [
        '--- a/bad.yaml',
        '+++ b/bad.yaml',
        '@@ -6,7 +6,7 @@',
        '   initContainers:',
        '     - name: proxy',
        '       image: envoyproxy/envoy:v1.30',
        '-      restartPolicy: always',
        '+      restartPolicy: Always',
        '       resources:',
        '         requests: {cpu: 100m, memory: 64Mi}',
        '   containers:',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(dir, 'bad.yaml'), 'utf8')).toBe(fixtures.bad);
  });
});

describe('information', () => {
  it('--list-rules prints a table, and the metadata as JSON with --format json', () => {
    const dir = scratch();
    const table = cli(['--list-rules'], { cwd: dir });
    expect(table.status).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^rule +severity +category +fixable +description$/);
    expect(lines[1]).toMatch(/^yaml-syntax +error +syntax +- +A document that is not valid YAML or JSON$/);
    expect(lines.some((line) => /^restart-policy-init-value +error +api +fix +/.test(line))).toBe(true);
    const metas = JSON.parse(cli(['--list-rules', '--format', 'json'], { cwd: dir }).stdout);
    expect(metas[0]).toMatchObject({ id: 'yaml-syntax', defaultSeverity: 'error', category: 'syntax', fixable: null });
    expect(metas.length).toBe(lines.length - 1);
  });

  it('--version and --help', () => {
    const dir = scratch();
    expect(cli(['--version'], { cwd: dir })).toEqual({ status: 0, stdout: '0.1.0\n', stderr: '' });
    const help = cli(['--help'], { cwd: dir });
    expect(help.status).toBe(0);
    expect(help.stdout.split('\n')[0]).toBe('Usage: sidecar-lint [options] [paths...]');
  });
});

describe('process behaviour', () => {
  it('ends quietly with the computed status when stdout closes early (| head)', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`m/${String(i).padStart(3, '0')}.yaml`] = fixtures.bad;
    const dir = scratch(files);
    const command = `set -o pipefail; ${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} --kube-version 1.33 m | head -n 1`;
    const run = spawnSync('bash', ['-c', command], { cwd: dir, encoding: 'utf8' });
    expect(run.stdout).toBe('m/000.yaml\n');
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
  });

  it('never colours with NO_COLOR or when not a terminal', () => {
    const dir = scratch({ 'bad.yaml': fixtures.bad });
    expect(cli([...v133, 'bad.yaml'], { cwd: dir, env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
    expect(cli([...v133, 'bad.yaml'], { cwd: dir }).stdout).not.toContain('\u001b[');
  });
});
