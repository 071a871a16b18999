// Runs the Rego unit tests (`test_` rules of *_test.rego) through our own compiler and the
// opa-wasm SDK, until `sidecar-lint-rego test` exists: every test rule is compiled as an
// entrypoint and passes when it evaluates to true. regex.match is given to the SDK as a host
// built-in (JavaScript RegExp, as the core matches the heuristics) while the compiler lacks it.
//   node policies/scripts/test.mjs [substring-of-test-name]
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const policies = join(dirname(fileURLToPath(import.meta.url)), '..');
const compilerDir = join(policies, '..', 'packages', 'rego-compiler');
execFileSync(process.execPath, [join(policies, 'scripts', 'generate-data.mjs')], { stdio: 'inherit' });
const { compile } = await import(join(compilerDir, 'dist', 'index.js'));
const opa = createRequire(join(compilerDir, 'package.json'))('@open-policy-agent/opa-wasm');

// The same host built-ins as the Rego engine (@sidecar-lint/rego) gives the SDK.
const { hostBuiltins } = await import(join(policies, '..', 'packages', 'rego', 'dist', 'builtins.js'));

function regoFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return regoFiles(path);
    return entry.name.endsWith('.rego') ? [path] : [];
  }).sort();
}

const files = regoFiles(policies);
const modules = files.map((file) => ({ file: relative(policies, file), source: readFileSync(file, 'utf8') }));
const filter = process.argv[2] ?? '';
const tests = [];
for (const { file, source } of modules) {
  if (!file.endsWith('_test.rego')) continue;
  const pkg = /^package\s+([\w.]+)/m.exec(source)?.[1];
  for (const match of source.matchAll(/^(test_\w+)\s+if\b/gm)) {
    const entrypoint = `${pkg.replaceAll('.', '/')}/${match[1]}`;
    if (entrypoint.includes(filter)) tests.push({ file, entrypoint });
  }
}

const started = performance.now();
let wasm;
try {
  ({ wasm } = compile({ modules, entrypoints: tests.map((t) => t.entrypoint), builtins: Object.fromEntries(Object.entries(hostBuiltins).map(([name, fn]) => [name, fn.length])) }));
} catch (error) {
  console.log(`compile error: ${error.message}`);
  process.exit(1);
}
const policy = opa.loadPolicySync(wasm, { initial: 64 }, hostBuiltins);
const failed = [];
for (const test of tests) {
  let result;
  try {
    result = policy.evaluate({}, test.entrypoint);
  } catch (error) {
    result = `error: ${error.message ?? error}`;
    if (process.env.DEBUG) console.log(error);
  }
  const passed = Array.isArray(result) && result.length === 1 && result[0].result === true;
  if (!passed) failed.push({ ...test, result });
}
for (const { file, entrypoint, result } of failed) console.log(`FAIL ${file} ${entrypoint}: ${JSON.stringify(result)}`);
console.log(`${tests.length - failed.length}/${tests.length} Rego tests passed (${files.length} modules, ${Math.round(performance.now() - started)} ms).`);
process.exitCode = failed.length === 0 && tests.length > 0 ? 0 : 1;
