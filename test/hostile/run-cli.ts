/**
 * Runs the built CLI as a child process. Permission tests need a user that file modes apply to:
 * tests run as root here, and root reads everything, so as root the CLI runs as `nobody` through
 * setpriv; where that is impossible, `asUnprivileged` is null and those tests skip with a notice.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot } from '../shared-dir.js';

export const bin = join(repoRoot, 'packages', 'cli', 'dist', 'bin.js');

function unprivilegedPrefix(): string[] | null {
  if (process.getuid?.() !== 0) return [];
  const prefix = ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups'];
  // The CLI itself must start as nobody: a checkout under a folder only root may enter cannot.
  const probe = spawnSync(prefix[0]!, [...prefix.slice(1), process.execPath, bin, '--version'], { encoding: 'utf8' });
  if (probe.status === 0) return prefix;
  console.warn(`notice: cannot run the CLI as nobody through setpriv (${(probe.stderr || String(probe.error)).trim().split('\n')[0]}); permission tests are skipped`);
  return null;
}

/** The command prefix that drops root, [] when not root, null when root cannot be dropped. */
export const asUnprivileged = unprivilegedPrefix();

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  input?: string | Buffer;
  unprivileged?: boolean;
  env?: Record<string, string>;
}

function command(args: readonly string[], unprivileged: boolean): [string, string[]] {
  const prefix = unprivileged ? (asUnprivileged ?? []) : [];
  const full = [...prefix, process.execPath, bin, ...args];
  return [full[0]!, full.slice(1)];
}

export function cli(args: readonly string[], options: RunOptions): CliRun {
  const [file, rest] = command(args, options.unprivileged ?? false);
  const result: SpawnSyncReturns<string> = spawnSync(file, rest, {
    cwd: options.cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', ...options.env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** Starts the CLI without waiting, for signals and pipes. */
export function start(args: readonly string[], options: RunOptions) {
  const [file, rest] = command(args, options.unprivileged ?? false);
  return spawn(file, rest, { cwd: options.cwd, env: { PATH: process.env['PATH'] ?? '', ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
}

const scratchDirs: string[] = [];

/** For afterAll: removes every scratch folder of the test file (root can, whatever their modes). */
export function removeScratch(): void {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A scratch folder that `nobody` can enter (mkdtemp makes it 0700); see removeScratch. */
export function scratch(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'sidecar-lint-hostile-'));
  scratchDirs.push(dir);
  chmodSync(dir, 0o755);
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    if (!existsSync(dirname(full))) mkdirSync(dirname(full), { recursive: true, mode: 0o755 });
    writeFileSync(full, content, { mode: 0o644 });
  }
  return dir;
}

/** Node's uncaught-exception output and V8 stack frames: none may reach a user. */
export const stackTrace = /^\s+at .+\(.+:\d+:\d+\)$|^\s+at .+:\d+:\d+$|node:internal|Error: .+\n\s+at /m;

/** A manifest with a fixable error on line 6 (the typo `always`), and the init-container-probes error it causes. */
export const fixable = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  initContainers:\n  - {name: proxy, image: envoy, restartPolicy: always, startupProbe: {tcpSocket: {port: 1}}, resources: {requests: {cpu: 1m}}}\n  containers:\n  - {name: app, image: app, resources: {requests: {cpu: 1m}}}\n';
export const fixed = fixable.replace('restartPolicy: always', 'restartPolicy: Always');
