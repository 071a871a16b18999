/**
 * The hostile inputs of issue 7, generated (nothing large is kept in the repository). Each case
 * has its bytes and what the linter must say about them under the target `1.31`: the exact
 * findings, or none. The core test, the CLI test and bench/memory all read this one list.
 */

export interface ExpectedFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  path: string | null;
  /** line:column-endLine:endColumn */
  range: string;
  message: string;
}

export interface HostileCase {
  name: string;
  bytes: Buffer;
  findings: ExpectedFinding[];
  /** Documents counted in the file. */
  documents: number;
}

const pod = (init: string, extra = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  initContainers:\n  - name: proxy\n    image: envoy\n${init}  containers:\n  - name: app\n    image: app\n${extra}`;

const alwaysTypo = '    restartPolicy: always\n';

function utf8(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}

/** `- - - ... x`: sequences nested `depth` levels on one line. */
function nestedBlockSequences(depth: number): string {
  return `containers:\n  ${'- '.repeat(depth)}x\n`;
}

function billionLaughs(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (const [name, previous] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f'], ['h', 'g'], ['i', 'h']]) {
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
  }
  return `${lines.join('\n')}\ncontainers: *i\n`;
}

function manyDocuments(count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(i % 2 === 0
      ? `apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}}\nspec:\n  initContainers: [{name: a, image: a, restartPolicy: always}]\n  containers: [{name: b, image: b}]\n`
      : `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}}\ndata: {containers: none}\n`);
  }
  return out.join('---\n');
}

/** Every `restartPolicy: always` of the text, as the finding restart-policy-init-value gives for it. */
function typoFindings(text: string, path: (index: number) => string): ExpectedFinding[] {
  const out: ExpectedFinding[] = [];
  text.split('\n').forEach((line, index) => {
    const at = line.indexOf('restartPolicy: always');
    if (at < 0) return;
    const column = at + 'restartPolicy: '.length + 1;
    out.push({
      ruleId: 'restart-policy-init-value',
      severity: 'error',
      path: path(out.length),
      range: `${index + 1}:${column}-${index + 1}:${column + 'always'.length}`,
      message: 'Rejected on 1.31: Unsupported value: "always": supported values: "Always".',
    });
  });
  return out;
}

const typo = (range: string, path = 'spec.initContainers[0].restartPolicy'): ExpectedFinding => ({
  ruleId: 'restart-policy-init-value',
  severity: 'error',
  path,
  range,
  message: 'Rejected on 1.31: Unsupported value: "always": supported values: "Always".',
});

const syntax = (range: string, message: string): ExpectedFinding => ({ ruleId: 'yaml-syntax', severity: 'error', path: null, range, message });

const decoding = (range: string, index: number, type: string): ExpectedFinding => ({
  ruleId: 'restart-policy-init-value',
  severity: 'error',
  path: `spec.initContainers[${index}].restartPolicy`,
  range,
  message: `Rejected on 1.31: cannot unmarshal ${type} into Go struct field Container.spec.initContainers.restartPolicy of type v1.ContainerRestartPolicy.`,
});

const misplaced = (range: string, path: string): ExpectedFinding => ({
  ruleId: 'restart-policy-misplaced',
  severity: 'error',
  path,
  range,
  message: `Rejected on 1.31: strict decoding error: unknown field "${path}".`,
});

const tooDeep = (range: string) => syntax(range, 'Collections are nested more than 256 levels deep here; a document this deep is not read.');

const many = manyDocuments(10_000);

export const hostileCases: HostileCase[] = [
  {
    name: 'binary bytes',
    bytes: Buffer.concat([Buffer.from([0, 1, 2, 0xff, 0xfe, 0x80, 0x1b]), utf8('containers: [\u0000]\n'), Buffer.from([0xde, 0xad, 0xbe, 0xef])]),
    findings: [syntax('2:1-2:4', 'Implicit map keys need to be followed by map values.')],
    documents: 1,
  },
  {
    name: 'invalid UTF-8 in a comment',
    bytes: Buffer.concat([utf8('# caf'), Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), utf8(`\n${pod(alwaysTypo)}`)]),
    findings: [typo('10:20-10:26')],
    documents: 1,
  },
  { name: 'a byte order mark', bytes: utf8(`\uFEFF${pod(alwaysTypo)}`), findings: [typo('9:20-9:26')], documents: 1 },
  { name: 'CRLF line endings', bytes: utf8(pod(alwaysTypo).replace(/\n/g, '\r\n')), findings: [typo('9:20-9:26')], documents: 1 },
  {
    name: 'mixed line endings',
    bytes: utf8(pod(alwaysTypo).split('\n').slice(0, -1).map((line, i) => line + (i % 2 === 1 ? '\r\n' : '\n')).join('')),
    findings: [typo('9:20-9:26')],
    documents: 1,
  },
  {
    name: '10,000 documents in one file',
    bytes: utf8(many),
    findings: typoFindings(many, () => 'spec.initContainers[0].restartPolicy'),
    documents: 10_000,
  },
  { name: 'flow sequences nested 10,000 deep', bytes: utf8(`containers: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`), findings: [tooDeep('1:268-1:269')], documents: 1 },
  { name: 'flow maps nested 10,000 deep', bytes: utf8(`containers: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`), findings: [tooDeep('1:1033-1:1034')], documents: 1 },
  { name: 'block sequences nested 10,000 deep', bytes: utf8(nestedBlockSequences(10_000)), findings: [tooDeep('2:513-2:514')], documents: 1 },
  {
    name: 'an alias bomb (billion laughs)',
    bytes: utf8(billionLaughs()),
    findings: [syntax('6:20-6:22', 'Aliases expand this document by more than 400000 nodes (an alias bomb); it is not read.')],
    documents: 1,
  },
  {
    name: 'an alias inside its own anchor',
    bytes: utf8('apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: app\n    env: &loop [{name: a, value: *loop}, *loop]\n'),
    findings: [syntax('7:34-7:39', 'Alias *loop is inside the value of its own anchor &loop, so that value would be endless.')],
    documents: 1,
  },
  {
    name: 'aliases that nest deeper than the limit',
    bytes: utf8(`apiVersion: v1\nkind: Pod\nx0: &a0 [1]\n${Array.from({ length: 100 }, (_, i) => `x${i + 1}: &a${i + 1} [[[*a${i}]]]\n`).join('')}spec:\n  containers:\n  - {name: app, env: *a100}\n`),
    findings: [syntax('88:14-88:18', 'Alias *a84 nests collections more than 256 levels deep; a document this deep is not read.')],
    documents: 1,
  },
  {
    name: 'merge keys',
    bytes: utf8('apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  initContainers:\n  - &base\n    name: proxy\n    image: envoy\n    restartPolicy: always\n  - <<: *base\n    name: proxy2\n  containers:\n  - name: app\n    image: app\n'),
    findings: [typo('10:20-10:26'), typo('10:20-10:26', 'spec.initContainers[1].restartPolicy')],
    documents: 1,
  },
  {
    name: '__proto__, constructor and prototype keys',
    bytes: utf8(
      '__proto__: {kind: Pod, polluted: true}\napiVersion: v1\nkind: Pod\nmetadata: {name: web, __proto__: {polluted: true}}\nspec:\n  __proto__: {restartPolicy: Always}\n  constructor: {prototype: {polluted: true}}\n  prototype: {polluted: true}\n  initContainers:\n  - name: proxy\n    image: envoy\n    __proto__: {restartPolicy: Always}\n  containers:\n  - name: app\n    image: app\n    constructor: {restartPolicy: Always}\n',
    ),
    findings: [
      misplaced('6:15-6:36', 'spec.__proto__.restartPolicy'),
      misplaced('12:17-12:38', 'spec.initContainers[0].__proto__.restartPolicy'),
      misplaced('16:19-16:40', 'spec.containers[0].constructor.restartPolicy'),
    ],
    documents: 1,
  },
  { name: 'duplicate keys', bytes: utf8(pod('    restartPolicy: Always\n    restartPolicy: always\n')), findings: [syntax('10:5-10:6', 'Map keys must be unique.')], documents: 1 },
  {
    name: 'a map of 40,000 keys (the duplicate check stays linear)',
    bytes: utf8(`${pod(alwaysTypo)}${Array.from({ length: 40_000 }, (_, i) => `k${i}: v\n`).join('')}`),
    findings: [typo('9:20-9:26')],
    documents: 1,
  },
  {
    name: 'YAML 1.1 scalars',
    bytes: utf8(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  restartPolicy: off\n  initContainers:\n  - {name: a, image: a, restartPolicy: yes}\n  - {name: b, image: b, restartPolicy: on}\n  - {name: c, image: c, restartPolicy: 0x10}\n  - {name: d, image: d, restartPolicy: 1_000}\n  - {name: e, image: e, restartPolicy: "on"}\n  containers:\n  - name: app\n    image: app\n',
    ),
    findings: [
      {
        ruleId: 'pod-restart-policy',
        severity: 'error',
        path: 'spec.restartPolicy',
        range: '6:18-6:21',
        message: 'Rejected on 1.31: cannot unmarshal bool into Go struct field PodSpec.spec.restartPolicy of type v1.RestartPolicy.',
      },
      decoding('8:40-8:43', 0, 'bool'),
      decoding('9:40-9:42', 1, 'bool'),
      decoding('10:40-10:44', 2, 'number'),
      decoding('11:40-11:45', 3, 'number'),
      { ...typo('12:40-12:44', 'spec.initContainers[4].restartPolicy'), message: 'Rejected on 1.31: Unsupported value: "on": supported values: "Always".' },
    ],
    documents: 1,
  },
  {
    // kubectl decodes !!binary to the string of its bytes: "QWx3YXlz" is "Always", a valid sidecar.
    name: 'explicit tags (!!binary, !!set, unknown, !!str)',
    bytes: utf8(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  initContainers:\n  - name: a\n    image: !!binary ZW52b3k=\n    restartPolicy: !!binary QWx3YXlz\n  - name: b\n    image: b\n    env: !!set {x, y}\n    restartPolicy: !custom Always\n  - name: c\n    image: c\n    restartPolicy: !!str always\n  containers:\n  - name: app\n    image: app\n',
    ),
    findings: [typo('16:26-16:32', 'spec.initContainers[2].restartPolicy')],
    documents: 1,
  },
  {
    name: 'restartPolicy that is a number, a boolean, null, a list or a map',
    bytes: utf8(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  initContainers:\n  - {name: a, image: a, restartPolicy: 1}\n  - {name: b, image: b, restartPolicy: true}\n  - {name: c, image: c, restartPolicy: null}\n  - {name: d, image: d, restartPolicy: [Always]}\n  - {name: e, image: e, restartPolicy: {value: Always}}\n  containers:\n  - name: app\n    image: app\n',
    ),
    findings: [decoding('7:40-7:41', 0, 'number'), decoding('8:40-8:44', 1, 'bool'), decoding('10:40-10:48', 3, 'array'), decoding('11:40-11:55', 4, 'object')],
    documents: 1,
  },
  {
    name: 'containers that are not maps',
    bytes: utf8('apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  initContainers:\n  - 3\n  - proxy\n  - [restartPolicy, Always]\n  - null\n  containers:\n  - true\n  - {name: app, image: app}\n'),
    findings: [],
    documents: 1,
  },
  {
    name: 'initContainers that is a map',
    bytes: utf8('apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  initContainers:\n    proxy: {image: envoy, restartPolicy: always}\n  containers:\n  - name: app\n    image: app\n'),
    findings: [],
    documents: 1,
  },
  {
    name: 'a kind that is a number',
    bytes: utf8('apiVersion: v1\nkind: 42\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: app\n    restartPolicy: Always\n'),
    findings: [],
    documents: 1,
  },
  { name: 'documents that are bare scalars', bytes: utf8('containers\n---\n42\n---\n"initContainers"\n'), findings: [], documents: 3 },
];

/** How a finding is compared: everything the report shows. */
export function asExpected(finding: { ruleId: string; severity: string; path: string | null; line: number; column: number; endLine: number; endColumn: number; message: string }): ExpectedFinding {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity as ExpectedFinding['severity'],
    path: finding.path,
    range: `${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn}`,
    message: finding.message,
  };
}

/** The budget against hangs: 1 s per MB, plus 3 s for the JIT's warm-up and a loaded CI machine (two cores shared by parallel test files). */
export function timeBudgetMs(bytes: number): number {
  return 3_000 + (bytes / 1e6) * 1_000;
}
