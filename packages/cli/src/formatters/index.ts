/**
 * Formatter registry: name -> a loader, so a run imports only the format it prints. The loaders of
 * sarif, github and junit are registered by their owner, one line each, in the form of json's.
 */
import type { Formatter } from './types.js';

export interface FormatterOptions {
  /** The text of a linted file (stylish quotes the offending lines), undefined when unknown. */
  sourceOf(file: string): string | undefined;
}

export type FormatterLoader = (options: FormatterOptions) => Promise<Formatter>;

export const formatters: Record<string, FormatterLoader> = {
  stylish: async (options) => (await import('./stylish.js')).createStylish(options.sourceOf),
  json: async () => (await import('./json.js')).json,
  sarif: async () => (await import('./sarif.js')).sarif,
  github: async () => (await import('./github.js')).github,
  junit: async () => (await import('./junit.js')).junit,
};

export async function loadFormatter(name: string, options: FormatterOptions): Promise<Formatter | undefined> {
  return formatters[name]?.(options);
}
