import { proxyPod as pod, ruleTable, yaml } from '../helpers.js';

const id = 'restart-policy-unsupported-version';


const unknown = (path: string) => `strict decoding error: unknown field "${path}".`;
const initPath = 'spec.initContainers[0].restartPolicy';
const blocks = 'unknown field, so init container "proxy" becomes a plain init container that blocks the pod until it exits.';

ruleTable(id, {
  valid: [
    { name: 'no container restart fields on 1.27', target: '1.27', text: pod(null) },
    { name: 'a sidecar from 1.28 on (the 1.28 drop is restart-policy-dropped)', target: '1.28-1.36', text: pod('Always') },
    {
      name: 'restartPolicyRules from 1.34 on',
      target: '1.34-1.36',
      text: pod(null, '      restartPolicy: Never', '      restartPolicyRules: [{action: Restart, exitCodes: {operator: In, values: [3]}}]'),
    },
    { name: 'a sidecar with --kubelet-version 1.29 (sidecars on by default there)', target: { kubernetesVersion: '1.31', kubeletVersion: '1.29' }, text: pod('Always') },
    { name: '--kubelet-version only matters for sidecars', target: { kubernetesVersion: '1.31', kubeletVersion: '1.27' }, text: pod(null) },
  ],
  invalid: [
    {
      name: '1.27, strict (kubectl): an init container restartPolicy is an unknown field',
      target: '1.27',
      text: pod('Always'),
      findings: [
        {
          severity: 'error',
          path: initPath,
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 28,
          message: `Rejected on 1.27: ${unknown(initPath)}`,
          versions: ['1.27'],
        },
      ],
    },
    {
      name: '1.27, strict: null is still an unknown field (the decoder looks at the key)',
      target: '1.27',
      text: pod('null'),
      findings: [
        {
          severity: 'error',
          path: initPath,
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 26,
          message: `Rejected on 1.27: ${unknown(initPath)}`,
          versions: ['1.27'],
        },
      ],
    },
    {
      name: '--field-validation warn on 1.27: a lost init Always stays an error, other unknown fields become warnings',
      target: { kubernetesVersion: '1.27', fieldValidation: 'warn' },
      text: pod('Always', '      restartPolicy: Always'),
      findings: [
        {
          severity: 'error',
          path: initPath,
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 28,
          message: `Dropped with a warning on 1.27: ${blocks}`,
          versions: ['1.27'],
        },
        {
          severity: 'warning',
          path: 'spec.containers[0].restartPolicy',
          line: 13,
          column: 7,
          endLine: 13,
          endColumn: 28,
          message: 'Dropped with a warning on 1.27: unknown field, the API server ignores it.',
          versions: ['1.27'],
        },
      ],
    },
    {
      name: '--field-validation warn: an init OnFailure lost on 1.27 is only a warning',
      target: { kubernetesVersion: '1.27', fieldValidation: 'warn' },
      text: pod('OnFailure'),
      findings: [
        {
          severity: 'warning',
          path: initPath,
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 31,
          message: 'Dropped with a warning on 1.27: unknown field, the API server ignores it.',
          versions: ['1.27'],
        },
      ],
    },
    {
      name: 'restartPolicyRules before 1.34 (range 1.31-1.35), strict; the path is the Deployment’s',
      target: '1.31-1.35',
      text: yaml(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: web}',
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        '        - name: app',
        '          image: example/app:1',
        '          restartPolicyRules:',
        '            - action: Restart',
        '              exitCodes: {operator: In, values: [42]}',
      ),
      findings: [
        {
          severity: 'error',
          path: 'spec.template.spec.containers[0].restartPolicyRules',
          line: 10,
          column: 11,
          endLine: 12,
          endColumn: 54,
          message: `Rejected on 1.31-1.33: ${unknown('spec.template.spec.containers[0].restartPolicyRules')}`,
          versions: ['1.31', '1.32', '1.33'],
        },
      ],
    },
    {
      name: 'restartPolicyRules on 1.33 with --field-validation warn: a warning',
      target: { kubernetesVersion: '1.33', fieldValidation: 'warn' },
      text: pod('Always', '      restartPolicyRules: []'),
      findings: [
        {
          severity: 'warning',
          path: 'spec.containers[0].restartPolicyRules',
          line: 13,
          column: 7,
          endLine: 13,
          endColumn: 29,
          message: 'Dropped with a warning on 1.33: unknown field, the API server ignores it.',
          versions: ['1.33'],
        },
      ],
    },
    {
      name: 'a List item: the unknown field is named relative to the item',
      target: '1.27',
      text: yaml(
        'apiVersion: v1',
        'kind: List',
        'items:',
        '  - apiVersion: v1',
        '    kind: Pod',
        '    metadata: {name: web}',
        '    spec:',
        '      initContainers: [{name: proxy, image: "envoy:1", restartPolicy: Always}]',
        '      containers: [{name: app, image: "app:1"}]',
      ),
      findings: [
        {
          severity: 'error',
          path: initPath,
          line: 8,
          column: 56,
          endLine: 8,
          endColumn: 77,
          message: `Rejected on 1.27: ${unknown(initPath)}`,
          versions: ['1.27'],
          item: 0,
        },
      ],
    },
    {
      name: '--kubelet-version 1.27 with a sidecar: the kubelet runs it as a blocking init container',
      target: { kubernetesVersion: '1.31', kubeletVersion: '1.27' },
      text: pod('Always'),
      findings: [
        {
          severity: 'error',
          path: initPath,
          line: 9,
          column: 22,
          endLine: 9,
          endColumn: 28,
          message: 'Not run by kubelet 1.27 on 1.31: the kubelet does not know restartPolicy, so sidecar "proxy" runs as a plain init container that blocks the pod until it exits.',
          versions: ['1.31'],
        },
      ],
    },
    {
      name: '--kubelet-version 1.28 with a sidecar: rejected at kubelet admission (SidecarContainers off by default there)',
      target: { kubernetesVersion: '1.30-1.31', kubeletVersion: '1.28' },
      text: pod('Always'),
      findings: [
        {
          severity: 'error',
          path: initPath,
          line: 9,
          column: 22,
          endLine: 9,
          endColumn: 28,
          message:
            'Not run by kubelet 1.28 on 1.30-1.31: the kubelet rejects the pod at admission (InitContainerRestartPolicyForbidden) because SidecarContainers is off there.',
          versions: ['1.30', '1.31'],
        },
      ],
    },
    {
      name: 'range 1.27-1.30 with --kubelet-version 1.27: unknown on 1.27, not run on 1.29-1.30 (dropped on 1.28), one finding',
      target: { kubernetesVersion: '1.27-1.30', kubeletVersion: '1.27' },
      text: pod('Always'),
      findings: [
        {
          severity: 'error',
          path: initPath,
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 28,
          message:
            `Rejected on 1.27: ${unknown(initPath)} ` +
            'Not run by kubelet 1.27 on 1.29-1.30: the kubelet does not know restartPolicy, so sidecar "proxy" runs as a plain init container that blocks the pod until it exits.',
          versions: ['1.27', '1.29', '1.30'],
        },
      ],
    },
  ],
});
