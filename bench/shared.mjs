// Helpers for the benchmarks: where ../shared is, the corpus files, timing side by side.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function sharedDir() {
  const dir = resolve(repoRoot, process.env.SIDECAR_LINT_SHARED ?? '../shared');
  if (!existsSync(dir)) {
    console.warn(`notice: ${dir} not found (set SIDECAR_LINT_SHARED); corpus benchmarks skipped`);
    return null;
  }
  return dir;
}

export function corpusFiles(shared) {
  const walk = (dir) =>
    readdirSync(dir)
      .sort()
      .flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? walk(path) : /\.(ya?ml|json)$/.test(name) ? [path] : [];
      });
  return walk(join(shared, 'corpus')).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
}

/** Runs the contenders in alternation, rounds times, and returns the median time of each (ms). */
export function sideBySide(contenders, rounds = 7) {
  const times = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(contenders)) {
      const start = process.hrtime.bigint();
      run();
      times[name].push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([name, list]) => [name, median(list)]));
}

export function median(list) {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function machine() {
  return `${process.version}, ${process.platform} ${process.arch}, ${new Date().toISOString().slice(0, 10)}`;
}
