import { ruleTable, yaml } from '../helpers.js';

const id = 'restart-policy-ephemeral';

/** A Pod with one ephemeral container "debug" (lines 9-11) and the given extra lines after its image. */
function pod(...extra: string[]): string {
  return yaml(
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: web',
    'spec:',
    '  containers:',
    '    - name: app',
    '      image: example/app:1',
    '  ephemeralContainers:',
    '    - name: debug',
    '      image: busybox:1.36',
    ...extra,
  );
}

const onCreate = (versions: string) => ({
  severity: 'error' as const,
  path: 'spec.ephemeralContainers',
  line: 9,
  column: 3,
  endLine: 11,
  endColumn: 26,
  message: `Rejected on ${versions}: Forbidden: cannot be set on create.`,
});

const minors = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => `1.${first + i}`);

ruleTable(id, {
  valid: [
    {
      name: 'no ephemeral containers, or an empty list (1.27-1.36)',
      target: '1.27-1.36',
      text: yaml('apiVersion: v1', 'kind: Pod', 'metadata: {name: web}', 'spec:', '  containers: [{name: app, image: "app:1"}]', '  ephemeralContainers: []'),
    },
  ],
  invalid: [
    {
      name: 'a Pod create with ephemeral containers is refused on every minor',
      target: '1.27-1.36',
      text: pod(),
      findings: [{ ...onCreate('1.27-1.36'), versions: minors(27, 36) }],
    },
    {
      name: 'a pod template with ephemeral containers (Deployment)',
      target: '1.31',
      text: yaml(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: web}',
        'spec:',
        '  template:',
        '    spec:',
        '      containers: [{name: app, image: "app:1"}]',
        '      ephemeralContainers: [{name: debug, image: "busybox:1.36"}]',
      ),
      findings: [
        {
          severity: 'error',
          path: 'spec.template.spec.ephemeralContainers',
          line: 8,
          column: 7,
          endLine: 8,
          endColumn: 66,
          message: 'Rejected on 1.31: Forbidden: ephemeral containers not allowed in pod template.',
          versions: ['1.31'],
        },
      ],
    },
    {
      name: 'restartPolicy: Forbidden 1.28-1.33 and with ContainerRestartRules on; dropped on 1.34 default; unknown on 1.27',
      target: '1.27-1.36',
      text: pod('      restartPolicy: Always'),
      findings: [
        { ...onCreate('1.27-1.36'), endLine: 12, endColumn: 28, versions: minors(27, 36) },
        {
          severity: 'error',
          path: 'spec.ephemeralContainers[0].restartPolicy',
          line: 12,
          column: 7,
          endLine: 12,
          endColumn: 28,
          message: 'Rejected on 1.28-1.33, 1.35-1.36: Forbidden: cannot be set for an Ephemeral Container.',
          versions: [...minors(28, 33), '1.35', '1.36'],
        },
      ],
    },
    {
      name: 'an empty restartPolicy is set, so Forbidden as well',
      target: '1.31',
      text: pod('      restartPolicy: ""'),
      findings: [
        { ...onCreate('1.31'), endLine: 12, endColumn: 24, versions: ['1.31'] },
        {
          severity: 'error',
          path: 'spec.ephemeralContainers[0].restartPolicy',
          line: 12,
          column: 7,
          endLine: 12,
          endColumn: 24,
          message: 'Rejected on 1.31: Forbidden: cannot be set for an Ephemeral Container.',
          versions: ['1.31'],
        },
      ],
    },
    {
      name: 'restartPolicyRules: Forbidden where ContainerRestartRules is on (1.34 gate on, 1.35); an empty list is not',
      target: { kubernetesVersion: '1.34-1.35', featureGates: { ContainerRestartRules: true } },
      text: yaml(
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: web',
        'spec:',
        '  containers:',
        '    - name: app',
        '      image: example/app:1',
        '  ephemeralContainers:',
        '    - name: debug',
        '      image: busybox:1.36',
        '      restartPolicyRules:',
        '        - {action: Restart, exitCodes: {operator: In, values: [1]}}',
        '    - name: debug-2',
        '      image: busybox:1.36',
        '      restartPolicyRules: []',
      ),
      findings: [
        { ...onCreate('1.34-1.35'), endLine: 16, endColumn: 29, versions: ['1.34', '1.35'] },
        {
          severity: 'error',
          path: 'spec.ephemeralContainers[0].restartPolicyRules',
          line: 12,
          column: 7,
          endLine: 13,
          endColumn: 68,
          message: 'Rejected on 1.34-1.35: Forbidden: cannot be set for an Ephemeral Container.',
          versions: ['1.34', '1.35'],
        },
      ],
    },
    {
      name: 'YAML 1.1: restartPolicy: yes is a bool, a decoding error of the EphemeralContainer struct',
      target: '1.35',
      text: pod('      restartPolicy: yes'),
      findings: [
        { ...onCreate('1.35'), endLine: 12, endColumn: 25, versions: ['1.35'] },
        {
          severity: 'error',
          path: 'spec.ephemeralContainers[0].restartPolicy',
          line: 12,
          column: 22,
          endLine: 12,
          endColumn: 25,
          message:
            'Rejected on 1.35: cannot unmarshal bool into Go struct field EphemeralContainer.spec.ephemeralContainers.restartPolicy of type v1.ContainerRestartPolicy.',
          versions: ['1.35'],
        },
      ],
    },
  ],
});
