// Lint throughput on ../shared/corpus against the floor: yaml.parseAllDocuments on the same bytes,
// in the same process, alternating rounds. Prints one Markdown table.
import { parseAllDocuments } from 'yaml';
import { lintSource, resolveTarget } from '@sidecar-lint/core';
import { corpusFiles, machine, sharedDir, sideBySide } from './shared.mjs';

const shared = sharedDir();
if (shared) {
  const files = corpusFiles(shared);
  const bytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0);
  let documents = 0;
  for (const file of files) documents += parseAllDocuments(file.text).length ?? 0;
  const defaultTarget = resolveTarget({});
  const wideTarget = resolveTarget({ kubernetesVersion: '1.27-1.36' });
  const lintAll = (target) => () => {
    for (const file of files) lintSource({ uri: file.path, text: file.text }, { target });
  };
  const floor = () => {
    for (const file of files) parseAllDocuments(file.text);
  };
  // Warm up the JIT for every contender before timing.
  floor();
  lintAll(defaultTarget)();
  lintAll(wideTarget)();
  const t = sideBySide({ floor, lintDefault: lintAll(defaultTarget), lintWide: lintAll(wideTarget) });
  const mb = bytes / 1e6;
  const row = (name, ms) => `| ${name} | ${ms.toFixed(0)} | ${(documents / (ms / 1000)).toFixed(0)} | ${(mb / (ms / 1000)).toFixed(1)} | ${(ms / t.floor).toFixed(2)}x |`;
  console.log(`### Corpus throughput (${files.length} files, ${documents} documents, ${mb.toFixed(1)} MB; ${machine()})\n`);
  console.log('| run | median ms | documents/s | MB/s | vs floor |');
  console.log('|---|---|---|---|---|');
  console.log(row('yaml.parseAllDocuments (floor)', t.floor));
  console.log(row(`sidecar-lint, default range (${defaultTarget.minors.length} minors)`, t.lintDefault));
  console.log(row(`sidecar-lint, 1.27-1.36 (${wideTarget.minors.length} minors)`, t.lintWide));
}
