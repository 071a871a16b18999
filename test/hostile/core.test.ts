/**
 * The hostile corpus through the core: exact findings (or none), positioned parse errors, no
 * exception, a time budget against hangs, and Object.prototype untouched afterwards.
 */
import { describe, expect, it } from 'vitest';
import { lintSource, resolveTarget } from '@sidecar-lint/core';
import { asExpected, hostileCases, timeBudgetMs } from './cases.js';

const target = resolveTarget({ kubernetesVersion: '1.31' });
const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
const cleanPrototype = prototypeKeys();

describe('hostile inputs through the core', () => {
  for (const hostile of hostileCases) {
    it(hostile.name, () => {
      const text = hostile.bytes.toString('utf8');
      const started = performance.now();
      const result = lintSource({ uri: 'hostile.yaml', text }, { target });
      const elapsed = performance.now() - started;
      expect(result.findings.map(asExpected)).toEqual(hostile.findings);
      expect(result.documents).toBe(hostile.documents);
      for (const finding of result.findings) {
        expect(finding.offset).toBeGreaterThanOrEqual(0);
        expect(finding.endOffset).toBeLessThanOrEqual(text.length);
        expect(finding.offset).toBeLessThan(finding.endOffset);
      }
      expect(elapsed).toBeLessThan(timeBudgetMs(hostile.bytes.length));
      expect(prototypeKeys()).toEqual(cleanPrototype);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      expect(({} as Record<string, unknown>)['restartPolicy']).toBeUndefined();
    });
  }

  it('gives the same findings with every document parsed (--check-syntax)', () => {
    for (const hostile of hostileCases) {
      const text = hostile.bytes.toString('utf8');
      const quick = lintSource({ uri: 'hostile.yaml', text }, { target }).findings.map(asExpected);
      const full = lintSource({ uri: 'hostile.yaml', text }, { target, checkSyntax: true }).findings.map(asExpected);
      expect(full, hostile.name).toEqual(quick);
    }
  });
});
