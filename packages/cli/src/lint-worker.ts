/**
 * A worker thread of workers.ts: lints the batches of files it is sent with the core engine and
 * posts each outcome back, without the texts the main thread will not need.
 */
import { parentPort } from 'node:worker_threads';
import { coreEngine } from './engine.js';
import { lintFile, type FileJob, type FileOutcome } from './lint-file.js';

export interface WorkerBatch {
  jobs: Array<{ index: number; job: FileJob }>;
  /** Keep every text (the dry-run diff needs them), not only those of files with findings. */
  keepTexts: boolean;
}

export interface WorkerReply {
  outcomes: Array<{ index: number; outcome: FileOutcome }>;
}

/** Texts cross the thread boundary only where the report quotes them or a diff shows them. */
export function slim(outcome: FileOutcome, keepTexts: boolean): FileOutcome {
  if (keepTexts || !outcome.result || outcome.result.findings.length + outcome.result.suppressed.length > 0) return outcome;
  const { text: _text, ...rest } = outcome;
  return rest;
}

parentPort?.on('message', async (batch: WorkerBatch) => {
  const outcomes: WorkerReply['outcomes'] = [];
  for (const { index, job } of batch.jobs) outcomes.push({ index, outcome: slim(await lintFile(job, coreEngine), batch.keepTexts) });
  parentPort!.postMessage({ outcomes } satisfies WorkerReply);
});
