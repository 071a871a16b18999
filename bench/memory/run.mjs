// Peak memory and time against input size, each in a fresh process (measure.mjs):
//   1. one file of Pod documents at 1, 5, 25 and 50 MB (every document parsed: the worst case),
//      and a 50 MB file of real manifests (../shared/corpus concatenated: mostly CRDs, skipped cheaply);
//   2. the hostile corpus of test/hostile/cases.ts, one input at a time;
//   3. many small files through the CLI: 1,000, 4,000 and 16,000 files of 1 KB, where memory
//      must stay flat (texts are not kept, only results).
//
//   node bench/memory/run.mjs [--quick]      (--quick: 1 and 5 MB, 1,000 and 4,000 files)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpusFiles, machine, repoRoot, sharedDir } from '../shared.mjs';

const quick = process.argv.includes('--quick');
const measureScript = join(repoRoot, 'bench', 'memory', 'measure.mjs');
const root = mkdtempSync(join(tmpdir(), 'sidecar-lint-memory-'));

function measure(mode, path) {
  const child = spawnSync(process.execPath, [measureScript, mode, path], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`${mode} ${path}: ${child.stderr.slice(-1000)}`);
  return JSON.parse(child.stdout.trim().split('\n').pop());
}

const pod = (i) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\nspec:\n  initContainers:\n  - name: proxy\n    image: envoy\n    restartPolicy: always\n  containers:\n  - name: app\n    image: app\n`;

function podsFile(megabytes) {
  const path = join(root, `pods-${megabytes}mb.yaml`);
  const parts = [];
  let size = 0;
  for (let i = 0; size < megabytes * 1e6; i++) {
    const doc = `${pod(i)}---\n`;
    parts.push(doc);
    size += doc.length;
  }
  writeFileSync(path, parts.join(''));
  return path;
}

function corpusFile(megabytes, shared) {
  const path = join(root, `corpus-${megabytes}mb.yaml`);
  const parts = [];
  let size = 0;
  const files = corpusFiles(shared);
  for (let i = 0; size < megabytes * 1e6; i++) {
    const text = files[i % files.length].text;
    parts.push(text.endsWith('\n') ? text : `${text}\n`, '---\n');
    size += text.length + 5;
  }
  writeFileSync(path, parts.join(''));
  return path;
}

/** The hostile corpus, from the tests' own TypeScript, transpiled with the workspace's compiler. */
async function hostileCases() {
  const ts = createRequire(join(repoRoot, 'test', 'package.json'))('typescript');
  const source = readFileSync(join(repoRoot, 'test', 'hostile', 'cases.ts'), 'utf8');
  const out = join(root, 'cases.mjs');
  writeFileSync(out, ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText);
  return (await import(pathToFileURL(out).href)).hostileCases;
}

function smallFiles(count) {
  const dir = join(root, `small-${count}`);
  for (let i = 0; i < count; i++) {
    const folder = join(dir, `d${Math.floor(i / 500)}`);
    if (i % 500 === 0) mkdirSync(folder, { recursive: true });
    const clean = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\nspec:\n  initContainers:\n  - name: proxy\n    image: envoy\n    restartPolicy: Always\n    startupProbe: {tcpSocket: {port: 15000}}\n    resources: {requests: {cpu: 10m, memory: 16Mi}}\n  containers:\n  - name: app\n    image: app\n    resources: {requests: {cpu: 10m, memory: 16Mi}}\n# ${'padding '.repeat(80)}\n`;
    writeFileSync(join(folder, `m${i}.yaml`), clean);
  }
  return dir;
}

try {
  const shared = sharedDir();
  console.log(`### Peak memory and time per input size (${machine()}, load average ${loadavg()[0].toFixed(1)})\n`);
  console.log('| input | MB | seconds | s/MB | peak RSS MB | RSS above start MB |');
  console.log('|---|---:|---:|---:|---:|---:|');
  // Seconds per MB mean nothing for inputs of a few bytes: there the time is the per-process floor.
  const row = (name, bytes, m) =>
    console.log(`| ${name} | ${(bytes / 1e6).toFixed(2)} | ${m.seconds.toFixed(2)} | ${bytes >= 100_000 ? (m.seconds / (bytes / 1e6)).toFixed(2) : '—'} | ${m.peakRssMB.toFixed(0)} | ${(m.peakRssMB - m.startRssMB).toFixed(0)} |`);
  for (const megabytes of quick ? [1, 5] : [1, 5, 25, 50]) {
    const path = podsFile(megabytes);
    row(`Pod documents, ${megabytes} MB (every document parsed)`, statSync(path).size, measure('core', path));
  }
  if (shared && !quick) {
    const path = corpusFile(50, shared);
    row('../shared/corpus concatenated, 50 MB', statSync(path).size, measure('core', path));
  }
  for (const hostile of await hostileCases()) {
    const path = join(root, 'hostile.yaml');
    writeFileSync(path, hostile.bytes);
    row(`hostile: ${hostile.name}`, hostile.bytes.length, measure('core', path));
  }
  console.log('\n| many small files (CLI, one thread) | files | MB | seconds | peak RSS MB |');
  console.log('|---|---:|---:|---:|---:|');
  for (const count of quick ? [1000, 4000] : [1000, 4000, 16000]) {
    const dir = smallFiles(count);
    const m = measure('cli', dir);
    console.log(`| ${count} files of 1 KB | ${count} | ${((count * 1000) / 1e6).toFixed(1)} | ${m.seconds.toFixed(2)} | ${m.peakRssMB.toFixed(0)} |`);
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
