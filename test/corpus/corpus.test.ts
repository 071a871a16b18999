/**
 * Every file of ../shared/corpus: no crash, every finding inside the file with a real span, and the
 * cheap pre-filter (documents that cannot hold a pod spec are not parsed) changes no finding.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintSource, resolveTarget, type Finding } from '@sidecar-lint/core';
import { sharedDir } from '../shared-dir.js';

const shared = sharedDir();

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : /\.(ya?ml|json)$/.test(name) ? [path] : [];
    });
}

const comparable = (f: Finding) => `${f.document}|${f.item ?? ''}|${f.ruleId}|${f.severity}|${f.path}|${f.line}:${f.column}-${f.endLine}:${f.endColumn}|${f.versions}|${f.message}`;

describe.skipIf(shared === null)('the shared corpus', () => {
  const files = shared ? walk(join(shared, 'corpus')) : [];
  const target = resolveTarget({ kubernetesVersion: '1.27-1.36' });

  it('has thousands of files', () => {
    expect(files.length).toBeGreaterThan(6000);
  });

  it('lints every file without a crash, with every finding inside its file', () => {
    let findings = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const lines = text.split('\n');
      const result = lintSource({ uri: relative(shared!, file), text }, { target });
      for (const finding of result.findings) {
        findings++;
        const where = `${relative(shared!, file)}:${finding.line}:${finding.column} ${finding.ruleId}`;
        expect(finding.line, where).toBeGreaterThanOrEqual(1);
        expect(finding.endLine, where).toBeLessThanOrEqual(lines.length);
        expect(finding.column, where).toBeGreaterThanOrEqual(1);
        expect(finding.endLine > finding.line || finding.endColumn > finding.column, where).toBe(true);
        expect(finding.offset, where).toBeLessThan(finding.endOffset);
        expect(finding.endOffset, where).toBeLessThanOrEqual(text.length);
        expect(finding.message.endsWith('.'), where).toBe(true);
      }
    }
    expect(findings).toBeGreaterThan(0);
  });

  it('finds the same as a full parse of every document', () => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const quick = lintSource({ uri: file, text }, { target }).findings.filter((f) => f.ruleId !== 'yaml-syntax');
      const full = lintSource({ uri: file, text }, { target, checkSyntax: true }).findings.filter((f) => f.ruleId !== 'yaml-syntax');
      expect(quick.map(comparable), relative(shared!, file)).toEqual(full.map(comparable));
    }
  });
});
