/**
 * From the paths on the command line to the files to lint, in a deterministic order: files as
 * given, directories walked in sorted order (*.yaml, *.yml, *.json; node_modules and .git
 * skipped), globs expanded and sorted, "-" for stdin, the cwd when no path is given. A path that
 * does not exist is a problem of its own: the other files are still linted.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { configFileNames } from '@sidecar-lint/config';

export const STDIN = '-';

export interface InputFile {
  /** The path as given or found: relative to the cwd when found by walking or by a glob. */
  display: string;
  /** Absolute path, or STDIN. */
  path: string;
}

export interface Inputs {
  files: InputFile[];
  /** One sentence per path that cannot be read. */
  problems: string[];
}

const manifestExtension = /\.(ya?ml|json)$/i;
const skippedDirectories = new Set(['node_modules', '.git']);
/** Our own config files are not manifests. */
const configFiles: ReadonlySet<string> = new Set(configFileNames);
const globCharacters = /[*?[\]{}]/;

function toDisplay(cwd: string, absolute: string): string {
  const rel = relative(cwd, absolute);
  const shown = rel === '' ? '.' : rel.startsWith('..') ? absolute : rel;
  return sep === '/' ? shown : shown.split(sep).join('/');
}

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Walks a directory in sorted order. An entry that cannot be read (a folder without permission, a
 * symlink loop) is a problem of its own and the walk goes on; dangling symlinks are skipped.
 */
function walk(directory: string, shown: string, cwd: string, out: InputFile[], problems: string[]): void {
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true }).sort((a, b) => byName(a.name, b.name));
  } catch (error) {
    problems.push(`Cannot read ${shown}: ${reason(error)}.`);
    return;
  }
  for (const entry of entries) {
    const full = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!skippedDirectories.has(entry.name)) walk(full, toDisplay(cwd, full), cwd, out, problems);
    } else if (manifestExtension.test(entry.name) && !configFiles.has(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && linksToFile(full, cwd, problems)))) {
      out.push({ display: toDisplay(cwd, full), path: full });
    }
  }
}

function linksToFile(path: string, cwd: string, problems: string[]): boolean {
  try {
    return statSync(path).isFile();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') problems.push(`Cannot read ${toDisplay(cwd, path)}: ${reason(error)}.`);
    return false;
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : code === 'ENOTDIR' ? 'not a directory' : (code ?? String(error));
}

async function expandGlob(pattern: string, cwd: string): Promise<InputFile[]> {
  const { glob } = await import('tinyglobby');
  const found = await glob(pattern, { cwd, absolute: true, onlyFiles: true, dot: false, ignore: ['**/node_modules/**', '**/.git/**'] });
  return found
    .map((path) => resolve(path))
    .sort(byName)
    .map((path) => ({ display: toDisplay(cwd, path), path }));
}

export async function collectInputs(paths: readonly string[], cwd: string): Promise<Inputs> {
  const files: InputFile[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const add = (file: InputFile) => {
    if (file.path !== STDIN && seen.has(file.path)) return;
    seen.add(file.path);
    files.push(file);
  };
  for (const given of paths.length === 0 ? ['.'] : paths) {
    if (given === STDIN) {
      add({ display: '<stdin>', path: STDIN });
      continue;
    }
    const absolute = resolve(cwd, given);
    let stats;
    try {
      stats = statSync(absolute);
    } catch (error) {
      if (globCharacters.test(given)) {
        const matches = await expandGlob(given, cwd);
        if (matches.length === 0) problems.push(`No files match the pattern "${given}".`);
        matches.forEach(add);
      } else {
        problems.push(`Cannot read ${given}: ${reason(error)}.`);
      }
      continue;
    }
    if (stats.isDirectory()) {
      const found: InputFile[] = [];
      walk(absolute, given, cwd, found, problems);
      found.forEach(add);
    } else {
      add({ display: given, path: absolute });
    }
  }
  return { files, problems };
}
