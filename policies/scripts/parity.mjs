// Compares the Rego policies with the core, minor by minor, on manifests: for a one-minor target
// the core's merged message is "<effect> on <minor>: <message>" (or the capitalized message) per
// message at that path, so every core finding (suppressed ones included) must be the Rego findings
// of its rule and path, and back.
//   node policies/scripts/parity.mjs [--field-validation warn] [--versions 1.27-1.36] <files or dirs>
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const policies = join(dirname(fileURLToPath(import.meta.url)), '..');
const repo = join(policies, '..');
const compilerDir = join(repo, 'packages', 'rego-compiler');
execFileSync(process.execPath, [join(policies, 'scripts', 'generate-data.mjs')], { stdio: 'inherit' });
const core = await import(join(repo, 'packages', 'core', 'dist', 'index.js'));
const { compile } = await import(join(compilerDir, 'dist', 'index.js'));
const opa = createRequire(join(compilerDir, 'package.json'))('@open-policy-agent/opa-wasm');
// The same host built-ins as the Rego engine (@sidecar-lint/rego) gives the SDK.
const { hostBuiltins } = await import(join(policies, '..', 'packages', 'rego', 'dist', 'builtins.js'));

const { values, positionals } = parseArgs({ allowPositionals: true, options: {
  'field-validation': { type: 'string', default: 'strict' }, versions: { type: 'string', default: '1.27-1.36' },
  'kubelet-version': { type: 'string' }, verbose: { type: 'boolean', default: false } } });

function regoFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'scripts' ? [] : regoFiles(path);
    return entry.name.endsWith('.rego') && !entry.name.endsWith('_test.rego') ? [path] : [];
  }).sort();
}
const manifests = (path) => statSync(path).isDirectory()
  ? readdirSync(path).sort().filter((name) => name !== 'node_modules').flatMap((name) => manifests(join(path, name)))
  : /\.(ya?ml|json)$/.test(path) ? [path] : [];

const modules = regoFiles(policies).map((file) => ({ file: relative(policies, file), source: readFileSync(file, 'utf8') }));
const { wasm } = compile({ modules, entrypoints: ['sidecar_lint/findings'], builtins: Object.fromEntries(Object.entries(hostBuiltins).map(([n, f]) => [n, f.length])) });
const policy = opa.loadPolicySync(wasm, { initial: 64 }, hostBuiltins);
const [first, last] = core.parseVersionRange(values.versions);

const rank = { info: 0, warning: 1, error: 2 };
let compared = 0;
let mismatches = 0;
let findings = 0;
const started = performance.now();
for (const file of positionals.flatMap(manifests)) {
  const text = readFileSync(file, 'utf8');
  // parsed is a one-pass iterable (documents are parsed one at a time): keep them for every minor.
  const documents = [...core.readDocuments(text, { checkSyntax: false }).parsed];
  for (let minor = first; minor <= last; minor++) {
    const input = { kubernetesVersion: `1.${minor}`, fieldValidation: values['field-validation'], ...(values['kubelet-version'] ? { kubeletVersion: values['kubelet-version'] } : {}) };
    const result = core.lintSource({ uri: file, text }, { target: core.resolveTarget(input) });
    const key = (f) => JSON.stringify([f.document, f.item ?? null, f.ruleId, f.severity, f.path, f.message]);
    const expected = new Set([...result.findings, ...result.suppressed].filter((f) => f.ruleId !== 'yaml-syntax').map(key));
    const actual = new Set();
    for (const document of documents) {
      if (document.error || document.value === null || typeof document.value !== 'object') continue;
      policy.setData({ sidecar_lint: { target: input } });
      const [{ result: set }] = policy.evaluate(document.value, 'sidecar_lint/findings');
      // Several messages of one rule at one path are one core finding: their texts joined in the
      // set's order (checkOrder first), with the highest severity.
      const merged = new Map();
      for (const f of set) {
        const text = f.effect === null ? f.message.charAt(0).toUpperCase() + f.message.slice(1) : `${f.effect} on 1.${minor}: ${f.message}`;
        const id = JSON.stringify([f.item ?? null, f.ruleId, f.path]);
        const seen = merged.get(id);
        if (!seen) merged.set(id, { ...f, document: document.index, message: text });
        else merged.set(id, { ...seen, severity: rank[f.severity] > rank[seen.severity] ? f.severity : seen.severity, message: `${seen.message} ${text}` });
      }
      for (const f of merged.values()) actual.add(key(f));
    }
    compared++;
    findings += expected.size;
    const missing = [...expected].filter((k) => !actual.has(k));
    const extra = [...actual].filter((k) => !expected.has(k));
    if (missing.length + extra.length > 0) {
      mismatches++;
      console.log(`MISMATCH ${relative(process.cwd(), file)} on 1.${minor}`);
      for (const k of missing) console.log(`  core only: ${k}`);
      for (const k of extra) console.log(`  rego only: ${k}`);
    }
  }
}
console.log(`${compared - mismatches}/${compared} file x minor comparisons agree (${findings} core findings, ${Math.round(performance.now() - started)} ms).`);
process.exitCode = mismatches === 0 ? 0 : 1;
