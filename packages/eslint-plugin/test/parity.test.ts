// Issue 5's parity: for every API rule, a cdk8s TypeScript case (fixtures/parity/<rule>.ts) and the manifest it
// synthesizes (fixtures/parity/<rule>.yaml, written by hand the way cdk8s writes it, and checked against a real
// `cdk8s synth` below) give, through the ESLint Node API with the recommended config, the same rule id, message
// and severity as the CLI's JSON report on that manifest: in the YAML at the CLI's line and column, in the
// TypeScript at the node of the offending field.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { ruleMetas } from '@sidecar-lint/core';
import plugin, { type SidecarLintSettings } from '../src/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, 'fixtures/parity');
const repo = path.resolve(here, '../../..');
const cliBin = path.join(repo, 'packages/cli/dist/bin.js');
const exampleBin = path.join(repo, 'examples/cdk8s-app/node_modules/.bin');

/** A range as [line, column, endLine, endColumn] (1-based, end exclusive) and the source text it covers. */
type Place = { at: [number, number, number, number]; text: string };

interface ExpectedFinding {
  /** The core's message (the CLI prints it as is; ESLint adds the severity and versions). */
  message: string;
  /** The finding's own severity, as the CLI reports it. */
  severity: 'error' | 'warning';
  ts: Place;
  yaml: Place;
}

interface ParityCase {
  settings: SidecarLintSettings;
  findings: ExpectedFinding[];
}

const v133 = { kubernetesVersion: '1.33' };

/**
 * One entry per API rule; the fixture files are named by the rule id. What the TypeScript reader cannot express,
 * and so what the cases avoid: values it cannot know (parameters, environment, calls into other files without
 * type information) never give findings, so every case is static; cdk8s-plus-33's generated k8s types are
 * Kubernetes 1.33's, so a Kube* construct there has no restartPolicyRules and no misplaced fields (they do not
 * compile, and the generated toJson would drop them): those cases use ApiObject; escape hatches
 * (addOverride, addJsonPatch) are not read.
 */
const cases: Record<string, ParityCase> = {
  'restart-policy-init-value': {
    settings: v133,
    findings: [
      {
        message: 'Rejected on 1.33: Unsupported value: "always": supported values: "Always".',
        severity: 'error',
        ts: { at: [16, 95, 16, 103], text: "'always'" },
        yaml: { at: [20, 26, 20, 32], text: 'always' },
      },
    ],
  },
  'restart-policy-app-container': {
    settings: v133,
    findings: [
      {
        message: 'Rejected on 1.33: Forbidden: may not be set for non-init containers.',
        severity: 'error',
        ts: { at: [17, 61, 17, 84], text: "restartPolicy: 'Always'" },
        yaml: { at: [13, 11, 13, 32], text: 'restartPolicy: Always' },
      },
    ],
  },
  'restart-policy-ephemeral': {
    settings: v133,
    findings: [
      {
        message: 'Rejected on 1.33: Forbidden: cannot be set on create.',
        severity: 'error',
        ts: { at: [13, 9, 13, 100], text: "ephemeralContainers: [{ name: 'debugger', image: 'busybox:1.36', restartPolicy: 'Always' }]" },
        yaml: { at: [9, 3, 12, 28], text: 'ephemeralContainers:\n    - image: busybox:1.36\n      name: debugger\n      restartPolicy: Always' },
      },
      {
        message: 'Rejected on 1.33: Forbidden: cannot be set for an Ephemeral Container.',
        severity: 'error',
        ts: { at: [13, 74, 13, 97], text: "restartPolicy: 'Always'" },
        yaml: { at: [12, 7, 12, 28], text: 'restartPolicy: Always' },
      },
    ],
  },
  'restart-policy-unsupported-version': {
    settings: { kubernetesVersion: '1.27', fieldValidation: 'strict' },
    findings: [
      {
        message: 'Rejected on 1.27: strict decoding error: unknown field "spec.template.spec.initContainers[0].restartPolicy".',
        severity: 'error',
        ts: { at: [16, 80, 16, 103], text: "restartPolicy: 'Always'" },
        yaml: { at: [20, 11, 20, 32], text: 'restartPolicy: Always' },
      },
    ],
  },
  'restart-policy-dropped': {
    settings: { kubernetesVersion: '1.34' },
    findings: [
      {
        message: 'Silently dropped on 1.34: the ContainerRestartRules feature gate is off, so container "app" follows the pod\'s restartPolicy.',
        severity: 'warning',
        ts: { at: [16, 62, 16, 85], text: "restartPolicy: 'Always'" },
        yaml: { at: [17, 11, 17, 32], text: 'restartPolicy: Always' },
      },
    ],
  },
  'init-container-probes': {
    settings: v133,
    findings: [
      {
        message: 'Rejected on 1.33: Forbidden: may not be set for init containers without restartPolicy=Always.',
        severity: 'error',
        ts: { at: [15, 72, 15, 119], text: "readinessProbe: { exec: { command: ['true'] } }" },
        yaml: { at: [14, 11, 17, 25], text: 'readinessProbe:\n            exec:\n              command:\n                - "true"' },
      },
    ],
  },
  'sidecar-probe-fields': {
    settings: v133,
    findings: [
      {
        message: 'Rejected on 1.33: Invalid value: 2: must be 1.',
        severity: 'error',
        ts: { at: [21, 97, 21, 98], text: '2' },
        yaml: { at: [24, 31, 24, 32], text: '2' },
      },
      {
        // The generated IntOrString wrapper synthesizes to its value.
        message: 'Rejected on 1.33: Invalid value: 70000: must be between 1 and 65535, inclusive.',
        severity: 'error',
        ts: { at: [22, 66, 22, 99], text: 'k8s.IntOrString.fromNumber(70000)' },
        yaml: { at: [30, 21, 30, 26], text: '70000' },
      },
    ],
  },
  'restart-policy-rules': {
    settings: { kubernetesVersion: '1.35' },
    findings: [
      {
        // A missing field points at the nearest enclosing one that exists, here the container item: the whole
        // object literal in TypeScript, the item's first line in YAML (cdk8s sorts keys, so that is `image`).
        message: 'Rejected on 1.35: Required value: must specify restartPolicy when restart rules are used.',
        severity: 'error',
        ts: {
          at: [20, 15, 24, 16],
          text: "{\n                name: 'worker',\n                image: 'example/worker:1',\n                restartPolicyRules: [{ action: 'Retry', exitCodes: { operator: 'In', values: [42] } }],\n              }",
        },
        yaml: { at: [9, 11, 9, 34], text: 'image: example/worker:1' },
      },
      {
        message: 'Rejected on 1.35: Unsupported value: "Retry": supported values: "Restart".',
        severity: 'error',
        ts: { at: [23, 48, 23, 55], text: "'Retry'" },
        yaml: { at: [12, 23, 12, 28], text: 'Retry' },
      },
    ],
  },
  'duplicate-container-name': {
    settings: v133,
    findings: [
      {
        message: 'Rejected on 1.33: Duplicate value: "postgres".',
        severity: 'error',
        ts: { at: [17, 38, 17, 48], text: "'postgres'" },
        yaml: { at: [22, 17, 22, 25], text: 'postgres' },
      },
    ],
  },
  'resize-policy-init': {
    settings: { kubernetesVersion: '1.32', featureGates: { InPlacePodVerticalScaling: true } },
    findings: [
      {
        message:
          'Rejected on 1.32: Invalid value: []core.ContainerResizePolicy{core.ContainerResizePolicy{ResourceName:"cpu", RestartPolicy:"NotRequired"}}: must not be set for init containers.',
        severity: 'error',
        ts: { at: [16, 70, 16, 139], text: "resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }]" },
        yaml: { at: [20, 11, 22, 41], text: 'resizePolicy:\n            - resourceName: cpu\n              restartPolicy: NotRequired' },
      },
    ],
  },
  'pod-restart-policy': {
    settings: v133,
    findings: [
      {
        message: 'Rejected on 1.33: Required value: valid values: "OnFailure", "Never".',
        severity: 'error',
        ts: { at: [17, 32, 17, 40], text: "'Always'" },
        yaml: { at: [13, 26, 13, 32], text: 'Always' },
      },
    ],
  },
  'restart-policy-misplaced': {
    settings: v133,
    findings: [
      {
        message: 'Rejected on 1.33: strict decoding error: unknown field "spec.template.restartPolicy".',
        severity: 'error',
        ts: { at: [16, 11, 16, 34], text: "restartPolicy: 'Always'" },
        yaml: { at: [13, 5, 13, 26], text: 'restartPolicy: Always' },
      },
    ],
  },
};

const apiRules = [
  'restart-policy-init-value', 'restart-policy-app-container', 'restart-policy-ephemeral', 'restart-policy-unsupported-version',
  'restart-policy-dropped', 'init-container-probes', 'sidecar-probe-fields', 'restart-policy-rules', 'duplicate-container-name',
  'resize-policy-init', 'pod-restart-policy', 'restart-policy-misplaced',
];

interface Reported {
  ruleId: string;
  severity: number;
  message: string;
  at: [number, number, number, number];
}

interface CliFinding {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The text a 1-based, end-exclusive range covers. */
function textAt(text: string, [line, column, endLine, endColumn]: [number, number, number, number]): string {
  const lines = text.split('\n');
  const offset = (l: number, c: number) => lines.slice(0, l - 1).reduce((sum, current) => sum + current.length + 1, 0) + c - 1;
  return text.slice(offset(line, column), offset(endLine, endColumn));
}

function cliArgs(settings: SidecarLintSettings): string[] {
  return [
    '--kube-version', settings.kubernetesVersion!,
    ...(settings.fieldValidation ? ['--field-validation', settings.fieldValidation] : []),
    ...(settings.featureGates ? ['--feature-gates', Object.entries(settings.featureGates).map(([gate, on]) => `${gate}=${on}`).join(',')] : []),
  ];
}

/** The CLI's JSON findings for a manifest on stdin, and its exit status. */
function cli(text: string, settings: SidecarLintSettings): { status: number | null; findings: CliFinding[] } {
  const run = spawnSync(process.execPath, [cliBin, '-f', 'json', ...cliArgs(settings), '-'], { input: text, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as { results: Array<{ findings: CliFinding[] }> };
  return { status: run.status, findings: report.results[0]!.findings };
}

const metaOf = (ruleId: string) => ruleMetas.find((meta) => meta.id === ruleId)!;
const eslintSeverity = (ruleId: string) => (metaOf(ruleId).defaultSeverity === 'error' ? 2 : 1);
const eslintMessage = (finding: ExpectedFinding, settings: SidecarLintSettings) =>
  `${finding.message} Severity ${finding.severity} on Kubernetes ${settings.kubernetesVersion}.`;
const recommendedRules = plugin.configs['recommended']![0]!.rules!;
const enabled = (ruleId: string) => recommendedRules[`sidecar-lint/${ruleId}`] !== 'off';

/** Each case's settings for its two files. */
const perFileSettings: Linter.Config[] = Object.entries(cases).map(([rule, { settings }]) => ({
  files: [`${rule}.ts`, `${rule}.yaml`],
  settings: { 'sidecar-lint': settings },
}));

async function lintAll(config: Linter.Config[]): Promise<Map<string, Reported[]>> {
  const eslint = new ESLint({ cwd: fixtures, overrideConfigFile: true, overrideConfig: [...config, ...perFileSettings] });
  const files = Object.keys(cases).flatMap((rule) => [`${rule}.ts`, `${rule}.yaml`]);
  const results = await eslint.lintFiles(files.map((file) => path.join(fixtures, file)));
  return new Map(
    results.map((result) => [
      path.basename(result.filePath),
      result.messages.map((m) => ({ ruleId: m.ruleId!, severity: m.severity, message: m.message, at: [m.line, m.column, m.endLine!, m.endColumn!] as [number, number, number, number] })),
    ]),
  );
}

const read = (file: string) => fs.readFileSync(path.join(fixtures, file), 'utf8');

describe('parity: cdk8s TypeScript, its YAML and the CLI, for every API rule', () => {
  let untyped: Map<string, Reported[]>;
  beforeAll(async () => {
    expect(fs.existsSync(cliBin), `build the CLI first (pnpm -r build): ${cliBin}`).toBe(true);
    untyped = await lintAll(plugin.configs['recommended']!);
  });

  it('has one case for each API rule of the core', () => {
    expect(Object.keys(cases).sort()).toEqual([...apiRules].sort());
    expect(ruleMetas.filter((meta) => meta.category === 'api').map((meta) => meta.id).sort()).toEqual([...apiRules].sort());
    // The one API rule whose default is a warning: ESLint reports it at level 1.
    expect(apiRules.filter((rule) => eslintSeverity(rule) === 1)).toEqual(['restart-policy-dropped']);
  });

  describe.each(Object.entries(cases))('%s', (rule, { settings, findings }) => {
    const tsFile = `${rule}.ts`;
    const yamlFile = `${rule}.yaml`;

    it('TypeScript: the rule id at the node of the offending field, with the rule\'s default severity', () => {
      const source = read(tsFile);
      const own = untyped.get(tsFile)!.filter((m) => m.ruleId === `sidecar-lint/${rule}`);
      expect(own).toEqual(findings.map((f) => ({ ruleId: `sidecar-lint/${rule}`, severity: eslintSeverity(rule), message: eslintMessage(f, settings), at: f.ts.at })));
      for (const f of findings) expect(textAt(source, f.ts.at)).toBe(f.ts.text);
    });

    it('YAML and the CLI: the same rule id, message and place; the CLI keeps the finding\'s own severity', () => {
      const text = read(yamlFile);
      const own = untyped.get(yamlFile)!.filter((m) => m.ruleId === `sidecar-lint/${rule}`);
      expect(own).toEqual(findings.map((f) => ({ ruleId: `sidecar-lint/${rule}`, severity: eslintSeverity(rule), message: eslintMessage(f, settings), at: f.yaml.at })));
      for (const f of findings) expect(textAt(text, f.yaml.at)).toBe(f.yaml.text);

      const { status, findings: byCli } = cli(text, settings);
      expect(byCli.filter((f) => f.ruleId === rule).map((f) => ({ message: f.message, severity: f.severity, at: [f.line, f.column, f.endLine, f.endColumn] }))).toEqual(
        findings.map((f) => ({ message: f.message, severity: f.severity, at: f.yaml.at })),
      );
      expect(status).toBe(byCli.some((f) => f.severity === 'error') ? 1 : 0);
      // Every other finding agrees too: the CLI's (minus the info rules recommended turns off) are ESLint's on the
      // YAML, place for place, and ESLint gives the TypeScript the same rule ids.
      const cliMessages = byCli.filter((f) => enabled(f.ruleId)).map((f) => [`sidecar-lint/${f.ruleId}`, f.line, f.column, f.endLine, f.endColumn]);
      expect(untyped.get(yamlFile)!.map((m) => [m.ruleId, ...m.at])).toEqual(cliMessages);
      expect(untyped.get(tsFile)!.map((m) => m.ruleId).sort()).toEqual(cliMessages.map(([id]) => id).sort());
    });
  });

  it('gives the same TypeScript findings with type information (recommended-type-checked)', async () => {
    const typed = await lintAll([
      ...plugin.configs['recommended-type-checked']!,
      { files: ['**/*.ts'], languageOptions: { parserOptions: { tsconfigRootDir: fixtures } } },
    ]);
    for (const rule of Object.keys(cases)) expect(typed.get(`${rule}.ts`), rule).toEqual(untyped.get(`${rule}.ts`));
  });

  it('a real `cdk8s synth` of the cases synthesizes exactly the YAML fixtures, and the CLI on its output agrees with ESLint on the TypeScript rule by rule', () => {
    const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidecar-lint-parity-'));
    try {
      // No validation plugin here: the synth must write every manifest, errors included, for the CLI to read.
      fs.writeFileSync(path.join(workdir, 'cdk8s.yaml'), `language: typescript\napp: ${JSON.stringify(`${path.join(exampleBin, 'tsx')} ${path.join(fixtures, 'app.ts')}`)}\n`);
      const synth = spawnSync(path.join(exampleBin, 'cdk8s'), ['synth', '--no-check-upgrade'], { cwd: workdir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(synth.status, `${synth.stdout}${synth.stderr}`).toBe(0);
      for (const [rule, { settings }] of Object.entries(cases)) {
        const synthesized = fs.readFileSync(path.join(workdir, 'dist', `${rule}.k8s.yaml`), 'utf8');
        expect(synthesized, rule).toBe(read(`${rule}.yaml`));
        const byCli = cli(synthesized, settings).findings.filter((f) => enabled(f.ruleId));
        const count = (ids: string[]) => Object.fromEntries([...new Set(ids)].sort().map((id) => [id, ids.filter((other) => other === id).length]));
        expect(count(untyped.get(`${rule}.ts`)!.map((m) => m.ruleId.replace('sidecar-lint/', ''))), rule).toEqual(count(byCli.map((f) => f.ruleId)));
      }
    } finally {
      fs.rmSync(workdir, { recursive: true, force: true });
    }
  });
});

// The generated wrappers synthesize to their value (toJson writes `.value`), so the reader takes the literal
// inside; from either module form, and only a literal of the method's type (anything else stays unknown).
describe('generated IntOrString and Quantity wrappers in TypeScript', () => {
  const lintSidecarPort = async ([imports, ns]: [string, string], port: string, rules: Linter.RulesRecord = {}) => {
    const code = `${imports}
declare const chart: never;
new ${ns}KubePod(chart, 'p', { spec: {
  initContainers: [{ name: 'proxy', image: 'envoy', restartPolicy: 'Always', startupProbe: { tcpSocket: { port: ${port} } } }],
  containers: [{ name: 'app', image: 'app', resources: { limits: { cpu: ${ns}Quantity.fromString('100m') } } }],
} });`;
    const eslint = new ESLint({ cwd: fixtures, overrideConfigFile: true, overrideConfig: [...plugin.configs['recommended']!, { settings: { 'sidecar-lint': v133 }, rules }] });
    const [result] = await eslint.lintText(code, { filePath: path.join(fixtures, 'wrappers.ts') });
    return result!.messages.map((m) => [m.ruleId, m.message, textAt(code, [m.line, m.column, m.endLine!, m.endColumn!])]);
  };
  const plusImports: [string, string] = ["import { k8s } from 'cdk8s-plus-33';", 'k8s.'];
  const generatedImports: [string, string] = ["import { KubePod, IntOrString, Quantity } from './imports/k8s';", ''];
  const portName = 'Rejected on 1.33: Invalid value: "bad_port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-). Severity error on Kubernetes 1.33.';

  it('reads IntOrString.fromString from cdk8s-plus\'s k8s and from a `cdk8s import` module, and reports at the call', async () => {
    expect(await lintSidecarPort(plusImports, "k8s.IntOrString.fromString('bad_port')")).toEqual([
      ['sidecar-lint/sidecar-probe-fields', portName, "k8s.IntOrString.fromString('bad_port')"],
    ]);
    expect(await lintSidecarPort(generatedImports, "IntOrString.fromString('bad_port')")).toEqual([
      ['sidecar-lint/sidecar-probe-fields', portName, "IntOrString.fromString('bad_port')"],
    ]);
  });

  it('leaves a wrapper of a value it cannot know, or of the wrong type, unknown (no finding)', async () => {
    expect(await lintSidecarPort(generatedImports, 'IntOrString.fromNumber(Number(process.env.PORT))')).toEqual([]);
    expect(await lintSidecarPort(generatedImports, "IntOrString.fromNumber('bad_port' as never)")).toEqual([]);
  });

  it('reads Quantity.fromString: the pod\'s requests (the app container\'s limit) are known', async () => {
    // sidecar-resources is an info rule (off in recommended); its message quotes the quantities.
    expect(await lintSidecarPort(plusImports, 'k8s.IntOrString.fromNumber(15021)', { 'sidecar-lint/sidecar-resources': 'warn' })).toEqual([
      [
        'sidecar-lint/sidecar-resources',
        expect.stringContaining('the pod requests cpu 100m (sidecars + app containers'),
        expect.stringMatching(/^\{ name: 'proxy'/),
      ],
    ]);
  });
});
