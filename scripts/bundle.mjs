#!/usr/bin/env node
/**
 * Builds the committed single-file bundles from this repository's built packages (run
 * `pnpm -r build` first):
 *   dist/sidecar-lint.mjs  the CLI (the root package's bin, run by pre-commit)
 *   dist/action.mjs        the GitHub Action entry (action.yml)
 * Deterministic: the same inputs give the same bytes (paths in the output are relative to the
 * repository root, no timestamps), so test/front-doors/bundles.test.ts can rebuild into a
 * temporary directory and compare. Node built-ins stay external; everything else is inlined.
 *
 *   node scripts/bundle.mjs [--out-dir <dir>]
 *
 * Seam for the Rego engine: once packages/rego exists, compile policies/ with
 * packages/rego-compiler before bundling and embed the .wasm through esbuild's `binary` loader
 * (an import of the compiled file from packages/rego), so both bundles carry the policies and
 * `--engine rego` needs no file beside the bundle.
 */
import { createRequire } from 'node:module';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// esbuild is a devDependency of packages/action, not of the root (which stays dependency-free).
const { build } = createRequire(join(root, 'packages/action/package.json'))('esbuild');

export const bundles = [
  // The CLI entry's own hashbang line is kept by esbuild at the top of the bundle.
  { entry: 'packages/cli/dist/bin.js', out: 'sidecar-lint.mjs' },
  { entry: 'packages/action/dist/main.js', out: 'action.mjs' },
];

/**
 * The Rego engine's compiled twins travel inside the bundles: the module that reads
 * packages/rego/dist/policies.wasm from disk is replaced by one that embeds its bytes.
 */
const embedRegoPolicies = {
  name: 'embed-rego-policies',
  setup(build) {
    build.onLoad({ filter: /packages[\\/]rego[\\/]dist[\\/]policies-file\.js$/ }, () => ({
      contents: "import wasm from './policies.wasm'; export function defaultPoliciesWasm() { return wasm; }",
      loader: 'js',
      resolveDir: join(root, 'packages/rego/dist'),
    }));
  },
};

export async function bundleAll(outDir) {
  mkdirSync(outDir, { recursive: true });
  for (const bundle of bundles) {
    const result = await build({
      absWorkingDir: root,
      entryPoints: [join(root, bundle.entry)],
      outfile: join(outDir, bundle.out),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // Whitespace and syntax only: identifiers stay readable in stack traces and reviews.
      minifyWhitespace: true,
      minifySyntax: true,
      legalComments: 'eof',
      charset: 'utf8',
      banner: {
        js: [
          '// sidecar-lint, Apache-2.0 (LICENSE); bundled packages and their licences at the end of the file.',
          '// Built by scripts/bundle.mjs from this repository; do not edit. Rebuild: pnpm -r build && node scripts/bundle.mjs',
          // A CommonJS dependency that requires a Node built-in needs a real `require` in ESM.
          "import { createRequire as __sidecarLintCreateRequire } from 'node:module'; const require = __sidecarLintCreateRequire(import.meta.url);",
        ].join('\n'),
      },
      logLevel: 'warning',
      metafile: true,
      loader: { '.wasm': 'binary' },
      plugins: [embedRegoPolicies],
    });
    const inputs = Object.keys(result.metafile.inputs);
    const outside = inputs.filter((input) => input.startsWith('..') || input.startsWith('/'));
    if (outside.length > 0) throw new Error(`bundle ${bundle.out} pulls files from outside the repository: ${outside.join(', ')}`);
    appendFileSync(join(outDir, bundle.out), licenceNotice(inputs));
  }
}

/** The package directory of a bundled file under node_modules (the last node_modules segment wins). */
function packageDirectory(input) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
  return match ? match[1] : undefined;
}

/**
 * The bundled third-party packages with their licence texts, as a comment at the end of the
 * bundle: their licences (MIT, ISC, BSD) ask that the notice travel with every copy, and the
 * bundle is the copy users get.
 */
function licenceNotice(inputs) {
  const directories = [...new Set(inputs.map(packageDirectory).filter((directory) => directory !== undefined))];
  const entries = directories.map((directory) => {
    const manifest = JSON.parse(readFileSync(join(root, directory, 'package.json'), 'utf8'));
    const licenceFile = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'license', 'LICENCE'].map((name) => join(root, directory, name)).find((path) => existsSync(path));
    if (!licenceFile) throw new Error(`${manifest.name}@${manifest.version} has no licence file to carry into the bundle`);
    const text = readFileSync(licenceFile, 'utf8').trim().replaceAll('*/', '* /');
    return { id: `${manifest.name}@${manifest.version}`, text: `${manifest.name}@${manifest.version} (${manifest.license})\n\n${text}` };
  });
  entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return `\n/*! Bundled third-party packages and their licences.\n\n${entries.map((entry) => entry.text).join('\n\n---\n\n')}\n*/\n`;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const { values } = parseArgs({ options: { 'out-dir': { type: 'string', default: join(root, 'dist') } } });
  await bundleAll(resolve(values['out-dir']));
}
