import { ruleTable, yaml } from '../helpers.js';

const job = (...rules: string[]) =>
  yaml(
    'apiVersion: batch/v1',
    'kind: Job',
    'metadata:',
    '  name: train',
    'spec:',
    '  podFailurePolicy:',
    '    rules:',
    ...rules,
    '  template:',
    '    spec:',
    '      restartPolicy: Never',
    '      initContainers:',
    '        - name: proxy',
    '          image: envoyproxy/envoy:v1.31.0',
    '          restartPolicy: Always',
    '      containers:',
    '        - name: main',
    '          image: example/train:1',
  );

const failOnNonZero = ['      - action: FailJob', '        onExitCodes:', '          operator: NotIn', '          values: [0]'];
const message = 'This rule has no containerName, so it also matches sidecar "proxy", which exits with 137 or 143 when it is stopped after the app containers finish.';

ruleTable('job-failure-policy-exit-codes', {
  valid: [
    { name: 'a rule naming its container', text: job('      - action: FailJob', '        onExitCodes:', '          containerName: main', '          operator: NotIn', '          values: [0]') },
    { name: 'an In rule that no stop code can match', text: job('      - action: FailJob', '        onExitCodes:', '          operator: In', '          values: [42]') },
    { name: 'a NotIn rule that excludes both stop codes', text: job('      - action: FailJob', '        onExitCodes:', '          operator: NotIn', '          values: [0, 137, 143]') },
    { name: 'an onPodConditions rule', text: job('      - action: Ignore', '        onPodConditions:', '          - type: DisruptionTarget') },
    { name: 'no sidecar on 1.28 (the Always is dropped)', text: job(...failOnNonZero), target: '1.28' },
  ],
  invalid: [
    {
      name: 'NotIn [0] without containerName beside a sidecar',
      text: job(...failOnNonZero),
      findings: [
        {
          severity: 'warning',
          path: 'spec.podFailurePolicy.rules[0].onExitCodes',
          line: 9,
          column: 9,
          endLine: 9,
          endColumn: 20,
          message,
          versions: ['1.31', '1.32', '1.33', '1.34', '1.35'],
        },
      ],
    },
    {
      name: 'an In rule listing 137 in a CronJob, on part of the range',
      text: yaml(
        'apiVersion: batch/v1',
        'kind: CronJob',
        'metadata:',
        '  name: nightly',
        'spec:',
        '  schedule: "0 3 * * *"',
        '  jobTemplate:',
        '    spec:',
        '      podFailurePolicy:',
        '        rules:',
        '          - action: Ignore',
        '            onPodConditions:',
        '              - type: DisruptionTarget',
        '          - action: Count',
        '            onExitCodes:',
        '              operator: In',
        '              values: [137]',
        '      template:',
        '        spec:',
        '          restartPolicy: Never',
        '          initContainers:',
        '            - name: proxy',
        '              image: envoyproxy/envoy:v1.31.0',
        '              restartPolicy: Always',
        '          containers:',
        '            - name: main',
        '              image: example/train:1',
      ),
      target: '1.28-1.29',
      findings: [
        {
          severity: 'warning',
          path: 'spec.jobTemplate.spec.podFailurePolicy.rules[1].onExitCodes',
          line: 15,
          column: 13,
          endLine: 15,
          endColumn: 24,
          message: 'On 1.29: this rule has no containerName, so it also matches sidecar "proxy", which exits with 137 or 143 when it is stopped after the app containers finish.',
          versions: ['1.29'],
        },
      ],
    },
  ],
});
