/**
 * The pre-commit hook for real: Debian's pre-commit installs this repository as a `language: node`
 * hook (npm install in a clone, npm pack, npm install -g of the tarball) and runs the committed
 * bundle on a project's manifests. Two releases: bookworm's 3.0.x (`pre-commit` on PATH) and
 * trixie's 4.x, which .ci/run unpacks from Debian's archive and names in SIDECAR_LINT_PRE_COMMIT_4.
 * pre-commit needs the hook files committed, so the test clones HEAD and commits the working
 * tree's hook files on top.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../shared-dir.js';

const hookFiles = ['package.json', '.pre-commit-hooks.yaml', 'dist/sidecar-lint.mjs'];

interface PreCommit {
  label: string;
  /** The command, or undefined where this release is not provided. */
  command: string | undefined;
  /** The major version `--version` must report. */
  major: number;
  howToGet: string;
}

const preCommits: PreCommit[] = [
  { label: "Debian's pre-commit 3.0.x (bookworm)", command: 'pre-commit', major: 3, howToGet: 'apt-get install -y pre-commit' },
  { label: "Debian's pre-commit 4.x (trixie)", command: process.env['SIDECAR_LINT_PRE_COMMIT_4'], major: 4, howToGet: 'set SIDECAR_LINT_PRE_COMMIT_4, as .ci/run does' },
];

/** Whether this release can run here; in CI its absence is a failure, elsewhere a notice. */
function available({ label, command, major, howToGet }: PreCommit): boolean {
  const version = command === undefined ? null : spawnSync(command, ['--version'], { encoding: 'utf8' });
  const found = version?.status === 0 && new RegExp(`^pre-commit ${major}\\.`).test(version.stdout);
  if (found) return true;
  const problem = `${label} is not available (${howToGet})`;
  if (process.env['CI']) throw new Error(`${problem}; CI must run the hook test with it`);
  console.warn(`notice: ${problem}; its hook test is skipped`);
  return false;
}

const root = mkdtempSync(join(tmpdir(), 'sidecar-lint-pre-commit-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const gitIdentity = ['-c', 'user.name=sidecar-lint test', '-c', 'user.email=test@sidecar-lint.invalid', '-c', 'commit.gpgsign=false'];

function sh(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): SpawnSyncReturns<string> {
  const run = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  if (run.error) throw run.error;
  return run;
}

function git(cwd: string, ...args: string[]): string {
  const run = sh('git', [...gitIdentity, ...args], cwd);
  if (run.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout.trim();
}

/** A clone of HEAD with the working tree's hook files committed on top; returns the commit. */
function hookRepository(): { path: string; rev: string } {
  const path = join(root, 'hook-repo');
  git(root, 'clone', '--quiet', '--no-hardlinks', repoRoot, path);
  for (const file of hookFiles) {
    mkdirSync(join(path, file, '..'), { recursive: true });
    copyFileSync(join(repoRoot, file), join(path, file));
  }
  git(path, 'add', '--', ...hookFiles);
  git(path, 'commit', '--quiet', '--allow-empty', '-m', 'test: the working tree hook files');
  return { path, rev: git(path, 'rev-parse', 'HEAD') };
}

const fixed = `# Fixed: the sidecar's restartPolicy is exactly Always and the app container has none.
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
    - name: proxy
      image: envoyproxy/envoy:v1.31.0
      restartPolicy: Always
      startupProbe:
        httpGet: {path: /ready, port: 9901}
      resources:
        requests: {cpu: 50m, memory: 64Mi}
  containers:
    - name: app
      image: registry.example/app:1.0
      resources:
        requests: {cpu: 200m, memory: 256Mi}
`;

const hook = (() => {
  let made: { path: string; rev: string } | undefined;
  return () => (made ??= hookRepository());
})();

for (const [index, preCommit] of preCommits.entries()) {
  describe.runIf(available(preCommit))(`pre-commit hook (${preCommit.label})`, () => {
    it('fails on the bad manifest with our message and passes once it is fixed', { timeout: 300_000 }, () => {
      const command = preCommit.command!;
      const { path: hookPath, rev } = hook();
      const project = join(root, `project-${index}`);
      cpSync(join(repoRoot, 'test/front-doors/fixtures/workspace/k8s'), join(project, 'k8s'), { recursive: true });
      rmSync(join(project, 'k8s/job.yaml'));
      writeFileSync(
        join(project, '.pre-commit-config.yaml'),
        [
          'repos:',
          `  - repo: ${hookPath}`,
          `    rev: ${rev}`,
          '    hooks:',
          '      - id: sidecar-lint',
          "        args: [--kube-version, '1.31']",
          '',
        ].join('\n'),
      );
      git(project, 'init', '--quiet');
      git(project, 'add', '.');

      // Its own cache, so the hook is installed from this commit and the user's cache is untouched.
      // No node_modules/.bin on PATH (vitest's has the workspace's sidecar-lint): the hook must bring its own.
      const path = (process.env['PATH'] ?? '').split(delimiter).filter((dir) => !dir.includes('node_modules')).join(delimiter);
      const home = join(root, `pre-commit-home-${index}`);
      const env = { ...process.env, PATH: path, PRE_COMMIT_HOME: home, npm_config_cache: join(root, 'npm-cache'), NO_COLOR: '1' };
      delete env['PRE_COMMIT'];
      const failing = sh(command, ['run', '--all-files', '--color', 'never'], project, env);
      expect(failing.stderr).not.toMatch(/An unexpected error has occurred/);
      expect(failing.status, failing.stdout + failing.stderr).toBe(1);
      expect(failing.stdout).toMatch(/sidecar-lint \(Kubernetes native sidecars\)\.+Failed/);
      expect(failing.stdout).toContain('- hook id: sidecar-lint\n- exit code: 1');
      expect(failing.stdout).toContain('k8s/bad.yaml');
      expect(failing.stdout).toContain('14:7  error  Rejected on 1.31: Forbidden: may not be set for non-init containers.  restart-policy-app-container');
      expect(failing.stdout).toContain('10:22  error  Rejected on 1.31: Unsupported value: "always": supported values: "Always".  restart-policy-init-value');
      expect(failing.stdout).not.toContain('k8s/good.yaml');
      // The hook ran from its own node environment, where npm installed the packed root package.
      const installed = readdirSync(home).flatMap((repo) => {
        const repoDir = join(home, repo);
        if (!statSync(repoDir).isDirectory()) return [];
        return readdirSync(repoDir).filter((name) => name.startsWith('node_env-')).map((env) => join(repoDir, env, 'bin/sidecar-lint'));
      });
      expect(installed.filter((bin) => existsSync(bin))).toHaveLength(1);

      writeFileSync(join(project, 'k8s/bad.yaml'), fixed);
      git(project, 'add', '.');
      const passing = sh(command, ['run', '--all-files', '--color', 'never'], project, env);
      expect(passing.status, passing.stdout + passing.stderr).toBe(0);
      expect(passing.stdout).toMatch(/sidecar-lint \(Kubernetes native sidecars\)\.+Passed/);
    });
  });
}
