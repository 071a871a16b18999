/**
 * Where ../shared is: SIDECAR_LINT_SHARED, else ../shared beside the repository. Absent on a
 * user's clone (tests that need it skip with a notice); always present in CI, where its absence
 * is a failure rather than a skip.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function sharedDir(): string | null {
  const dir = resolve(repoRoot, process.env['SIDECAR_LINT_SHARED'] ?? '../shared');
  if (existsSync(dir)) return dir;
  if (process.env['CI']) throw new Error(`shared folder not found at ${dir} (SIDECAR_LINT_SHARED); CI must have it`);
  console.warn(`notice: ${dir} not found (set SIDECAR_LINT_SHARED); tests that read it are skipped`);
  return null;
}
