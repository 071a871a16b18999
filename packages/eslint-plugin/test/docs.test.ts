// docs/rules/<id>.md must match the rule metadata: one page per rule, no page without a rule.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ruleMetas } from '@sidecar-lint/core';
import { ruleDoc } from '../src/docs.js';
import plugin from '../src/index.js';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/rules');
const fixHint = 'run `pnpm -r build && pnpm --filter @sidecar-lint/eslint-plugin docs`';

describe('rule docs', () => {
  it.each(ruleMetas.map((meta) => [meta.id, meta] as const))('docs/rules/%s.md is up to date', (id, meta) => {
    const file = path.join(dir, `${id}.md`);
    expect(fs.existsSync(file), `${file} is missing: ${fixHint}`).toBe(true);
    expect(fs.readFileSync(file, 'utf8'), `${file} is stale: ${fixHint}`).toBe(ruleDoc(meta));
  });

  it('has no page for a rule that does not exist', () => {
    const pages = fs.readdirSync(dir).filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -3)).sort();
    expect(pages).toEqual(ruleMetas.map((meta) => meta.id).sort());
  });

  it('links every ESLint rule to its page', () => {
    for (const meta of ruleMetas) expect(plugin.rules[meta.id]?.meta?.docs?.url).toBe(`https://github.com/sidecar-lint/sidecar-lint/blob/main/docs/rules/${meta.id}.md`);
  });
});
