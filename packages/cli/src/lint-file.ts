/**
 * The work on one file, the same in the main thread and in a worker: read it, lint it, and for
 * --fix compute the fixed text. Writing stays with the main thread (see workers.ts for why).
 */
import { readFileSync } from 'node:fs';
import type { FileResult, LintOptions } from '@sidecar-lint/core';
import type { Engine } from './engine.js';

export interface FileJob {
  /** Absolute path of the file. */
  path: string;
  display: string;
  options: LintOptions;
  fix: { suggestions: boolean } | null;
}

export interface FileOutcome {
  /** What remains after the fix (or what there is, without one); absent when the file could not be read. */
  result?: FileResult;
  text?: string;
  /** The fixed text, when it differs from the text and may be written. */
  fixedText?: string;
  /** Sentences for stderr that do not change the exit code (a refused fix). */
  notes: string[];
  /** The errno code when the file could not be read. */
  readError?: string;
}

/** Text that is not valid UTF-8 is linted, but never fixed (writing it back would alter bytes). */
function readText(path: string): { text: string; exactUtf8: boolean } {
  const bytes = readFileSync(path);
  const text = bytes.toString('utf8');
  return { text, exactUtf8: !text.includes('\uFFFD') || Buffer.from(text, 'utf8').equals(bytes) };
}

export async function lintFile(job: FileJob, engine: Engine, given?: { text: string }): Promise<FileOutcome> {
  let text: string;
  let exactUtf8 = true;
  if (given) {
    text = given.text;
  } else {
    try {
      ({ text, exactUtf8 } = readText(job.path));
    } catch (error) {
      return { notes: [], readError: (error as NodeJS.ErrnoException).code ?? String(error) };
    }
  }
  const lint = (source: string) => engine.lint({ uri: job.display, text: source }, job.options);
  if (!job.fix) return { result: lint(text), text, notes: [] };
  const { fixText } = await import('./fix.js');
  const outcome = fixText(text, lint, job.fix.suggestions);
  const notes = outcome.refused ? [`${job.display}: ${outcome.refused}`] : [];
  if (outcome.text === text) return { result: outcome.result, text, notes };
  if (!exactUtf8) return { result: lint(text), text, notes: [...notes, `${job.display}: Not fixed: the file is not valid UTF-8.`] };
  return { result: outcome.result, text, fixedText: outcome.text, notes };
}
