import { ruleTable, yaml } from '../helpers.js';

const id = 'restart-policy-app-container';

/** A Pod with app "app" and a second app container "proxy" whose restartPolicy is on line 11. */
function pod(policy: string | null, withInit = false): string {
  return yaml(
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: web',
    'spec:',
    ...(withInit ? ['  initContainers:', '    - name: setup', '      image: busybox:1.36'] : []),
    '  containers:',
    '    - name: app',
    '      image: example/app:1',
    '    - name: proxy',
    '      image: envoyproxy/envoy:v1.31',
    ...(policy === null ? [] : [`      restartPolicy: ${policy}`]),
  );
}

const forbidden = 'Forbidden: may not be set for non-init containers.';
const threeValues = (value: string) => `Unsupported value: ${value}: supported values: "Always", "Never", "OnFailure".`;
const moveDescription = 'Move container "proxy" into initContainers as a native sidecar.';

ruleTable(id, {
  valid: [
    { name: 'no restartPolicy (1.27-1.36)', target: '1.27-1.36', text: pod(null) },
    { name: 'restartPolicy: null (1.28-1.33)', target: '1.28-1.33', text: pod('null') },
    { name: '1.27: an unknown field (restart-policy-unsupported-version)', target: '1.27', text: pod('Always') },
    { name: '1.34 default: dropped (restart-policy-dropped)', target: '1.34', text: pod('bogus') },
    { name: '1.35 with ContainerRestartRules off: dropped', target: { kubernetesVersion: '1.35', featureGates: { ContainerRestartRules: false } }, text: pod('Always') },
    ...['Always', 'OnFailure', 'Never'].map((value) => ({
      name: `${value} with ContainerRestartRules on (1.34 gate on, 1.35, 1.36)`,
      target: { kubernetesVersion: '1.34-1.36', featureGates: { ContainerRestartRules: true } },
      text: pod(value),
    })),
  ],
  invalid: [
    {
      name: 'Always on 1.31-1.35: Forbidden up to 1.33; suggestion moves it into a new initContainers list',
      target: '1.31-1.35',
      text: pod('Always'),
      findings: [
        {
          severity: 'error',
          path: 'spec.containers[1].restartPolicy',
          line: 11,
          column: 7,
          endLine: 11,
          endColumn: 28,
          message: `Rejected on 1.31-1.33: ${forbidden}`,
          versions: ['1.31', '1.32', '1.33'],
          suggestions: [
            {
              description: moveDescription,
              output: yaml(
                'apiVersion: v1',
                'kind: Pod',
                'metadata:',
                '  name: web',
                'spec:',
                '  initContainers:',
                '    - name: proxy',
                '      image: envoyproxy/envoy:v1.31',
                '      restartPolicy: Always',
                '  containers:',
                '    - name: app',
                '      image: example/app:1',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'the suggestion appends to an existing initContainers list',
      target: '1.33',
      text: pod('Always', true),
      findings: [
        {
          severity: 'error',
          path: 'spec.containers[1].restartPolicy',
          line: 14,
          column: 7,
          endLine: 14,
          endColumn: 28,
          message: `Rejected on 1.33: ${forbidden}`,
          versions: ['1.33'],
          suggestions: [
            {
              description: moveDescription,
              output: yaml(
                'apiVersion: v1',
                'kind: Pod',
                'metadata:',
                '  name: web',
                'spec:',
                '  initContainers:',
                '    - name: setup',
                '      image: busybox:1.36',
                '    - name: proxy',
                '      image: envoyproxy/envoy:v1.31',
                '      restartPolicy: Always',
                '  containers:',
                '    - name: app',
                '      image: example/app:1',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'no suggestion where a targeted minor cannot run sidecars (1.28 default)',
      target: '1.28-1.29',
      text: pod('Always'),
      findings: [
        {
          severity: 'error',
          path: 'spec.containers[1].restartPolicy',
          line: 11,
          column: 7,
          endLine: 11,
          endColumn: 28,
          message: `Rejected on 1.28-1.29: ${forbidden}`,
          versions: ['1.28', '1.29'],
        },
      ],
    },
    {
      name: 'no suggestion where the kubelets cannot run sidecars (--kubelet-version 1.27)',
      target: { kubernetesVersion: '1.30', kubeletVersion: '1.27' },
      text: pod('Always'),
      findings: [
        {
          severity: 'error',
          path: 'spec.containers[1].restartPolicy',
          line: 11,
          column: 7,
          endLine: 11,
          endColumn: 28,
          message: `Rejected on 1.30: ${forbidden}`,
          versions: ['1.30'],
        },
      ],
    },
    ...[
      ['OnFailure', 31],
      ['""', 24],
      ['invalid', 29],
    ].map(([value, endColumn]) => ({
      name: `${value} is Forbidden too on 1.28-1.33, the value is not inspected (no suggestion)`,
      target: { kubernetesVersion: '1.28-1.33', featureGates: { SidecarContainers: true } },
      text: pod(value as string),
      findings: [
        {
          severity: 'error' as const,
          path: 'spec.containers[1].restartPolicy',
          line: 11,
          column: 7,
          endLine: 11,
          endColumn: endColumn as number,
          message: `Rejected on 1.28-1.33: ${forbidden}`,
          versions: ['1.28', '1.29', '1.30', '1.31', '1.32', '1.33'],
        },
      ],
    })),
    {
      name: 'Forbidden on 1.33, Unsupported where ContainerRestartRules is on (1.34 gate on, 1.35, 1.36): one finding, no common fix',
      target: { kubernetesVersion: '1.33-1.36', featureGates: { ContainerRestartRules: true } },
      text: pod('"onfailure"'),
      findings: [
        {
          severity: 'error',
          path: 'spec.containers[1].restartPolicy',
          // One finding over the range; its span is the first minor's (Forbidden: the whole entry).
          line: 11,
          column: 7,
          endLine: 11,
          endColumn: 33,
          message: `Rejected on 1.33: ${forbidden} Rejected on 1.34-1.36: ${threeValues('"onfailure"')}`,
          versions: ['1.33', '1.34', '1.35', '1.36'],
        },
      ],
    },
    {
      name: 'a bad value on 1.35: the fix corrects the case',
      target: '1.35',
      text: pod('never'),
      findings: [
        {
          severity: 'error',
          path: 'spec.containers[1].restartPolicy',
          line: 11,
          column: 22,
          endLine: 11,
          endColumn: 27,
          message: `Rejected on 1.35: ${threeValues('"never"')}`,
          versions: ['1.35'],
          fixed: pod('Never'),
          fixDescription: 'Write restartPolicy: Never on container "proxy".',
        },
      ],
    },
    {
      name: 'YAML 1.1: restartPolicy: off is a bool (a decoding error on 1.34, where a string would be dropped)',
      target: '1.34',
      text: pod('off'),
      findings: [
        {
          severity: 'error',
          path: 'spec.containers[1].restartPolicy',
          line: 11,
          column: 22,
          endLine: 11,
          endColumn: 25,
          message:
            'Rejected on 1.34: cannot unmarshal bool into Go struct field Container.spec.containers.restartPolicy of type v1.ContainerRestartPolicy.',
          versions: ['1.34'],
        },
      ],
    },
  ],
});
