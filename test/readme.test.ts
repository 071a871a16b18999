/** The README's rule table is generated from rule metadata; this fails when it is stale. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './shared-dir.js';
// @ts-expect-error: a plain ES module script without types
import { endMarker, replaceTable, ruleTable, startMarker } from '../scripts/rule-table.mjs';

describe('README', () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

  it('has the rule table of the current rule metadata (run node scripts/rule-table.mjs --write)', async () => {
    expect(readme).toContain(startMarker);
    expect(readme).toContain(endMarker);
    expect(replaceTable(readme, await ruleTable())).toBe(readme);
  });

  it('names the test command that .ci/run runs', () => {
    const ci = readFileSync(join(repoRoot, '.ci/run'), 'utf8');
    for (const command of ['npx --yes pnpm@10.34.9 install --frozen-lockfile', 'npx --yes pnpm@10.34.9 test']) {
      expect(readme).toContain(command);
      expect(ci).toContain(command);
    }
  });
});
