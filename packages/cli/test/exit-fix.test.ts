import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintSource, resolveTarget, type FileResult, type Finding } from '@sidecar-lint/core';
import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../src/exit-codes.js';
import { fixText } from '../src/fix.js';
import { writeFileAtomic } from '../src/fix-writer.js';

function result(severities: Finding['severity'][]): FileResult {
  return { file: 'x', documents: 1, suppressed: [], findings: severities.map((severity) => ({ severity }) as Finding) };
}

describe('exitCodeFor', () => {
  it.each([
    [[], 0, undefined, 0],
    [['info', 'info'], 0, 0, 0],
    [['warning'], 0, undefined, 0],
    [['warning', 'warning'], 0, 1, 1],
    [['warning'], 0, 1, 0],
    [['error'], 0, undefined, 1],
    [['error'], 1, undefined, 2],
    [[], 1, undefined, 2],
  ] as const)('%j with %i usage problems and --max-warnings %s -> %i', (severities, problems, maxWarnings, code) => {
    expect(exitCodeFor([result([...severities])], problems, maxWarnings)).toBe(code);
  });
});

const target = resolveTarget({ kubernetesVersion: '1.33' });
const lint = (text: string) => lintSource({ uri: 'x.yaml', text }, { target });
const pod = (value: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers:\n    - name: proxy\n      image: envoy\n      restartPolicy: ${value} # keep me\n  containers:\n    - name: app\n      image: nginx\n`;

describe('fixText', () => {
  it('applies the certain fix, keeps the comment, and reports what remains', () => {
    const outcome = fixText(pod('always'), lint, false);
    expect(outcome.text).toBe(pod('Always'));
    expect(outcome.applied).toBe(1);
    expect(outcome.result.findings.map((finding) => finding.ruleId)).not.toContain('restart-policy-init-value');
    expect(fixText(outcome.text, lint, false).text).toBe(outcome.text);
  });

  it('leaves a text with a syntax error alone, even in a document that was not checked', () => {
    const text = `${pod('always')}---\nkind: [\n`;
    expect(fixText(text, lint, false)).toMatchObject({ text, applied: 0, refused: 'Not fixed: the file has a YAML syntax error.' });
  });
});

describe('writeFileAtomic', () => {
  it('replaces the content, keeps the mode, leaves no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sidecar-lint-fix-'));
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'old\n');
    chmodSync(file, 0o600);
    writeFileAtomic(file, 'new\n');
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });
});
