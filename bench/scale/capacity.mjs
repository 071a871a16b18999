// How much parallelism the machine gives right now: `count` worker threads of pure arithmetic
// against the same work one after the other. On a shared or throttled machine this is well
// below the core count, and it bounds any speedup the linter's workers can show.
import { Worker } from 'node:worker_threads';

const work = 'let x = 0; for (let i = 0; i < 2e8; i++) x += i % 7; require("node:worker_threads").parentPort?.postMessage(x);';

function once() {
  return new Promise((resolve, reject) => new Worker(work, { eval: true }).on('exit', resolve).on('error', reject));
}

export async function parallelCapacity(count) {
  let started = performance.now();
  for (let i = 0; i < count; i++) await once();
  const serial = performance.now() - started;
  started = performance.now();
  await Promise.all(Array.from({ length: count }, once));
  return serial / (performance.now() - started);
}
