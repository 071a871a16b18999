/**
 * Memory that must not grow with what is already linted: a file's documents are parsed one at a
 * time (a 4 MB file of Pods held every syntax tree at once before: about 250 MB), and many small
 * files cost only their results, not their texts. Each measurement is a fresh process
 * (bench/memory/measure.mjs); bench/memory/run.mjs records the full table.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../shared-dir.js';
import { removeScratch, scratch } from './run-cli.js';

function measure(mode: 'core' | 'cli', path: string): { seconds: number; peakRssMB: number; startRssMB: number } {
  const child = spawnSync(process.execPath, [join(repoRoot, 'bench', 'memory', 'measure.mjs'), mode, path], { encoding: 'utf8' });
  expect(child.stderr).toBe('');
  return JSON.parse(child.stdout.trim().split('\n').pop()!);
}

const pod = (i: number) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\nspec:\n  initContainers:\n  - name: proxy\n    image: envoy\n    restartPolicy: always\n  containers:\n  - name: app\n    image: app\n`;


afterAll(removeScratch);
describe('peak memory', () => {
  it('of a 4 MB file of Pods stays far below one syntax tree per document', () => {
    const dir = scratch();
    const docs: string[] = [];
    for (let i = 0, size = 0; size < 4e6; i++) {
      docs.push(pod(i));
      size += docs[i]!.length + 4;
    }
    writeFileSync(join(dir, 'pods.yaml'), docs.join('---\n'));
    const m = measure('core', join(dir, 'pods.yaml'));
    expect(m.peakRssMB - m.startRssMB).toBeLessThan(160);
  });

  it('grows by little more than the report when the files are four times as many', () => {
    const sizes = [1000, 4000].map((count) => {
      const dir = scratch();
      for (let i = 0; i < count; i++) {
        const folder = join(dir, `d${Math.floor(i / 500)}`);
        if (i % 500 === 0) mkdirSync(folder, { recursive: true });
        writeFileSync(join(folder, `m${i}.yaml`), `${pod(i).replace('always', 'Always')}# ${'padding '.repeat(100)}\n`);
      }
      return measure('cli', dir).peakRssMB;
    });
    // 3,000 more files of 1 KB: their texts (3 MB, and more as JavaScript strings) are not kept.
    expect(sizes[1]! - sizes[0]!).toBeLessThan(40);
  });
});
