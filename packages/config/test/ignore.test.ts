import { describe, expect, it } from 'vitest';
import { matchesGlob } from '../src/index.js';

describe('matchesGlob', () => {
  it.each([
    ['charts/web/templates/a.yaml', 'charts/**/templates/**', true],
    ['charts/templates/a.yaml', 'charts/**/templates/**', true],
    ['charts/web/a.yaml', 'charts/**/templates/**', false],
    ['a/b/c.yaml', '*.yaml', true],
    ['a/b/c.yaml', '/*.yaml', false],
    ['c.yaml', '/*.yaml', true],
    ['vendor/x/y.yaml', 'vendor', true],
    ['vendor/x/y.yaml', 'vendor/', true],
    ['myvendor/y.yaml', 'vendor', false],
    ['a/b.yml', 'a/*.{yaml,yml}', true],
    ['a/b.json', 'a/*.{yaml,yml}', false],
    ['a/x1.yaml', 'a/x[0-9].yaml', true],
    ['a/xa.yaml', 'a/x[!0-9].yaml', true],
    ['a/b/c.yaml', 'a/*.yaml', false],
    ['a/b.yaml', 'a/?.yaml', true],
    ['a+b/c.yaml', 'a+b/*', true],
  ])('%s against %s: %s', (path, pattern, expected) => {
    expect(matchesGlob(path, pattern)).toBe(expected);
  });
});
