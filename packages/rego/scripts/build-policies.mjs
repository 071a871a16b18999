// Compiles the Rego twins in policies/ (every *.rego but the *_test.rego unit tests) with our own
// compiler into dist/policies.wasm, the one entrypoint sidecar_lint/findings. A build output:
// never committed.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compile } from '@sidecar-lint/rego-compiler';
import { hostBuiltinArities } from '../dist/builtins.js';

const here = dirname(fileURLToPath(import.meta.url));
const policies = join(here, '..', '..', '..', 'policies');
execFileSync(process.execPath, [join(policies, 'scripts', 'generate-data.mjs')], { stdio: 'inherit' });

const regoFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'scripts' ? [] : regoFiles(path);
      return entry.name.endsWith('.rego') && !entry.name.endsWith('_test.rego') ? [path] : [];
    })
    .sort();

const modules = regoFiles(policies).map((file) => ({ file: relative(policies, file), source: readFileSync(file, 'utf8') }));
const started = Date.now();
const result = compile({ modules, entrypoints: ['sidecar_lint/findings'], builtins: hostBuiltinArities });
const out = join(here, '..', 'dist', 'policies.wasm');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, result.wasm);
console.log(`policies: ${modules.length} modules -> ${relative(process.cwd(), out)} (${result.wasm.length} bytes, ${Date.now() - started} ms)`);
