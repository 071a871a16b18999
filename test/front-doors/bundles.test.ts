/**
 * The committed bundles are what the repository's sources build to: rebuilt into a temporary
 * directory, they must be byte for byte the committed ones. They import nothing but Node's
 * built-ins, so pre-commit and the Action run them without installing anything.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../shared-dir.js';

const bundles = ['sidecar-lint.mjs', 'action.mjs'];
const outDir = mkdtempSync(join(tmpdir(), 'sidecar-lint-bundles-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('committed bundles', () => {
  it('are up to date (rebuild: pnpm -r build && node scripts/bundle.mjs)', () => {
    const build = spawnSync(process.execPath, ['scripts/bundle.mjs', '--out-dir', outDir], { cwd: repoRoot, encoding: 'utf8' });
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    for (const name of bundles) {
      const committed = readFileSync(join(repoRoot, 'dist', name));
      const rebuilt = readFileSync(join(outDir, name));
      expect(committed.equals(rebuilt), `dist/${name} is stale: run pnpm -r build && node scripts/bundle.mjs, then commit dist/`).toBe(true);
    }
  });

  it('build the same bytes twice', () => {
    const again = mkdtempSync(join(tmpdir(), 'sidecar-lint-bundles-'));
    try {
      const build = spawnSync(process.execPath, ['scripts/bundle.mjs', '--out-dir', again], { cwd: repoRoot, encoding: 'utf8' });
      expect(build.status).toBe(0);
      for (const name of bundles) expect(readFileSync(join(again, name)).equals(readFileSync(join(outDir, name)))).toBe(true);
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  it.each(bundles)('%s imports only Node built-ins and names no path of this machine', (name) => {
    const text = readFileSync(join(repoRoot, 'dist', name), 'utf8');
    const specifiers = [...text.matchAll(/(?:^|[;\s])import\s*(?:[^'";]*?\sfrom\s*)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gm)].map((match) => match[1] ?? match[2]);
    expect(specifiers.length).toBeGreaterThan(0);
    const builtin = (specifier: string) => specifier.startsWith('node:') || builtinModules.includes(specifier);
    expect(specifiers.filter((specifier) => !builtin(specifier!))).toEqual([]);
    const required = [...text.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1]!);
    expect(required.filter((specifier) => !builtin(specifier))).toEqual([]);
    expect(text).not.toContain(repoRoot);
  });

  it.each(bundles)('%s carries the licence of every bundled package', (name) => {
    const text = readFileSync(join(repoRoot, 'dist', name), 'utf8');
    const notice = text.slice(text.lastIndexOf('/*! Bundled third-party packages and their licences.'));
    expect(notice.endsWith('*/\n')).toBe(true);
    const bundled = [...notice.matchAll(/^(\S+)@\d+\.\d+\.\d+ \(([^)]+)\)$/gm)].map((match) => `${match[1]} ${match[2]}`);
    expect(bundled).toContain('yaml ISC');
    const modules = new Set([...text.matchAll(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/"]+)\//g)].map((match) => match[1]!));
    // Two versions of one package (yaml 2 for us, yaml 1 inside the opa-wasm SDK) are two notices.
    expect([...new Set(bundled.map((entry) => entry.split(' ')[0]))].sort()).toEqual([...modules].sort());
  });

  it('the CLI bundle runs with a hashbang and reports its version', () => {
    const text = readFileSync(join(repoRoot, 'dist/sidecar-lint.mjs'), 'utf8');
    expect(text.startsWith('#!/usr/bin/env node\n')).toBe(true);
    const version = spawnSync(process.execPath, ['dist/sidecar-lint.mjs', '--version'], { cwd: repoRoot, encoding: 'utf8' });
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
    expect(version.stdout).toBe(`${pkg.version}\n`);
    expect(pkg.bin).toEqual({ 'sidecar-lint': 'dist/sidecar-lint.mjs' });
  });
});
