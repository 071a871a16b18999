// YAML manifests under the yml/yaml language: exact messages, ranges, fixes and suggestions, on ESLint 10 and 9.
import { RuleTester as RuleTester10 } from 'eslint';
import { RuleTester as RuleTester9 } from 'eslint9';
import { describe, it } from 'vitest';
import yml from 'eslint-plugin-yml';
import plugin from '../src/index.js';

const settings = { 'sidecar-lint': { kubernetesVersion: '1.33' } };

const job = (containers: string, init = '') =>
  `apiVersion: batch/v1
kind: Job
metadata:
  name: ingest
spec:
  template:
    spec:
      restartPolicy: Never
${init}      containers:
${containers}`;

const sidecarInit = `      initContainers:
        - name: proxy
          image: envoyproxy/envoy:v1.31
          restartPolicy: always
`;

const appContainers = `        - name: app
          image: example/app:1
        - name: proxy
          image: envoyproxy/envoy:v1.31
          restartPolicy: Always
`;

const plainApp = `        - name: app
          image: example/app:1
`;

const cases = {
  'restart-policy-init-value': {
    valid: [
      { filename: 'ok.yaml', code: job(plainApp, sidecarInit.replace('always', 'Always')), settings },
      // Not Kubernetes: nothing to say.
      { filename: 'values.yaml', code: 'restartPolicy: always\n', settings },
    ],
    invalid: [
      {
        filename: 'job.yaml',
        code: job(plainApp, sidecarInit),
        settings,
        output: job(plainApp, sidecarInit.replace('always', 'Always')),
        errors: [
          {
            message: 'Rejected on 1.33: Unsupported value: "always": supported values: "Always". Severity error on Kubernetes 1.33.',
            line: 12,
            column: 26,
            endLine: 12,
            endColumn: 32,
          },
        ],
      },
    ],
  },
  'restart-policy-app-container': {
    valid: [{ filename: 'ok.yaml', code: job(plainApp), settings }],
    invalid: [
      {
        filename: 'job.yaml',
        code: job(appContainers),
        settings,
        errors: [
          {
            message: 'Rejected on 1.33: Forbidden: may not be set for non-init containers. Severity error on Kubernetes 1.33.',
            line: 14,
            column: 11,
            endLine: 14,
            endColumn: 32,
            suggestions: [
              {
                desc: 'Move container "proxy" into initContainers as a native sidecar.',
                output: job(plainApp, '      initContainers:\n        - name: proxy\n          image: envoyproxy/envoy:v1.31\n          restartPolicy: Always\n'),
              },
            ],
          },
        ],
      },
      {
        // A range: the message says where it is rejected, the severity is the highest over the range.
        filename: 'job.yaml',
        code: job(appContainers),
        settings: { 'sidecar-lint': { kubernetesVersion: '1.33-1.35' } },
        errors: [
          {
            message: 'Rejected on 1.33: Forbidden: may not be set for non-init containers. Severity error on Kubernetes 1.33.',
            line: 14,
            column: 11,
            endLine: 14,
            endColumn: 32,
            suggestions: [
              {
                desc: 'Move container "proxy" into initContainers as a native sidecar.',
                output: job(plainApp, '      initContainers:\n        - name: proxy\n          image: envoyproxy/envoy:v1.31\n          restartPolicy: Always\n'),
              },
            ],
          },
        ],
      },
    ],
  },
  'duplicate-container-name': {
    valid: [{ filename: 'ok.yaml', code: job(plainApp), settings }],
    invalid: [
      {
        filename: 'pod.yaml',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: a\n    - name: app\n      image: b\n',
        settings,
        errors: [{ message: 'Rejected on 1.33: Duplicate value: "app". Severity error on Kubernetes 1.33.', line: 9, column: 13, endLine: 9, endColumn: 16 }],
      },
    ],
  },
  'yaml-syntax': {
    valid: [{ filename: 'ok.yaml', code: job(plainApp), settings }],
    // ESLint's YAML parser reports syntax errors itself (a fatal parsing error), so this rule only
    // speaks where the core's YAML 1.1 reading fails and ESLint's does not: `on` and `yes` are
    // two keys to a YAML 1.2 parser and the same key (true) to kubectl.
    invalid: [
      {
        filename: 'pod.yaml',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    on: a\n    yes: b\nspec:\n  containers:\n    - name: app\n      image: a\n',
        settings,
        errors: [{ message: 'Map keys must be unique. Severity error on Kubernetes 1.33.', line: 7, column: 5, endLine: 7, endColumn: 6 }],
      },
    ],
  },
};

const settingsCases = {
  valid: [],
  invalid: [
    {
      filename: 'job.yaml',
      code: job(plainApp),
      settings: { 'sidecar-lint': { kubernetesVersion: '1.33', featureGates: { NoSuchGate: true } } },
      errors: [{ message: 'Invalid sidecar-lint settings: Unrecognized feature gate: NoSuchGate (it does not exist in Kubernetes 1.33).', line: 1, column: 1 }],
    },
  ],
};

for (const [label, RuleTester] of [
  ['ESLint 10', RuleTester10],
  ['ESLint 9', RuleTester9],
] as const) {
  describe(`YAML rules on ${label}`, () => {
    const tester = new RuleTester({ plugins: { yml }, language: 'yml/yaml' } as never);
    for (const [id, table] of Object.entries(cases)) tester.run(id, plugin.rules[id] as never, table as never);
    tester.run('bad settings', plugin.rules['restart-policy-init-value'] as never, settingsCases as never);
    it('has a table for the rules above', () => undefined);
  });
}
