// The Rego engine against the core engine, per document, on ../shared/corpus: the same lintSource
// pipeline, the twins compiled by our own compiler and run through @open-policy-agent/opa-wasm
// against the core's rules, alternating rounds in one process.
//   node bench/rego-engine/run.mjs [--rounds 5]
import { parseArgs } from 'node:util';
import { lintSource, resolveTarget } from '@sidecar-lint/core';
import { createRegoEngine } from '@sidecar-lint/rego';
import { corpusFiles, machine, sharedDir, sideBySide } from '../shared.mjs';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' } } });
const shared = sharedDir();
if (shared) {
  const files = corpusFiles(shared);
  const target = resolveTarget({});
  const engine = createRegoEngine();
  const run = (options) => () => {
    for (const file of files) lintSource({ uri: file.path, text: file.text }, { target, ...options });
  };
  const core = run({});
  const rego = run({ engine });
  core();
  rego();
  const t = sideBySide({ core, rego }, Number(values.rounds));
  console.log(`### Rego engine against the core (${files.length} files, default range ${target.minors.map((m) => m.version).join(', ')}; ${machine()})\n`);
  console.log('| engine | median ms for the corpus | vs core |');
  console.log('|---|---|---|');
  console.log(`| core | ${t.core.toFixed(0)} | 1.00x |`);
  console.log(`| rego (compiled twins through opa-wasm) | ${t.rego.toFixed(0)} | ${(t.rego / t.core).toFixed(2)}x |`);
}
