// Time against input size: the CLI on ../shared/corpus at 1x, 4x and 16x (hard-linked copies in
// a temporary folder, so the page cache holds one copy of the bytes and the figure is linting,
// not the disk), one thread against SIDECAR_LINT_WORKERS=<cores>. Each size and mode runs
// `--rounds` times (alternating); the table shows medians, MB/s and the worker speedup.
//
//   node bench/scale/run.mjs [--rounds 3] [--sizes 1,4,16] [--markdown]
import { spawnSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { corpusFiles, machine, median, repoRoot, sharedDir } from '../shared.mjs';
import { parallelCapacity } from './capacity.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const rounds = Number(option('rounds', '3'));
const sizes = option('sizes', '1,4,16').split(',').map(Number);
const bin = join(repoRoot, 'packages', 'cli', 'dist', 'bin.js');
const cores = availableParallelism();

const shared = sharedDir();
if (shared) {
  const files = corpusFiles(shared).map((file) => file.path);
  const bytesOnce = files.reduce((sum, path) => sum + statSync(path).size, 0);
  const root = mkdtempSync(join(tmpdir(), 'sidecar-lint-scale-'));
  try {
    const rows = [];
    for (const factor of sizes) {
      const dir = join(root, `x${factor}`);
      for (let copy = 0; copy < factor; copy++) {
        for (const path of files) {
          const target = join(dir, `copy-${copy}`, relative(shared, path));
          mkdirSync(dirname(target), { recursive: true });
          linkSync(path, target);
        }
      }
      const times = { 0: [], [cores]: [] };
      const maxRss = { 0: 0, [cores]: 0 };
      for (let round = 0; round < rounds; round++) {
        for (const workers of [0, cores]) {
          const started = process.hrtime.bigint();
          // GNU time gives the child's peak RSS; the report goes to /dev/null through --output-file.
          const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, '--format', 'json', '-o', '/dev/null', dir], {
            env: { ...process.env, SIDECAR_LINT_WORKERS: String(workers) },
            encoding: 'utf8',
            maxBuffer: 64 * 1024 * 1024,
          });
          times[workers].push(Number(process.hrtime.bigint() - started) / 1e9);
          if (run.status !== 0 && run.status !== 1) throw new Error(`run failed (${run.status}): ${run.stderr.slice(-500)}`);
          maxRss[workers] = Math.max(maxRss[workers], Number(run.stderr.trim().split('\n').pop()) / 1024);
        }
      }
      const mb = (bytesOnce * factor) / 1e6;
      const one = median(times[0]);
      const many = median(times[cores]);
      rows.push({ factor, files: files.length * factor, mb, one, many, rssOne: maxRss[0], rssMany: maxRss[cores] });
      rmSync(dir, { recursive: true, force: true });
    }
    const base = rows[0];
    const capacity = await parallelCapacity(cores);
    console.log(`### Time against input size (${machine()}, ${cpus()[0]?.model ?? 'cpu'} x${cores}, load average ${loadavg()[0].toFixed(1)}, ${rounds} rounds)\n`);
    console.log(`Parallel capacity at the time: ${cores} threads of pure arithmetic ran ${capacity.toFixed(2)}x faster than one after the other (the most any worker speedup can be here).\n`);
    console.log(`| corpus | files | MB | 1 thread s | s/MB | ${cores} workers s | s/MB | speedup | time vs 1x (1 thread) | peak RSS MB (1 thread / workers) |`);
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const row of rows) {
      console.log(
        `| ${row.factor}x | ${row.files} | ${row.mb.toFixed(0)} | ${row.one.toFixed(1)} | ${(row.one / row.mb).toFixed(3)} | ${row.many.toFixed(1)} | ${(row.many / row.mb).toFixed(3)} | ${(row.one / row.many).toFixed(2)}x | ${(row.one / base.one).toFixed(2)} (size ${(row.factor / base.factor).toFixed(0)}) | ${row.rssOne.toFixed(0)} / ${row.rssMany.toFixed(0)} |`,
      );
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
