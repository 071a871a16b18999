#!/usr/bin/env node
/**
 * Cold start: one process per run, linting one small file, against `node -e 0` (the floor: what
 * starting Node costs at all). The commands run alternately, round after round, so drift in the
 * machine's load hits all of them alike; the ratio of medians is the figure that counts.
 *
 *   node bench/cold-start/run.mjs [--rounds 40] [--markdown]
 */
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const small = 'bench/cold-start/small.yaml';
const { values } = parseArgs({ options: { rounds: { type: 'string', default: '40' }, markdown: { type: 'boolean', default: false } } });
const rounds = Number(values.rounds);

const commands = [
  { name: 'node -e 0', args: ['-e', '0'], expect: 0 },
  { name: 'dist/sidecar-lint.mjs (bundle)', args: ['dist/sidecar-lint.mjs', small], expect: 0 },
  { name: 'packages/cli/dist/bin.js (unbundled)', args: ['packages/cli/dist/bin.js', small], expect: 0 },
];

function timeOnce(command) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, command.args, { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== command.expect) throw new Error(`${command.name} exited ${run.status}: ${run.stderr}`);
  return elapsed;
}

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

// One warm-up round: the first spawn pays for the file system cache.
for (const command of commands) timeOnce(command);
const samples = commands.map(() => []);
for (let round = 0; round < rounds; round++) {
  commands.forEach((command, index) => samples[index].push(timeOnce(command)));
}

const stats = samples.map((times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p10: quantile(sorted, 0.1), p90: quantile(sorted, 0.9), mean: times.reduce((a, b) => a + b, 0) / times.length };
});
const floor = stats[0].median;
const rows = commands.map((command, index) => ({ command: command.name, ...stats[index], ratio: stats[index].median / floor }));

if (values.markdown) {
  console.log(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${rounds} alternating rounds, ${new Date().toISOString().slice(0, 10)}.\n`);
  console.log('| command | median ms | p10 ms | p90 ms | median / node -e 0 |');
  console.log('|---|---:|---:|---:|---:|');
  for (const row of rows) console.log(`| \`${row.command}\` | ${row.median.toFixed(1)} | ${row.p10.toFixed(1)} | ${row.p90.toFixed(1)} | ${row.ratio.toFixed(2)} |`);
} else {
  for (const row of rows) console.log(`${row.command.padEnd(40)} median ${row.median.toFixed(1)} ms  p10 ${row.p10.toFixed(1)}  p90 ${row.p90.toFixed(1)}  ratio ${row.ratio.toFixed(2)}`);
}
