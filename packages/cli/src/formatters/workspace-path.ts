/**
 * Report paths relative to the workspace (the cwd, or GITHUB_WORKSPACE in the Action). SARIF and
 * GitHub annotations only display findings whose path matches a file of the checked-out
 * repository, so every formatter that points at files goes through here.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The name FileResult.file carries for standard input. */
export const STDIN_FILE = '<stdin>';

export interface WorkspacePath {
  /** Forward-slash path relative to the workspace, or null when the file lies outside it. */
  relative: string | null;
  /** The path as the user should read it: relative when inside the workspace, absolute otherwise. */
  display: string;
}

export function workspacePath(file: string, cwd: string): WorkspacePath {
  if (file === STDIN_FILE) return { relative: STDIN_FILE, display: STDIN_FILE };
  const absolute = resolve(cwd, file);
  const inside = relative(cwd, absolute);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    return { relative: null, display: absolute.split(sep).join('/') };
  }
  const posix = inside.split(sep).join('/');
  return { relative: posix, display: posix };
}

/** A relative URI reference for a forward-slash path: each segment percent-encoded. */
export function relativeUri(posixPath: string): string {
  return posixPath.split('/').map(encodeURIComponent).join('/');
}

/** The absolute file URI of a file outside the workspace. */
export function absoluteFileUri(file: string, cwd: string): string {
  return pathToFileURL(resolve(cwd, file)).href;
}

/** The workspace as a directory file URI (SARIF requires the trailing slash). */
export function workspaceUri(cwd: string): string {
  const href = pathToFileURL(resolve(cwd)).href;
  return href.endsWith('/') ? href : `${href}/`;
}
