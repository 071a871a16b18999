/**
 * The seam between the CLI and what computes findings. The core engine is the default; the Rego
 * engine (compiled policies through opa-wasm) plugs in here once it exists: `loadEngine` is async
 * so it can instantiate its wasm modules once, `lint` is sync per file.
 */
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

export async function loadEngine(name: EngineName, options: EngineOptions): Promise<Engine> {
  if (name === 'rego') throw new UsageError('The rego engine is not available yet; use --engine core (the default).');
  if (options.policies.length > 0) throw new UsageError('--policy needs --engine rego.');
  return coreEngine;
}
