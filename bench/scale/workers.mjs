// The workers' speedup alone, in one process: the CLI's own lintInWorkers with one worker
// against one per core on ../shared/corpus (both start cold, as a CLI run does), alternating
// rounds, with the machine's parallel capacity (capacity.mjs) measured before each pair, since a
// shared machine rarely gives two full cores.
//
//   node bench/scale/workers.mjs [--rounds 5]
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveTarget } from '@sidecar-lint/core';
import { corpusFiles, machine, median, repoRoot, sharedDir } from '../shared.mjs';
import { parallelCapacity } from './capacity.mjs';

const dist = join(repoRoot, 'packages', 'cli', 'dist');
const { lintInWorkers } = await import(pathToFileURL(join(dist, 'workers.js')).href);
const at = process.argv.indexOf('--rounds');
const rounds = at >= 0 ? Number(process.argv[at + 1]) : 5;
const cores = availableParallelism();

const shared = sharedDir();
if (shared) {
  const files = corpusFiles(shared);
  const mb = files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0) / 1e6;
  const options = { target: resolveTarget({}) };
  const jobs = files.map((file) => ({ path: file.path, display: file.path, options, fix: null }));
  const inWorkers = (count) => async () => {
    for await (const _ of lintInWorkers(jobs, count, false));
  };
  const oneThread = inWorkers(1);
  const workers = inWorkers(cores);
  const times = { one: [], many: [], capacity: [] };
  for (let round = 0; round < rounds; round++) {
    times.capacity.push(await parallelCapacity(cores));
    for (const [name, run] of [['one', oneThread], ['many', workers]]) {
      const started = process.hrtime.bigint();
      await run();
      times[name].push(Number(process.hrtime.bigint() - started) / 1e9);
    }
  }
  const one = median(times.one);
  const many = median(times.many);
  console.log(`### Worker speedup on ../shared/corpus (${files.length} files, ${mb.toFixed(0)} MB; ${machine()}, ${cores} cores, load average ${loadavg()[0].toFixed(1)}, ${rounds} rounds)\n`);
  console.log('| run | median s | MB/s |');
  console.log('|---|---:|---:|');
  console.log(`| 1 worker | ${one.toFixed(2)} | ${(mb / one).toFixed(1)} |`);
  console.log(`| ${cores} workers | ${many.toFixed(2)} | ${(mb / many).toFixed(1)} |`);
  console.log(`\nSpeedup ${(one / many).toFixed(2)}x (per round: ${times.one.map((t, i) => `${(t / times.many[i]).toFixed(2)}x at capacity ${times.capacity[i].toFixed(2)}`).join(", ")}); parallel capacity = ${cores} threads of pure arithmetic against one after the other.`);
}
