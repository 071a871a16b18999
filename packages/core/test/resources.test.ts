import { describe, expect, it } from 'vitest';
import { effectiveRequest, formatCpu, formatMemory, parseQuantity } from '../src/resources.js';

describe('effectiveRequest (KEP-753 formula)', () => {
  it('reproduces the worked example of notes/k8s-semantics.md §5: 800m', () => {
    const init = [
      { sidecar: true, amount: 100 },
      { sidecar: false, amount: 500 },
      { sidecar: true, amount: 200 },
      { sidecar: false, amount: 300 },
    ];
    expect(effectiveRequest(init, [400, 100])).toBe(800);
  });

  it('lets a large plain init container step dominate, counting the sidecars started before it', () => {
    expect(effectiveRequest([{ sidecar: true, amount: 100 }, { sidecar: false, amount: 1000 }], [200])).toBe(1100);
  });

  it('does not count sidecars declared after a plain init container in that step', () => {
    expect(effectiveRequest([{ sidecar: false, amount: 1000 }, { sidecar: true, amount: 100 }], [200])).toBe(1000);
  });

  it('is the old formula without sidecars: max(max(init), sum(containers))', () => {
    expect(effectiveRequest([{ sidecar: false, amount: 300 }, { sidecar: false, amount: 700 }], [200, 400])).toBe(700);
    expect(effectiveRequest([], [200, 400])).toBe(600);
  });
});

describe('quantities', () => {
  it.each([
    ['100m', 0.1],
    ['0.5', 0.5],
    ['2', 2],
    [2, 2],
    ['128Mi', 128 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['500M', 5e8],
    ['1e3', 1000],
    ['1.5k', 1500],
  ])('parses %s', (text, expected) => {
    expect(parseQuantity(text)).toBeCloseTo(expected, 9);
  });

  it.each([['abc'], ['-1'], ['1 Gi'], [null], [true]])('rejects %s', (text) => {
    expect(parseQuantity(text)).toBeNull();
  });

  it('formats cpu and memory as Kubernetes prints them', () => {
    expect(formatCpu(0.8)).toBe('800m');
    expect(formatCpu(2)).toBe('2');
    expect(formatCpu(0.1 + 0.2)).toBe('300m');
    expect(formatMemory(256 * 2 ** 20)).toBe('256Mi');
    expect(formatMemory(2 ** 30 + 2 ** 29)).toBe('1536Mi');
    expect(formatMemory(1500)).toBe('1500');
  });
});
