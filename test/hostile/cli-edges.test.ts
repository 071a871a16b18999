/**
 * The CLI at the edges of its world: files and folders it may not read, symlink loops, paths that
 * do not exist, an empty folder, stdin that ends early, stdout that closes early, and the hostile
 * corpus itself. Each gives one clear line per problem, the documented exit code (DESIGN §3) and
 * never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hostileCases, timeBudgetMs } from './cases.js';
import { asUnprivileged, bin, cli, fixable, removeScratch, scratch, stackTrace, start } from './run-cli.js';

const v131 = ['--kube-version', '1.31'];

function files(stdout: string): string[] {
  return JSON.parse(stdout).results.map((result: { file: string; findings: unknown[] }) => `${result.file}:${result.findings.length}`);
}


afterAll(removeScratch);
describe.skipIf(asUnprivileged === null)('files the user may not read (run as an unprivileged user)', () => {
  it('an unreadable file: one line, exit 2, the other files still reported', () => {
    const dir = scratch({ 'good.yaml': fixable, 'secret.yaml': fixable });
    chmodSync(join(dir, 'secret.yaml'), 0o000);
    const run = cli([...v131, '--format', 'json', 'secret.yaml', 'good.yaml'], { cwd: dir, unprivileged: true });
    expect(run.stderr).toBe('sidecar-lint: Cannot read secret.yaml: permission denied.\n');
    expect(run.status).toBe(2);
    expect(files(run.stdout)).toEqual(['good.yaml:2']);
  });

  it('a folder without permission inside a walked folder: told, and the walk goes on past it', () => {
    const dir = scratch({ 'a.yaml': fixable, 'locked/inner.yaml': fixable, 'z/later.yaml': fixable });
    chmodSync(join(dir, 'locked'), 0o000);
    const run = cli([...v131, '--format', 'json', '.'], { cwd: dir, unprivileged: true });
    expect(run.stderr).toBe('sidecar-lint: Cannot read locked: permission denied.\n');
    expect(run.status).toBe(2);
    expect(files(run.stdout)).toEqual(['a.yaml:2', 'z/later.yaml:2']);
    expect(run.stdout + run.stderr).not.toMatch(stackTrace);
  });

  it('a folder given on the command line that may not be read', () => {
    const dir = scratch({ 'locked/inner.yaml': fixable });
    chmodSync(join(dir, 'locked'), 0o000);
    const run = cli([...v131, 'locked'], { cwd: dir, unprivileged: true });
    expect(run).toMatchObject({ status: 2, stdout: '', stderr: 'sidecar-lint: Cannot read locked: permission denied.\n' });
  });
});

describe('paths', () => {
  it('symlink loops: a file loop is told, a folder loop is not followed, the rest is linted', () => {
    const dir = scratch({ 'a.yaml': fixable, 'sub/b.yaml': fixable });
    symlinkSync('loop2.yaml', join(dir, 'loop1.yaml'));
    symlinkSync('loop1.yaml', join(dir, 'loop2.yaml'));
    symlinkSync('..', join(dir, 'sub', 'up'));
    const started = performance.now();
    const run = cli([...v131, '--format', 'json', '.'], { cwd: dir });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(run.stderr).toBe('sidecar-lint: Cannot read loop1.yaml: too many levels of symbolic links.\nsidecar-lint: Cannot read loop2.yaml: too many levels of symbolic links.\n');
    expect(run.status).toBe(2);
    expect(files(run.stdout)).toEqual(['a.yaml:2', 'sub/b.yaml:2']);
    const direct = cli([...v131, 'loop1.yaml'], { cwd: dir });
    expect(direct).toMatchObject({ status: 2, stdout: '', stderr: 'sidecar-lint: Cannot read loop1.yaml: too many levels of symbolic links.\n' });
  });

  it('a path that does not exist', () => {
    const dir = scratch({ 'a.yaml': fixable });
    const run = cli([...v131, '--format', 'json', 'missing.yaml', 'a.yaml'], { cwd: dir });
    expect(run.stderr).toBe('sidecar-lint: Cannot read missing.yaml: no such file or directory.\n');
    expect(run.status).toBe(2);
    expect(files(run.stdout)).toEqual(['a.yaml:2']);
  });

  it('an empty folder', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'empty'));
    const run = cli([...v131, 'empty'], { cwd: dir });
    expect(run).toMatchObject({ status: 2, stdout: '', stderr: 'sidecar-lint: No files to lint (*.yaml, *.yml and *.json are linted).\n' });
  });
});

describe('standard streams', () => {
  it('stdin that ends in the middle of a document: a positioned yaml-syntax error, exit 1', () => {
    const dir = scratch();
    const run = cli([...v131, '--format', 'json', '-'], { cwd: dir, input: 'apiVersion: v1\nkind: Pod\nspec:\n  containers: [{name: a' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const finding = JSON.parse(run.stdout).results[0].findings[0];
    expect(finding).toMatchObject({ ruleId: 'yaml-syntax', line: 4, document: 0 });
    expect(finding.endLine).toBeLessThanOrEqual(4);
  });

  it('stdin closed before anything was written: nothing to report, exit 0', () => {
    const dir = scratch();
    const run = spawnSync(process.execPath, [bin, ...v131, '--format', 'json', '-'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(files(run.stdout)).toEqual(['<stdin>:0']);
  });

  it('stdout closed early (| head) ends quietly with the computed status', () => {
    const many = Array.from({ length: 400 }, () => fixable).join('---\n');
    const dir = scratch({ 'many.yaml': many });
    const shell = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" --kube-version 1.31 many.yaml | head -n 1; echo "status=\${PIPESTATUS[0]}" >&2`], { cwd: dir, encoding: 'utf8' });
    expect(shell.stdout.split('\n').length).toBe(2);
    expect(shell.stderr).toBe('status=1\n');
  });

  it('stdout closed after the first bytes of a large JSON report: no message, the computed status', async () => {
    const many = Array.from({ length: 400 }, () => fixable).join('---\n');
    const dir = scratch({ 'many.yaml': many });
    const child = start([...v131, '--format', 'json', 'many.yaml'], { cwd: dir });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(stderr).toBe('');
    expect(status).toBe(1);
  });
});

describe('the hostile corpus through the CLI', () => {
  it('gives each input its exit code, stays within the time budget and never prints a stack trace', () => {
    const dir = scratch();
    hostileCases.forEach((hostile, index) => writeFileSync(join(dir, `case-${String(index).padStart(2, '0')}.yaml`), hostile.bytes));
    for (const [index, hostile] of hostileCases.entries()) {
      const name = `case-${String(index).padStart(2, '0')}.yaml`;
      const started = performance.now();
      const run = cli([...v131, '--format', 'json', name], { cwd: dir });
      const elapsed = performance.now() - started;
      const expectedStatus = hostile.findings.some((finding) => finding.severity === 'error') ? 1 : 0;
      expect({ name: hostile.name, status: run.status }).toEqual({ name: hostile.name, status: expectedStatus });
      expect(run.stderr, hostile.name).not.toMatch(stackTrace);
      expect(JSON.parse(run.stdout).results[0].findings.length, hostile.name).toBe(hostile.findings.length);
      // One process start (about 0.3 s) on top of the core's budget.
      expect(elapsed, hostile.name).toBeLessThan(timeBudgetMs(hostile.bytes.length) + 2_000);
    }
  });
});
