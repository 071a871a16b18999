/**
 * `--fix` as it writes people's files: through a temporary file in the same folder and a rename
 * (so a folder where that file cannot be created leaves the original alone), with the original's
 * mode, keeping BOM, CRLF and comments, never touching a file with a syntax error or one that is
 * not UTF-8, not rewriting a file a second time, and never half-written when interrupted.
 */
import { chmodSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyFixes, lintSource, resolveTarget, type FileResult } from '@sidecar-lint/core';
import { asUnprivileged, cli, fixable, fixed, removeScratch, scratch, stackTrace, start } from '../hostile/run-cli.js';
import { repoRoot } from '../shared-dir.js';

const v131 = ['--kube-version', '1.31'];
const tempFiles = (dir: string) => readdirSync(dir).filter((name) => name.includes('.tmp') || name.includes('sidecar-lint-'));


afterAll(removeScratch);
describe('--fix writes', () => {
  it('atomically: a new inode with the same mode and content, no temporary file left', () => {
    const dir = scratch({ 'a.yaml': fixable, 'b.yaml': fixable });
    chmodSync(join(dir, 'a.yaml'), 0o640);
    chmodSync(join(dir, 'b.yaml'), 0o755);
    const before = { a: statSync(join(dir, 'a.yaml')), b: statSync(join(dir, 'b.yaml')) };
    const run = cli([...v131, '--fix', 'a.yaml', 'b.yaml'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const [name, stats] of Object.entries(before)) {
      const after = statSync(join(dir, `${name}.yaml`));
      expect(readFileSync(join(dir, `${name}.yaml`), 'utf8')).toBe(fixed);
      expect(after.mode & 0o7777).toBe(stats.mode & 0o7777);
      expect(after.ino).not.toBe(stats.ino);
    }
    expect(tempFiles(dir)).toEqual([]);
  });

  it.skipIf(asUnprivileged === null)('nothing when the temporary file cannot be made beside the file (no write in place): exit 2, one line', () => {
    const dir = scratch({ 'sub/a.yaml': fixable });
    chmodSync(join(dir, 'sub', 'a.yaml'), 0o666);
    chmodSync(join(dir, 'sub'), 0o555);
    const run = cli([...v131, '--fix', 'sub/a.yaml'], { cwd: dir, unprivileged: true });
    chmodSync(join(dir, 'sub'), 0o755);
    expect(readFileSync(join(dir, 'sub', 'a.yaml'), 'utf8')).toBe(fixable);
    expect(run.stderr).toBe('sidecar-lint: Cannot write sub/a.yaml: permission denied; it was not fixed.\n');
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('restart-policy-init-value');
    expect(run.stdout + run.stderr).not.toMatch(stackTrace);
  });

  it('keeps the BOM, CRLF line endings, comments, quoting and every other byte', () => {
    const block = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web # the pod\nspec:\n  initContainers:\n    - name: proxy\n      image: "envoy"\n      restartPolicy: "always" # typo\n  containers:\n    - {name: app, image: \'app\'}\n';
    const original = `\uFEFF# deploy: web\r\n${block.replace(/\n/g, '\r\n')}`;
    const dir = scratch({ 'a.yaml': Buffer.from(original, 'utf8') });
    const run = cli([...v131, '--fix', 'a.yaml'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(original.replace('"always" # typo', '"Always" # typo'));
  });

  it('nothing on a second run: the file is not even rewritten', () => {
    const dir = scratch({ 'a.yaml': fixable });
    expect(cli([...v131, '--fix', 'a.yaml'], { cwd: dir }).status).toBe(0);
    const first = statSync(join(dir, 'a.yaml'));
    const again = cli([...v131, '--fix', 'a.yaml'], { cwd: dir });
    expect(again).toMatchObject({ status: 0, stderr: '' });
    const second = statSync(join(dir, 'a.yaml'));
    expect([second.ino, second.mtimeMs]).toEqual([first.ino, first.mtimeMs]);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(fixed);
  });

  it('never when the input has a syntax error, even in a document no rule reads', () => {
    const broken = `${fixable}---\napiVersion: v1\nkind: ConfigMap\ndata: {a: [}\n`;
    const dir = scratch({ 'a.yaml': broken });
    const before = statSync(join(dir, 'a.yaml'));
    const run = cli([...v131, '--fix', 'a.yaml'], { cwd: dir });
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(broken);
    expect(statSync(join(dir, 'a.yaml')).ino).toBe(before.ino);
    expect(run.stderr).toBe('sidecar-lint: a.yaml: Not fixed: the file has a YAML syntax error.\n');
    expect(run.status).toBe(1);
  });

  it('never when the file is not valid UTF-8 (writing it back would change bytes)', () => {
    const bytes = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from(`\n${fixable}`)]);
    const dir = scratch({ 'a.yaml': bytes });
    const run = cli([...v131, '--fix', 'a.yaml'], { cwd: dir });
    expect(readFileSync(join(dir, 'a.yaml')).equals(bytes)).toBe(true);
    expect(run.stderr).toBe('sidecar-lint: a.yaml: Not fixed: the file is not valid UTF-8.\n');
    expect(run.status).toBe(1);
  });

  it('never a fixed text that would not parse (the fix loop refuses it)', async () => {
    const { fixText } = await import(join(repoRoot, 'packages', 'cli', 'dist', 'fix.js'));
    const target = resolveTarget({ kubernetesVersion: '1.31' });
    const real = (text: string): FileResult => lintSource({ uri: 'a.yaml', text }, { target });
    // A fixer with a bug: its edit opens a flow sequence that never closes.
    const buggy = (text: string): FileResult => {
      const result = real(text);
      return { ...result, findings: result.findings.map((finding) => (finding.fix ? { ...finding, fix: { description: 'broken', edits: [{ start: finding.offset, end: finding.endOffset, text: '[Always' }] } } : finding)) };
    };
    expect(applyFixes(fixable, buggy(fixable).findings.flatMap((f) => (f.fix ? [f.fix] : []))).text).toContain('[Always');
    const outcome = fixText(fixable, buggy, false);
    expect(outcome.text).toBe(fixable);
    expect(outcome.refused).toBe('Not fixed: the fixed text would not parse (please report this).');
  });
});

describe.each([
  ['in one thread', '0'],
  ['with two workers', '2'],
])('SIGINT during --fix, %s', (_how, workers) => {
  it('exits 130 half-way and leaves every file either as it was or completely fixed, with no temporary file', async () => {
    // Enough work that the signal lands while files are being linted and fixed.
    const padding = Array.from({ length: 300 }, (_, i) => `# padding line ${i} ${'x'.repeat(60)}`).join('\n');
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`f${String(i).padStart(3, '0')}.yaml`] = `${padding}\n${Array.from({ length: 12 }, () => fixable).join('---\n')}`;
    const dir = scratch(files);
    const inodes = new Map(Object.keys(files).map((name) => [name, statSync(join(dir, name)).ino]));
    const child = start([...v131, '--fix', '.'], { cwd: dir, env: { SIDECAR_LINT_WORKERS: workers } });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.resume();
    // Interrupt as soon as the first file has been written, so the run is stopped half-way.
    const names = Object.keys(files);
    const firstWritten = () => names.some((name) => statSync(join(dir, name)).ino !== inodes.get(name));
    const waitStarted = Date.now();
    while (!firstWritten() && Date.now() - waitStarted < 20_000) await new Promise((resolve) => setTimeout(resolve, 10));
    child.kill('SIGINT');
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(status).toBe(130);
    expect(stderr).not.toMatch(stackTrace);
    const expectedFixed = (name: string) => files[name]!.replaceAll('restartPolicy: always', 'restartPolicy: Always');
    let done = 0;
    for (const name of Object.keys(files)) {
      const now = readFileSync(join(dir, name), 'utf8');
      expect([files[name], expectedFixed(name)], name).toContain(now);
      if (now !== files[name]) done++;
    }
    expect(tempFiles(dir)).toEqual([]);
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(200);
  });
});
