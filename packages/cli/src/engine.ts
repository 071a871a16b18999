/**
 * The seam between the CLI and what computes findings. The core engine is the default; the Rego
 * engine runs the compiled twins (and any --policy) through opa-wasm and is loaded only when asked
 * for, so a plain run never pays for WebAssembly. `lint` is sync per file.
 */
import { readFileSync } from 'node:fs';
import { lintSource, type FileResult, type LintOptions, type Source } from '@sidecar-lint/core';
import type { EngineName } from './args.js';
import { UsageError } from './errors.js';

export interface Engine {
  lint(source: Source, options: LintOptions): FileResult;
}

export const coreEngine: Engine = { lint: lintSource };

export interface EngineOptions {
  /** Extra compiled Rego policies (--policy). */
  policies: readonly string[];
}

function readPolicy(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`Cannot read policy ${path}${code ? ` (${code})` : ''}.`);
  }
}

export async function loadEngine(name: EngineName, options: EngineOptions): Promise<Engine> {
  if (name !== 'rego') {
    if (options.policies.length > 0) throw new UsageError('--policy needs --engine rego.');
    return coreEngine;
  }
  const rego = await import('@sidecar-lint/rego');
  let custom;
  try {
    custom = options.policies.map((path) => rego.loadCustomPolicy(path, readPolicy(path)));
  } catch (error) {
    if (error instanceof rego.PolicyLoadError) throw new UsageError(error.message);
    throw error;
  }
  const engine = rego.createRegoEngine({ custom });
  return { lint: (source, lintOptions) => lintSource(source, { ...lintOptions, engine }) };
}
