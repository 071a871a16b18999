/**
 * The SARIF output passes Microsoft's SARIF validator (its SARIF and GitHub rule sets) with no
 * error and no warning: on the examples, and on results that use every feature of the formatter.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintSource, resolveTarget, ruleMetas, type FileResult } from '@sidecar-lint/core';
import { sarif } from '../../packages/cli/dist/formatters/sarif.js';
import type { ReportContext } from '../../packages/cli/dist/formatters/types.js';
import { repoRoot } from '../shared-dir.js';
import { validateSarif } from './sarif-validator.js';

const target = resolveTarget({});
const context: ReportContext = {
  tool: { name: 'sidecar-lint', version: '0.1.0', informationUri: 'https://github.com/sidecar-lint/sidecar-lint' },
  target,
  cwd: repoRoot,
  rules: ruleMetas,
  color: false,
};

function lintFile(relative: string): FileResult {
  return lintSource({ uri: relative, text: readFileSync(join(repoRoot, relative), 'utf8') }, { target });
}

describe('SARIF validator', () => {
  it('reports nothing on `sidecar-lint --format sarif examples/` (the committed bundle)', () => {
    const run = spawnSync(process.execPath, ['dist/sidecar-lint.mjs', '--format', 'sarif', 'examples/'], { cwd: repoRoot, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const log = JSON.parse(run.stdout) as { runs: { results: unknown[] }[] };
    expect(log.runs[0]!.results.length).toBeGreaterThan(0);
    expect(validateSarif(run.stdout)).toEqual([]);
  });

  it('reports nothing on the examples', () => {
    const files = readdirSync(join(repoRoot, 'examples/manifests')).sort().map((name) => `examples/manifests/${name}`);
    const results = files.map(lintFile);
    expect(results.some((result) => result.findings.length > 0)).toBe(true);
    expect(validateSarif(sarif(results, context))).toEqual([]);
  });

  it('reports nothing on suppressions, fixes, notes, syntax errors, odd names and files outside the workspace', () => {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: web',
      '  annotations:',
      '    ignore.sidecar-lint.io/duplicate-container-name: "Known, see TICKET-1."',
      'spec:',
      '  initContainers:',
      '    - name: proxy',
      '      image: envoy',
      '      restartPolicy: always',
      '  containers:',
      '    - name: app',
      '      image: app',
      '    - name: app',
      '      image: app',
      '---',
      'a: [',
      '',
    ].join('\n');
    const results = [
      lintSource({ uri: 'deploy/my app #1.yaml', text }, { target, checkSyntax: true }),
      lintSource({ uri: '/outside/of/workspace.yaml', text }, { target }),
    ];
    const kinds = results[0]!.findings.map((finding) => finding.ruleId);
    expect(kinds).toContain('yaml-syntax');
    expect(results[0]!.suppressed.map((finding) => finding.ruleId)).toEqual(['duplicate-container-name']);
    expect(results[0]!.findings.some((finding) => finding.fix)).toBe(true);
    expect(validateSarif(sarif(results, context))).toEqual([]);
  });

  it('links every rule descriptor to its page in docs/rules', () => {
    const log = JSON.parse(sarif([], context)) as { runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } } }[] };
    const prefix = `${context.tool.informationUri}/blob/main/`;
    for (const rule of log.runs[0]!.tool.driver.rules) {
      expect(rule.helpUri.startsWith(prefix)).toBe(true);
      expect(existsSync(join(repoRoot, rule.helpUri.slice(prefix.length))), rule.helpUri).toBe(true);
    }
  });

  it('is not a validator that accepts anything', () => {
    const broken = JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x', rules: [{ id: 'r' }] } }, results: [] }] });
    expect(validateSarif(broken).map((issue) => issue.ruleId)).toEqual(expect.arrayContaining(['SARIF2005', 'SARIF2008', 'GH2012']));
  });
});
