// Every benchmark, one after the other, each in its own process (they measure cold starts and
// peak memory, so they must not share one). Run after `pnpm -r build`; quick rounds by default,
// `--full` for the rounds the recorded results used. Paste what it prints into RESULTS.md.
//   node bench/run-all.mjs [--full]
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const full = process.argv.includes('--full');
const benchmarks = [
  ['corpus-throughput.mjs'],
  ['rego-engine/run.mjs', '--rounds', full ? '5' : '2'],
  ['cold-start/run.mjs', '--rounds', full ? '60' : '15', '--markdown'],
  ['eslint/run.mjs', '--rounds', full ? '15' : '5'],
  ['scale/run.mjs', '--rounds', full ? '3' : '1', '--markdown'],
  ['memory/run.mjs', ...(full ? [] : ['--quick'])],
  ['rego-compiler/bench.mjs'],
];
let failed = false;
for (const [script, ...args] of benchmarks) {
  console.log(`\n<!-- node bench/${script} ${args.join(' ')} -->\n`);
  const run = spawnSync(process.execPath, [join(here, script), ...args], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed = true;
    console.error(`bench/${script} exited with ${run.status}`);
  }
}
process.exitCode = failed ? 1 : 0;
