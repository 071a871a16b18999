/**
 * Worker threads change nothing but speed: the same report bytes and exit code with or without
 * them, in each format, and the same files after --fix; outcomes come back in input order
 * however the batches finish.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resolveTarget } from '@sidecar-lint/core';
import { coreEngine } from '@sidecar-lint/cli';
import { hostileCases } from '../hostile/cases.js';
import { cli, removeScratch, scratch } from '../hostile/run-cli.js';
import { repoRoot } from '../shared-dir.js';
import { manifestText } from './manifests.js';

const dist = join(repoRoot, 'packages', 'cli', 'dist');

/** 40 random manifests and the smaller hostile inputs, in folders, as a repository would have them. */
function inputFolder(): string {
  const dir = scratch();
  const samples = fc.sample(manifestText, { numRuns: 40, seed: 7 });
  samples.forEach(({ text }, index) => {
    const folder = join(dir, 'manifests', `group-${index % 7}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `m${String(index).padStart(3, '0')}.yaml`), text);
  });
  hostileCases.filter((hostile) => hostile.bytes.length < 100_000).forEach((hostile, index) => writeFileSync(join(dir, 'manifests', `hostile-${index}.yaml`), hostile.bytes));
  return dir;
}


afterAll(removeScratch);
describe('worker threads', () => {
  const dir = inputFolder();

  for (const format of ['json', 'sarif', 'stylish']) {
    it(`give the same ${format} report, byte for byte, as one thread`, () => {
      const runs = ['0', '2'].map((workers) => cli(['--kube-version', '1.29-1.35', '--format', format, 'manifests'], { cwd: dir, env: { SIDECAR_LINT_WORKERS: workers } }));
      expect(runs[0]!.stdout.length).toBeGreaterThan(1000);
      for (const other of runs.slice(1)) expect(other).toEqual(runs[0]);
    });
  }

  it('leave the same files after --fix --fix-suggestions', () => {
    const copies = ['0', '2'].map((workers) => {
      const copy = scratch();
      cpSync(join(dir, 'manifests'), join(copy, 'manifests'), { recursive: true });
      const run = cli(['--kube-version', '1.31', '--fix', '--fix-suggestions', '--format', 'json', 'manifests'], { cwd: copy, env: { SIDECAR_LINT_WORKERS: workers } });
      const contents = readdirSync(join(copy, 'manifests'), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => `${entry.name}\n${readFileSync(join(entry.parentPath, entry.name), 'utf8')}`)
        .sort();
      return { run, contents };
    });
    expect(copies[1]).toEqual(copies[0]);
    expect(copies[0]!.contents.join('')).not.toBe('');
  });

  it('yield outcomes in input order, equal to the main thread', async () => {
    const { lintInWorkers, workerCount } = await import(join(dist, 'workers.js'));
    const { lintFile } = await import(join(dist, 'lint-file.js'));
    const files = readdirSync(join(dir, 'manifests'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
    const options = { target: resolveTarget({ kubernetesVersion: '1.31' }) };
    const jobs = files.map((path) => ({ path, display: path, options, fix: null }));
    expect(workerCount(files, { SIDECAR_LINT_WORKERS: '2' })).toBe(2);
    expect(workerCount(files.slice(0, 3), {})).toBe(0);
    const inWorkers = [];
    for await (const outcome of lintInWorkers(jobs, 3, true)) inWorkers.push(outcome);
    const inThread = [];
    for (const job of jobs) inThread.push(await lintFile(job, coreEngine));
    expect(inWorkers).toEqual(inThread);
  });
});
