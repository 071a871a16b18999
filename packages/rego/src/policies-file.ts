/**
 * Where the compiled twins come from: dist/policies.wasm, built from policies/ by
 * scripts/build-policies.mjs. The single-file bundles replace this module with one that embeds the
 * bytes (scripts/bundle.mjs), so they need no file beside them.
 */
import { readFileSync } from 'node:fs';

export function defaultPoliciesWasm(): Uint8Array {
  return readFileSync(new URL('./policies.wasm', import.meta.url));
}
