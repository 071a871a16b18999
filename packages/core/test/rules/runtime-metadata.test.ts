import { describe, expect, it } from 'vitest';
import { rules } from '../../src/index.js';

/** The runtime and advice rules of DESIGN §2, in its order, after the 12 API rules. */
const runtimeAndAdvice = [
  ['legacy-sidecar-in-job', 'warning', 'runtime'],
  ['sidecar-startup-probe', 'warning', 'runtime'],
  ['sidecar-order', 'warning', 'runtime'],
  ['blocking-init-container', 'warning', 'runtime'],
  ['one-shot-sidecar', 'warning', 'runtime'],
  ['sidecar-termination-grace', 'warning', 'runtime'],
  ['job-failure-policy-exit-codes', 'warning', 'runtime'],
  ['legacy-sidecar-workarounds', 'info', 'advice'],
  ['prefer-native-sidecar', 'info', 'advice'],
  ['sidecar-resources', 'info', 'advice'],
] as const;

describe('runtime and advice rule metadata', () => {
  it('registers the rules after the API rules, in DESIGN order', () => {
    expect(rules.slice(12).map((rule) => [rule.id, rule.defaultSeverity, rule.category])).toEqual(runtimeAndAdvice);
  });

  it.each(runtimeAndAdvice.map(([id]) => id))('%s has complete docs', (id) => {
    const rule = rules.find((candidate) => candidate.id === id)!;
    expect(rule.description).not.toMatch(/\.$/);
    expect(rule.rationale).toMatch(/\.$/);
    expect(rule.howToFix).toMatch(/\.$/);
    expect(rule.example?.bad).toBeTruthy();
    expect(rule.example?.good).toBeTruthy();
  });
});
