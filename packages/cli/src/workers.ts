/**
 * Worker threads for large inputs. The files are cut into small batches handed to whichever
 * worker is free, and the outcomes are given back strictly in input order, so the report is the
 * same bytes as a single-threaded run. Only the main thread writes fixed files: a write is a
 * synchronous temporary file plus rename there, which a SIGINT cannot split, whereas a worker
 * ended by process.exit in the middle of one would leave its temporary file behind.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileJob, FileOutcome } from './lint-file.js';
import type { WorkerBatch, WorkerReply } from './lint-worker.js';

/**
 * Below this many bytes one thread is faster: each worker starts with cold code (loading the core
 * and warming up the parser cost about 1 s of a 68 MB run), so two workers on two free cores gained
 * only 1.15x on the whole corpus (bench/RESULTS-scale.md). Large monorepo bundles gain; a
 * repository's usual manifests would lose.
 */
export const workerThresholdBytes = 64_000_000;
const batchFiles = 16;
const batchBytes = 1_000_000;

const workerScript = fileURLToPath(new URL('./lint-worker.js', import.meta.url));

/**
 * How many workers to start: SIDECAR_LINT_WORKERS when set (0 turns them off), else one per core
 * (at most 8) once the files add up to workerThresholdBytes. None where the worker script is not
 * beside this module (the single-file bundle).
 */
export function workerCount(paths: readonly string[], env: Record<string, string | undefined>): number {
  if (!existsSync(workerScript) || paths.length < 2) return 0;
  const forced = env['SIDECAR_LINT_WORKERS'];
  if (forced !== undefined && forced !== '') return Math.min(Math.max(Number.parseInt(forced, 10) || 0, 0), paths.length);
  const cores = availableParallelism();
  if (cores < 2) return 0;
  let bytes = 0;
  for (const path of paths) {
    bytes += statSync(path, { throwIfNoEntry: false })?.size ?? 0;
    if (bytes >= workerThresholdBytes) return Math.min(cores, 8, paths.length);
  }
  return 0;
}

function batches(jobs: readonly FileJob[]): Array<Array<{ index: number; job: FileJob }>> {
  const out: Array<Array<{ index: number; job: FileJob }>> = [];
  let current: Array<{ index: number; job: FileJob }> = [];
  let bytes = 0;
  jobs.forEach((job, index) => {
    current.push({ index, job });
    bytes += statSync(job.path, { throwIfNoEntry: false })?.size ?? 0;
    if (current.length >= batchFiles || bytes >= batchBytes) {
      out.push(current);
      current = [];
      bytes = 0;
    }
  });
  if (current.length > 0) out.push(current);
  return out;
}

/** Lints the jobs on `count` workers; yields every outcome in the jobs' order. */
export async function* lintInWorkers(jobs: readonly FileJob[], count: number, keepTexts: boolean): AsyncGenerator<FileOutcome> {
  const pending = batches(jobs);
  const done = new Map<number, FileOutcome>();
  const workers = Array.from({ length: Math.min(count, pending.length) }, () => new Worker(workerScript));
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const feed = (worker: Worker) => {
    const next = pending.shift();
    if (next) worker.postMessage({ jobs: next, keepTexts } satisfies WorkerBatch);
  };
  for (const worker of workers) {
    worker.on('message', (reply: WorkerReply) => {
      for (const { index, outcome } of reply.outcomes) done.set(index, outcome);
      feed(worker);
      notify();
    });
    worker.on('error', (error) => {
      failure = error;
      notify();
    });
    feed(worker);
  }
  try {
    for (let index = 0; index < jobs.length; index++) {
      while (!done.has(index)) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const outcome = done.get(index)!;
      done.delete(index);
      yield outcome;
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
