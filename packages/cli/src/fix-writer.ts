/**
 * Writes a fixed file atomically: a temporary file in the same folder (same file system, so the
 * rename is atomic), with the original's mode, then a rename over the original. Both steps are
 * synchronous, so a SIGINT is only handled before or after them: no half-written file.
 */
import { chmodSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function writeFileAtomic(path: string, text: string): void {
  const mode = statSync(path).mode & 0o7777;
  const temp = join(dirname(path), `.${basename(path)}.sidecar-lint-${process.pid}.tmp`);
  try {
    writeFileSync(temp, text, { mode, flag: 'wx' });
    chmodSync(temp, mode);
    renameSync(temp, path);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // Nothing was left behind.
    }
    throw error;
  }
}
