/** The unified diff of --fix-dry-run (loaded only when asked for). */
import { createTwoFilesPatch } from 'diff';

export function unifiedDiff(file: string, before: string, after: string): string {
  const patch = createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, { context: 3 });
  // Drop the "=====" banner line, so the output reads like git diff and applies with patch -p1.
  return patch.replace(/^=+\r?\n/, '');
}
