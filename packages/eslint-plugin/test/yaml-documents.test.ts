// Reading YAML documents from ESLint's tree must give exactly what the CLI gets from the text:
// the same findings (rule, severity, message, range, fix, suggestions) on edge cases and on the
// whole shared corpus. Documents outside the plain subset must go to the core's own parse.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseForESLint } from 'yaml-eslint-parser';
import { lintDocuments, lintSource, readDocuments, resolveTarget, type ResolvedTarget } from '@sidecar-lint/core';
import { decodeContent, documentsFromAst, type YamlAstProgram } from '../src/yaml-documents.js';
// The repository's hostile inputs (test/hostile), the same list the core and CLI tests use.
import { hostileCases } from '../../../test/hostile/cases.js';

const targets: Record<string, ResolvedTarget> = {
  'the default range': resolveTarget({}),
  '1.27-1.36, sidecar gate off on 1.28': resolveTarget({ kubernetesVersion: '1.27-1.36', featureGates: { SidecarContainers: false } }),
};

function programOf(text: string, parserOptions: { defaultYAMLVersion?: '1.1' | '1.2' } = {}): YamlAstProgram {
  return parseForESLint(text, parserOptions).ast as unknown as YamlAstProgram;
}

function bothWays(text: string, target: ResolvedTarget, parserOptions: { defaultYAMLVersion?: '1.1' | '1.2' } = {}) {
  const source = { uri: 'm.yaml', text };
  return { fromText: lintSource(source, { target }), fromTree: lintDocuments(source, documentsFromAst(text, programOf(text, parserOptions)), { target }) };
}

/** The first document's content decoded from the tree, or null when it is left to the core. */
function decodedFirst(text: string): unknown {
  const content = programOf(text).body[0]!.content!;
  const decoded = decodeContent(content as never);
  return decoded === null ? null : decoded.value;
}

/** The core's own reading of the first document. */
function coreValue(text: string): unknown {
  return [...readDocuments(text, { checkSyntax: true }).parsed][0]!.value;
}

const pod = (container: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
${container}  containers:
  - name: app
    image: app
`;

describe('values decoded from the tree are the core\'s YAML 1.1 values', () => {
  const scalars = ['yes', 'No', 'on', 'OFF', 'y', 'true', '~', 'null', 'Null', '', '0755', '0o17', '0x1F', '0b101', '1_000', '+12', '-0', '1e3', '.5', '.inf', '-.Inf', '.nan', '1:20', '2024-01-01', '2001-12-14t21:59:43.10-05:00', '3.', 'Always', '"Always"', "'yes'", '12345678901234567890', '0.1e-2', '=', '<<x'];
  for (const scalar of scalars) {
    it(`plain scalar ${JSON.stringify(scalar)}`, () => {
      const text = `key: ${scalar}\n`;
      expect(decodedFirst(text)).toEqual(coreValue(text));
      expect(decodedFirst(text)).not.toBeNull();
    });
  }

  it('keys: numbers, booleans, null and __proto__ become the same property names', () => {
    const text = '8080: a\ntrue: b\n~: c\n1.0: d\n__proto__: e\ntoString: f\n"quoted": g\n';
    const decoded = decodedFirst(text) as Record<string, unknown>;
    expect(decoded).toEqual(coreValue(text));
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.keys(decoded)).toEqual(['1', '8080', 'true', '', '__proto__', 'toString', 'quoted']);
  });

  it('multi-line plain, quoted and block scalars, flow collections and empty values', () => {
    const text = 'a: one\n  two\nb: "x\\ty"\nc: \'it\'\'s\'\nd: |\n  l1\n  l2\ne: >-\n  f1\n  f2\nf: {g: 1, h, i: }\nj: [k, {l: m}]\nn:\no: []\n';
    expect(decodedFirst(text)).toEqual(coreValue(text));
  });

  const leftToTheCore: Record<string, string> = {
    anchors: 'a: &x 1\nb: *x\n',
    'a merge key': 'base: &b {image: envoy}\nc:\n  <<: *b\n',
    'a quoted << key': '"<<": 1\n',
    tags: 'a: !!str 1\n',
    'duplicate keys once read as YAML 1.1': 'yes: 1\ntrue: 2\n',
    'an empty sequence item': 'a:\n  -\n  - b\n',
    'a collection as a key': '? [a]\n: b\n',
  };
  for (const [name, text] of Object.entries(leftToTheCore)) {
    it(`${name}: left to the core`, () => expect(decodedFirst(text)).toBeNull());
  }

  it('deep nesting is left to the core, which applies its limit', () => {
    const text = `a: ${'['.repeat(70)}1${']'.repeat(70)}\n`;
    expect(decodedFirst(text)).toBeNull();
    expect(coreValue(text)).not.toBeNull();
  });

  it('a document with a %YAML directive is parsed by the core', () => {
    const text = `%YAML 1.1\n---\n${pod('  - name: proxy\n    image: envoy\n    restartPolicy: yes\n')}`;
    for (const target of Object.values(targets)) {
      const { fromText, fromTree } = bothWays(text, target);
      expect(fromTree).toEqual(fromText);
    }
  });
});

describe('documents come from the tree, not from a second parse', () => {
  it('a value only the tree has is the one linted', () => {
    const text = pod('  - name: proxy\n    image: envoy\n    restartPolicy: Always\n');
    const program = programOf(text);
    // Tamper with the tree: if the text were parsed again, there would be nothing to report.
    const scalar = (program.body[0]!.content as unknown as { pairs: Array<{ value: unknown }> }).pairs[3]!.value as { pairs: Array<{ value: { entries: Array<{ pairs: Array<{ value: { strValue: string } }> }> } }> };
    scalar.pairs[0]!.value.entries[0]!.pairs[2]!.value.strValue = 'always';
    const target = targets['the default range']!;
    const result = lintDocuments({ uri: 'm.yaml', text }, documentsFromAst(text, program), { target });
    expect(result.findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([['restart-policy-dropped', 9, 5], ['restart-policy-init-value', 9, 20]]);
    expect(result).toEqual(lintSource({ uri: 'm.yaml', text: text.replace('restartPolicy: Always', 'restartPolicy: always') }, { target }));
  });
});

describe('findings from the tree equal the CLI\'s', () => {
  const cases: Record<string, string> = {
    'a typo fixed in place': pod('  - name: proxy\n    image: envoy\n    restartPolicy: always\n'),
    'a quoted typo': pod('  - name: proxy\n    image: envoy\n    restartPolicy: "always"\n'),
    'a YAML 1.1 boolean': pod('  - name: proxy\n    image: envoy\n    restartPolicy: yes\n'),
    'an empty restartPolicy': pod('  - name: proxy\n    image: envoy\n    restartPolicy: ""\n'),
    'probes on a plain init container': pod('  - name: setup\n    image: busybox\n    readinessProbe: {exec: {command: [true]}}\n'),
    'a flow container': pod('  - {name: proxy, image: envoy, restartPolicy: OnFailure}\n'),
    'CRLF line ends': pod('  - name: proxy\n    image: envoy\n    restartPolicy: always\n').replace(/\n/g, '\r\n'),
    'several documents, one of them aliased': `${pod('  - name: a\n    image: a\n    restartPolicy: always\n')}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\n${pod('  - &p\n    name: b\n    image: b\n    restartPolicy: always\n').replace('containers:\n  - name: app', 'containers:\n  - *p\n  - name: app')}`,
    'a List': `apiVersion: v1\nkind: List\nitems:\n- ${pod('  - name: proxy\n    image: envoy\n    restartPolicy: Never\n').replace(/\n/g, '\n  ').trimEnd()}\n`,
    'a legacy sidecar in a Job': `apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: app\n        image: app\n      - name: istio-proxy\n        image: istio/proxyv2\n`,
    'a comment suppression': `# sidecar-lint-disable-next-line restart-policy-init-value\n${pod('  - name: proxy\n    image: envoy\n    restartPolicy: always\n')}`,
  };
  for (const [name, text] of Object.entries(cases)) {
    for (const [targetName, target] of Object.entries(targets)) {
      it(`${name}, on ${targetName}`, () => {
        const { fromText, fromTree } = bothWays(text, target);
        expect(fromText.findings.length + fromText.suppressed.length).toBeGreaterThan(0);
        expect(fromTree).toEqual(fromText);
        // ESLint's parser set to YAML 1.1 builds the same tree shapes; the values are still ours.
        expect(bothWays(text, target, { defaultYAMLVersion: '1.1' }).fromTree).toEqual(fromText);
      });
    }
  }
});

describe('hostile inputs give the CLI\'s results wherever ESLint\'s parser reads them', () => {
  const target = resolveTarget({ kubernetesVersion: '1.31' });
  // The two large cases are left out: ESLint's own parser needs seconds for them (a 40,000-key map
  // takes it 14 s), whatever the plugin does.
  for (const hostile of hostileCases.filter((c) => c.bytes.length < 100_000)) {
    it(hostile.name, () => {
      const text = hostile.bytes.toString('utf8').replace(/^\uFEFF/, '');
      let program: YamlAstProgram;
      try {
        program = programOf(text);
      } catch (error) {
        // ESLint reports the parser's error itself, at a position; our rules do not run.
        expect((error as { lineNumber?: unknown }).lineNumber).toEqual(expect.any(Number));
        return;
      }
      const source = { uri: 'hostile.yaml', text };
      expect(lintDocuments(source, documentsFromAst(text, program), { target })).toEqual(lintSource(source, { target }));
    });
  }
});

function sharedDir(): string | null {
  const dir = resolve(fileURLToPath(new URL('../../..', import.meta.url)), process.env['SIDECAR_LINT_SHARED'] ?? '../shared');
  if (existsSync(dir)) return dir;
  if (process.env['CI']) throw new Error(`shared folder not found at ${dir} (SIDECAR_LINT_SHARED); CI must have it`);
  console.warn(`notice: ${dir} not found (set SIDECAR_LINT_SHARED); the corpus comparison is skipped`);
  return null;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? yamlFiles(join(dir, entry.name)) : /\.ya?ml$/.test(entry.name) ? [join(dir, entry.name)] : []));
}

const shared = sharedDir();
describe.skipIf(shared === null)('the shared corpus', () => {
  it('gives the same results from the tree as from the text, for every file ESLint can parse', () => {
    let compared = 0;
    let decoded = 0;
    let documents = 0;
    const differing: string[] = [];
    for (const file of yamlFiles(join(shared!, 'corpus'))) {
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      let program: YamlAstProgram;
      try {
        program = programOf(text);
      } catch {
        continue; // ESLint reports its own parse error; our rules do not run.
      }
      compared++;
      for (const { content } of program.body) {
        if (content === null) continue;
        documents++;
        if (decodeContent(content) !== null) decoded++;
      }
      for (const target of Object.values(targets)) {
        const source = { uri: file, text };
        const fromText = lintSource(source, { target });
        const fromTree = lintDocuments(source, documentsFromAst(text, program), { target });
        if (JSON.stringify(fromTree) !== JSON.stringify(fromText)) differing.push(file);
      }
    }
    expect(differing).toEqual([]);
    expect(compared).toBeGreaterThan(5000);
    console.log(`corpus: ${compared} files compared; ${decoded} of ${documents} documents decodable from the tree`);
  }, 300_000);
});
