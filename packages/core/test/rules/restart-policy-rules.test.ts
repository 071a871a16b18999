import { ruleTable, yaml } from '../helpers.js';

const id = 'restart-policy-rules';

/** A Pod whose app container "app" has the given lines after its image (from line 9). */
function app(...extra: string[]): string {
  return yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: app', '      image: example/app:1', ...extra);
}

/** A Pod whose init container "init" has the given lines after its image (from line 9). */
function init(...extra: string[]): string {
  return yaml(
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: web',
    'spec:',
    '  initContainers:',
    '    - name: init',
    '      image: example/init:1',
    ...extra,
    '  containers:',
    '    - name: app',
    '      image: example/app:1',
  );
}

const rule = '{action: Restart, exitCodes: {operator: In, values: [42]}}';
const gateOn134 = { kubernetesVersion: '1.34', featureGates: { ContainerRestartRules: true } };

ruleTable(id, {
  valid: [
    { name: 'valid rules on an app container (1.35-1.36)', target: '1.35-1.36', text: app('      restartPolicy: Never', `      restartPolicyRules: [${rule}]`) },
    { name: 'valid rules with ContainerRestartRules on in 1.34', target: gateOn134, text: app('      restartPolicy: OnFailure', `      restartPolicyRules: [${rule}, {action: Restart, exitCodes: {operator: NotIn, values: []}}]`) },
    { name: 'an empty list needs no restartPolicy', target: '1.35', text: app('      restartPolicyRules: []') },
    { name: '1.34 does not validate rules of an init container without restartPolicy', target: gateOn134, text: init('      restartPolicyRules: [{action: Bogus}]') },
    { name: '1.34 default: dropped (restart-policy-dropped)', target: '1.34', text: app(`      restartPolicyRules: [{action: Bogus}]`) },
    {
      name: 'a sidecar with rules and RestartAllContainers where RestartAllContainersOnContainerExits is on (1.35 gate on, 1.36 default)',
      target: { kubernetesVersion: '1.35-1.36', featureGates: { RestartAllContainersOnContainerExits: true } },
      text: init('      restartPolicy: Always', '      restartPolicyRules: [{action: RestartAllContainers, exitCodes: {operator: In, values: [1]}}]'),
    },
  ],
  invalid: [
    {
      name: 'an app container with rules and no restartPolicy (missing: the container item)',
      target: { kubernetesVersion: '1.34-1.36', featureGates: { ContainerRestartRules: true } },
      text: app(`      restartPolicyRules: [${rule}]`),
      findings: [
        {
          severity: 'error',
          path: 'spec.containers[0].restartPolicy',
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 16,
          message: 'Rejected on 1.34-1.36: Required value: must specify restartPolicy when restart rules are used.',
          versions: ['1.34', '1.35', '1.36'],
        },
      ],
    },
    {
      name: 'a plain init container with rules and no restartPolicy: required from 1.35 only',
      target: { kubernetesVersion: '1.34-1.35', featureGates: { ContainerRestartRules: true } },
      text: init(`      restartPolicyRules: [${rule}]`),
      findings: [
        {
          severity: 'error',
          path: 'spec.initContainers[0].restartPolicy',
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 17,
          message: 'Rejected on 1.35: Required value: must specify restartPolicy when restart rules are used.',
          versions: ['1.35'],
        },
      ],
    },
    {
      name: 'a sidecar with rules: Forbidden until RestartAllContainersOnContainerExits is on (1.36 default)',
      target: '1.35-1.36',
      text: init('      restartPolicy: Always', `      restartPolicyRules: [${rule}]`),
      findings: [
        {
          severity: 'error',
          path: 'spec.initContainers[0].restartPolicyRules',
          line: 10,
          column: 7,
          endLine: 10,
          endColumn: 87,
          message: 'Rejected on 1.35: Forbidden: restartPolicyRules are not allowed for init containers with restart policy Always.',
          versions: ['1.35'],
        },
      ],
    },
    {
      name: 'an unknown action: up to 1.35 the message lists only Restart, 1.36 lists what is allowed',
      target: '1.35-1.36',
      text: app('      restartPolicy: Never', '      restartPolicyRules: [{action: RestartPod, exitCodes: {operator: In, values: [1]}}]'),
      findings: [
        {
          severity: 'error',
          path: 'spec.containers[0].restartPolicyRules[0].action',
          line: 10,
          column: 37,
          endLine: 10,
          endColumn: 47,
          message:
            'Rejected on 1.35: Unsupported value: "RestartPod": supported values: "Restart". ' +
            'Rejected on 1.36: Unsupported value: "RestartPod": supported values: "Restart", "RestartAllContainers".',
          versions: ['1.35', '1.36'],
        },
      ],
    },
    {
      name: 'RestartAllContainers needs RestartAllContainersOnContainerExits (off on 1.35 by default); with it on, 1.35 still lists only Restart',
      target: '1.35',
      text: app('      restartPolicy: Never', '      restartPolicyRules: [{action: RestartAllContainers, exitCodes: {operator: In, values: [1]}}, {action: "", exitCodes: {operator: In}}]'),
      findings: [
        {
          severity: 'error',
          path: 'spec.containers[0].restartPolicyRules[0].action',
          line: 10,
          column: 37,
          endLine: 10,
          endColumn: 57,
          message: 'Rejected on 1.35: Unsupported value: "RestartAllContainers": supported values: "Restart".',
          versions: ['1.35'],
        },
        {
          severity: 'error',
          path: 'spec.containers[0].restartPolicyRules[1].action',
          line: 10,
          column: 109,
          endLine: 10,
          endColumn: 111,
          message: 'Rejected on 1.35: Unsupported value: "": supported values: "Restart".',
          versions: ['1.35'],
        },
      ],
    },
    {
      name: 'exitCodes missing (missing: the rule item) and a bad or missing operator',
      target: '1.35',
      text: app(
        '      restartPolicy: Never',
        '      restartPolicyRules:',
        '        - action: Restart',
        '        - action: Restart',
        '          exitCodes: {operator: in, values: [1]}',
        '        - action: Restart',
        '          exitCodes: {values: [1]}',
      ),
      findings: [
        {
          severity: 'error',
          path: 'spec.containers[0].restartPolicyRules[0].exitCodes',
          line: 11,
          column: 11,
          endLine: 11,
          endColumn: 26,
          message: 'Rejected on 1.35: Required value: must be specified.',
          versions: ['1.35'],
        },
        {
          severity: 'error',
          path: 'spec.containers[0].restartPolicyRules[1].exitCodes.operator',
          line: 13,
          column: 33,
          endLine: 13,
          endColumn: 35,
          message: 'Rejected on 1.35: Unsupported value: "in": supported values: "In", "NotIn".',
          versions: ['1.35'],
        },
        {
          severity: 'error',
          path: 'spec.containers[0].restartPolicyRules[2].exitCodes.operator',
          line: 15,
          column: 11,
          endLine: 15,
          endColumn: 20,
          message: 'Rejected on 1.35: Unsupported value: "": supported values: "In", "NotIn".',
          versions: ['1.35'],
        },
      ],
    },
    {
      name: 'a null rule decodes as an empty one',
      target: '1.35',
      text: app('      restartPolicy: Never', '      restartPolicyRules: [null]'),
      findings: [
        {
          severity: 'error',
          path: 'spec.containers[0].restartPolicyRules[0].action',
          line: 10,
          column: 28,
          endLine: 10,
          endColumn: 32,
          message: 'Rejected on 1.35: Unsupported value: "": supported values: "Restart".',
          versions: ['1.35'],
        },
        {
          severity: 'error',
          path: 'spec.containers[0].restartPolicyRules[0].exitCodes',
          line: 10,
          column: 28,
          endLine: 10,
          endColumn: 32,
          message: 'Rejected on 1.35: Required value: must be specified.',
          versions: ['1.35'],
        },
      ],
    },
    {
      name: 'more than 20 rules: Too long up to 1.35, Too many on 1.36',
      target: '1.35-1.36',
      text: app('      restartPolicy: Never', `      restartPolicyRules: [${Array(21).fill(rule).join(', ')}]`),
      findings: [
        {
          severity: 'error',
          path: 'spec.containers[0].restartPolicyRules',
          line: 10,
          column: 7,
          endLine: 10,
          endColumn: 28 + 21 * rule.length + 20 * 2 + 1,
          message: 'Rejected on 1.35: Too long: may not be more than 20 bytes. Rejected on 1.36: Too many: 21: must have at most 20 items.',
          versions: ['1.35', '1.36'],
        },
      ],
    },
    {
      name: 'more than 255 exit codes',
      target: gateOn134,
      text: app('      restartPolicy: Never', '      restartPolicyRules:', '        - action: Restart', '          exitCodes:', '            operator: NotIn', `            values: [${Array.from({ length: 256 }, (_, i) => i).join(', ')}]`),
      findings: [
        {
          severity: 'error',
          path: 'spec.containers[0].restartPolicyRules[0].exitCodes.values',
          line: 14,
          column: 13,
          endLine: 14,
          endColumn: 13 + 'values: ['.length + Array.from({ length: 256 }, (_, i) => i).join(', ').length + 1,
          message: 'Rejected on 1.34: Too long: may not be more than 255 bytes.',
          versions: ['1.34'],
        },
      ],
    },
    {
      name: 'decoding errors come before the gate: an object, or a string rule, is refused even on 1.34 default',
      target: '1.34',
      text: yaml(
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: web}',
        'spec:',
        '  initContainers:',
        '    - name: init',
        '      image: example/init:1',
        '      restartPolicyRules: [Restart]',
        '  containers:',
        '    - name: app',
        '      image: example/app:1',
        '      restartPolicyRules: {action: Restart}',
      ),
      findings: [
        {
          severity: 'error',
          path: 'spec.initContainers[0].restartPolicyRules[0]',
          line: 8,
          column: 28,
          endLine: 8,
          endColumn: 35,
          message: 'Rejected on 1.34: cannot unmarshal string into Go struct field Container.spec.initContainers.restartPolicyRules of type v1.ContainerRestartRule.',
          versions: ['1.34'],
        },
        {
          severity: 'error',
          path: 'spec.containers[0].restartPolicyRules',
          line: 12,
          column: 27,
          endLine: 12,
          endColumn: 44,
          message: 'Rejected on 1.34: cannot unmarshal object into Go struct field Container.spec.containers.restartPolicyRules of type []v1.ContainerRestartRule.',
          versions: ['1.34'],
        },
      ],
    },
  ],
});
