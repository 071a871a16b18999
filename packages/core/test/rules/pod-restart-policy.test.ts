import { ruleTable, yaml } from '../helpers.js';

const id = 'pod-restart-policy';

/** A Job whose pod template has the given restartPolicy line (line 7 plus the Job spec lines) or none, and optional Job spec lines. */
function job(policy: string | null, ...jobSpec: string[]): string {
  return yaml(
    'apiVersion: batch/v1',
    'kind: Job',
    'metadata: {name: migrate}',
    'spec:',
    ...jobSpec,
    '  template:',
    '    spec:',
    ...(policy === null ? [] : [`      restartPolicy: ${policy}`]),
    '      containers:',
    '        - name: migrate',
    '          image: example/migrate:1',
  );
}

function pod(policy: string): string {
  return yaml('apiVersion: v1', 'kind: Pod', 'metadata: {name: web}', 'spec:', `  restartPolicy: ${policy}`, '  containers: [{name: app, image: "app:1"}]');
}

const jobRequired = 'Required value: valid values: "OnFailure", "Never".';
const failurePolicy = ['  podFailurePolicy:', '    rules:', '      - action: FailJob', '        onExitCodes: {containerName: migrate, operator: In, values: [42]}'];

ruleTable(id, {
  valid: [
    ...['Always', 'OnFailure', 'Never', '""', 'null'].map((policy) => ({ name: `a Pod with ${policy} (1.27-1.36)`, target: '1.27-1.36', text: pod(policy) })),
    { name: 'a Job with OnFailure', target: '1.31', text: job('OnFailure') },
    { name: 'a Job with Never and podFailurePolicy', target: '1.31', text: job('Never', ...failurePolicy) },
    {
      name: 'a Deployment without restartPolicy (defaulted to Always); a PodTemplate with OnFailure',
      target: '1.31',
      text: yaml(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: web}',
        'spec:',
        '  template:',
        '    spec:',
        '      containers: [{name: app, image: "app:1"}]',
        '---',
        'apiVersion: v1',
        'kind: PodTemplate',
        'metadata: {name: tpl}',
        'template:',
        '  spec:',
        '    restartPolicy: OnFailure',
        '    containers: [{name: app, image: "app:1"}]',
      ),
    },
  ],
  invalid: [
    {
      name: 'a Job without pod restartPolicy: defaulted to Always, so Required; the span is the template\'s spec key',
      target: '1.27-1.36',
      text: job(null),
      findings: [
        {
          severity: 'error',
          path: 'spec.template.spec.restartPolicy',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 9,
          message: `Rejected on 1.27-1.36: ${jobRequired}`,
          versions: ['1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36'],
        },
      ],
    },
    {
      name: 'a Job with Always written: the value',
      target: '1.31',
      text: job('Always'),
      findings: [
        { severity: 'error', path: 'spec.template.spec.restartPolicy', line: 7, column: 22, endLine: 7, endColumn: 28, message: `Rejected on 1.31: ${jobRequired}`, versions: ['1.31'] },
      ],
    },
    {
      name: 'a CronJob without pod restartPolicy',
      target: '1.35',
      text: yaml(
        'apiVersion: batch/v1',
        'kind: CronJob',
        'metadata: {name: nightly}',
        'spec:',
        '  schedule: "0 3 * * *"',
        '  jobTemplate:',
        '    spec:',
        '      template:',
        '        spec:',
        '          containers: [{name: app, image: "app:1"}]',
      ),
      findings: [
        {
          severity: 'error',
          path: 'spec.jobTemplate.spec.template.spec.restartPolicy',
          line: 9,
          column: 9,
          endLine: 9,
          endColumn: 13,
          message: `Rejected on 1.35: ${jobRequired}`,
          versions: ['1.35'],
        },
      ],
    },
    {
      name: 'a Job with podFailurePolicy needs Never',
      target: '1.31',
      text: job('OnFailure', ...failurePolicy),
      findings: [
        {
          severity: 'error',
          path: 'spec.template.spec.restartPolicy',
          line: 11,
          column: 22,
          endLine: 11,
          endColumn: 31,
          message: 'Rejected on 1.31: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified.',
          versions: ['1.31'],
        },
      ],
    },
    {
      name: 'a Deployment must be Always',
      target: '1.31',
      text: yaml('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  template:', '    spec:', '      restartPolicy: Never', '      containers: [{name: app, image: "app:1"}]'),
      findings: [
        {
          severity: 'error',
          path: 'spec.template.spec.restartPolicy',
          line: 7,
          column: 22,
          endLine: 7,
          endColumn: 27,
          message: 'Rejected on 1.31: Unsupported value: "Never": supported values: "Always".',
          versions: ['1.31'],
        },
      ],
    },
    {
      name: 'case matters: the fix corrects it and keeps the quotes',
      target: '1.31',
      text: pod('"onFailure"'),
      findings: [
        {
          severity: 'error',
          path: 'spec.restartPolicy',
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 29,
          message: 'Rejected on 1.31: Unsupported value: "onFailure": supported values: "Always", "OnFailure", "Never".',
          versions: ['1.31'],
          fixed: pod('"OnFailure"'),
          fixDescription: 'Write restartPolicy: OnFailure.',
        },
      ],
    },
    {
      name: 'an unknown value has no fix',
      target: '1.31',
      text: pod('Sometimes'),
      findings: [
        {
          severity: 'error',
          path: 'spec.restartPolicy',
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 27,
          message: 'Rejected on 1.31: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never".',
          versions: ['1.31'],
        },
      ],
    },
    {
      name: 'YAML 1.1: restartPolicy: no is a bool, a decoding error (in a Job: the PodSpec path)',
      target: '1.31',
      text: job('no'),
      findings: [
        {
          severity: 'error',
          path: 'spec.template.spec.restartPolicy',
          line: 7,
          column: 22,
          endLine: 7,
          endColumn: 24,
          message: 'Rejected on 1.31: cannot unmarshal bool into Go struct field PodSpec.spec.template.spec.restartPolicy of type v1.RestartPolicy.',
          versions: ['1.31'],
        },
      ],
    },
  ],
});
