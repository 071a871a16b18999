/**
 * Where in the TypeScript a synthesized object was built. cdk8s records each object's construct path
 * (`demo/web`) by `metadata.name`; the last part is the construct id, which the ESLint plugin's site
 * finder knows for every `new Kube*(scope, 'web', ...)` and `new ApiObject(...)` with a literal id.
 * The field's own line comes from the same static reading; a site that cannot be matched gives no line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { parsePath } from '@sidecar-lint/core';
import { locatePath, resourceSites, type ResourceSite, type StaticValue } from '@sidecar-lint/eslint-plugin';

interface FileSite {
  file: string;
  site: ResourceSite;
}

const skippedDirectories = new Set(['node_modules', 'dist', 'imports', '.git', 'cdk8s.out', 'coverage']);
const maxFiles = 2000;

/** The app's own TypeScript files, below its folder. */
export function appSourceFiles(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (out.length >= maxFiles) return;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skippedDirectories.has(entry.name) && !entry.name.startsWith('.')) visit(full);
      } else if (/\.[cm]?ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        out.push(full);
      }
    }
  };
  visit(root);
  return out;
}

function stringAt(value: StaticValue, key: string): string | undefined {
  if (value.kind !== 'object') return undefined;
  const entry = value.entries.find((candidate) => candidate.key === key);
  return entry?.value.kind === 'scalar' && typeof entry.value.value === 'string' ? entry.value.value : undefined;
}

/** Reads the sites of every file once, through ESLint's parser and scope analysis. */
export class SourceLines {
  private readonly byId = new Map<string, FileSite[]>();

  constructor(files: readonly string[], root: string) {
    const linter = new Linter();
    for (const file of files) {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      if (!/Kube[A-Z]|ApiObject/.test(text)) continue;
      const found: ResourceSite[] = [];
      const capture = { create: (context: { sourceCode: unknown }) => ({ 'Program:exit': () => void found.push(...resourceSites(context.sourceCode as never)) }) };
      linter.verify(text, [{ files: ['**/*.ts', '**/*.mts', '**/*.cts'], languageOptions: { parser: tsParser as Linter.Parser }, plugins: { capture: { rules: { sites: capture as never } } }, rules: { 'capture/sites': 'error' } }], path.relative(root, file) || file);
      for (const site of found) {
        if (site.constructId === undefined) continue;
        const list = this.byId.get(site.constructId) ?? [];
        list.push({ file: path.relative(root, file) || file, site });
        this.byId.set(site.constructId, list);
      }
    }
  }

  /** `main.ts:14:9` for a field of the object at a construct path, when one site fits. */
  locate(constructPath: string | undefined, kind: string | null, fieldPath: string | null): string | undefined {
    if (!constructPath) return undefined;
    const parts = constructPath.split('/');
    let id = parts[parts.length - 1];
    // cdk8s-plus constructs put their ApiObject under the child id "Resource".
    if (id === 'Resource' && parts.length > 1) id = parts[parts.length - 2];
    const candidates = (this.byId.get(id ?? '') ?? []).filter(({ site }) => kind === null || stringAt(site.resource, 'kind') === kind);
    const segments = fieldPath === null ? [] : parsePath(fieldPath);
    const located = candidates.map(({ file, site }) => ({ file, ...locatePath(site.resource, segments) }));
    // Two sites with the same id (two charts, or a copy of the app): the one that has the field wins.
    const complete = located.filter((entry) => entry.complete);
    const chosen = located.length === 1 ? located[0] : complete.length === 1 ? complete[0] : undefined;
    if (!chosen) return undefined;
    return `${chosen.file}:${chosen.node.loc.start.line}:${chosen.node.loc.start.column + 1}`;
  }
}
