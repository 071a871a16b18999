import { proxyPod as pod, ruleTable, yaml } from '../helpers.js';

const id = 'restart-policy-dropped';


const initPath = 'spec.initContainers[0].restartPolicy';
const sidecarLost = 'so sidecar "proxy" becomes a plain init container that blocks the pod until it exits.';
const plainInit = (name: string) => `so init container "${name}" runs as a plain init container.`;
const podPolicy = (name: string) => `so container "${name}" follows the pod's restartPolicy.`;
const rulesIgnored = (name: string) => `so the restart rules of container "${name}" are ignored.`;
const noResize = 'Silently dropped on 1.31-1.32: the InPlacePodVerticalScaling feature gate is off, so the container cannot be resized in place.';

ruleTable(id, {
  valid: [
    { name: 'a sidecar where SidecarContainers is on (1.29-1.36); the 1.34 drop keeps an exact Always', target: '1.29-1.36', text: pod('Always') },
    { name: 'a sidecar on 1.28 with SidecarContainers turned on', target: { kubernetesVersion: '1.28', featureGates: { SidecarContainers: true } }, text: pod('Always') },
    { name: 'restartPolicy: null has nothing to drop', target: '1.28', text: pod('null') },
    { name: '1.27: unknown fields are not drops (restart-policy-unsupported-version)', target: '1.27', text: pod('Always', '      restartPolicy: Always') },
    { name: 'an app restartPolicy with ContainerRestartRules on (1.35-1.36)', target: '1.35-1.36', text: pod(null, '      restartPolicy: Never') },
    {
      name: 'resizePolicy where InPlacePodVerticalScaling is on (1.33-1.36)',
      target: '1.33-1.36',
      text: pod(null, '      resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}]'),
    },
  ],
  invalid: [
    {
      name: '1.28 default: a sidecar loses its Always and blocks the pod (error)',
      target: '1.28',
      text: pod('Always'),
      findings: [
        {
          severity: 'error',
          path: initPath,
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 28,
          message: `Silently dropped on 1.28: the SidecarContainers feature gate is off, ${sidecarLost}`,
          versions: ['1.28'],
        },
      ],
    },
    {
      name: 'SidecarContainers=false over 1.31-1.33 applies to 1.31-1.32 only (locked on 1.33)',
      target: { kubernetesVersion: '1.31-1.33', featureGates: { SidecarContainers: false } },
      text: pod('Always'),
      findings: [
        {
          severity: 'error',
          path: initPath,
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 28,
          message: `Silently dropped on 1.31-1.32: the SidecarContainers feature gate is off, ${sidecarLost}`,
          versions: ['1.31', '1.32'],
        },
      ],
    },
    {
      name: 'SidecarContainers off drops any init value (OnFailure: a warning)',
      target: { kubernetesVersion: '1.29', featureGates: { SidecarContainers: false } },
      text: pod('OnFailure'),
      findings: [
        {
          severity: 'warning',
          path: initPath,
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 31,
          message: `Silently dropped on 1.29: the SidecarContainers feature gate is off, ${plainInit('proxy')}`,
          versions: ['1.29'],
        },
      ],
    },
    {
      name: '1.34 default: an init "always" is dropped; the fix writes the Always that survives',
      target: '1.34',
      text: pod('always'),
      findings: [
        {
          severity: 'warning',
          path: initPath,
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 28,
          message: `Silently dropped on 1.34: the ContainerRestartRules feature gate is off, ${plainInit('proxy')}`,
          versions: ['1.34'],
          fixed: pod('Always'),
          fixDescription: 'Write restartPolicy: Always on init container "proxy".',
        },
      ],
    },
    {
      name: '1.28-1.34 with "always": dropped by two gates; the fix is not common to both, so none',
      target: '1.28-1.34',
      text: pod('always'),
      findings: [
        {
          severity: 'warning',
          path: initPath,
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 28,
          message:
            `Silently dropped on 1.28: the SidecarContainers feature gate is off, ${plainInit('proxy')} ` +
            `Silently dropped on 1.34: the ContainerRestartRules feature gate is off, ${plainInit('proxy')}`,
          versions: ['1.28', '1.34'],
        },
      ],
    },
    {
      name: '1.34 default and 1.35 with ContainerRestartRules off: app restartPolicy, init rules, flow style',
      target: { kubernetesVersion: '1.34-1.35', featureGates: { ContainerRestartRules: false } },
      text: yaml(
        'apiVersion: batch/v1',
        'kind: Job',
        'metadata: {name: migrate}',
        'spec:',
        '  template:',
        '    spec:',
        '      restartPolicy: Never',
        '      initContainers:',
        '        - {name: setup, image: "busybox:1.36", restartPolicy: Never, restartPolicyRules: []}',
        '      containers:',
        '        - name: app',
        '          image: example/app:1',
        '          restartPolicy: OnFailure',
      ),
      findings: [
        {
          severity: 'warning',
          path: 'spec.template.spec.initContainers[0].restartPolicy',
          line: 9,
          column: 48,
          endLine: 9,
          endColumn: 68,
          message: `Silently dropped on 1.34-1.35: the ContainerRestartRules feature gate is off, ${plainInit('setup')}`,
          versions: ['1.34', '1.35'],
        },
        {
          severity: 'warning',
          path: 'spec.template.spec.initContainers[0].restartPolicyRules',
          line: 9,
          column: 70,
          endLine: 9,
          endColumn: 92,
          message: `Silently dropped on 1.34-1.35: the ContainerRestartRules feature gate is off, ${rulesIgnored('setup')}`,
          versions: ['1.34', '1.35'],
        },
        {
          severity: 'warning',
          path: 'spec.template.spec.containers[0].restartPolicy',
          line: 13,
          column: 11,
          endLine: 13,
          endColumn: 35,
          message: `Silently dropped on 1.34-1.35: the ContainerRestartRules feature gate is off, ${podPolicy('app')}`,
          versions: ['1.34', '1.35'],
        },
      ],
    },
    {
      name: 'resizePolicy of every container kind is cleared where InPlacePodVerticalScaling is off (1.31-1.32 of 1.31-1.35)',
      target: '1.31-1.35',
      text: yaml(
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: web',
        'spec:',
        '  initContainers:',
        '    - name: proxy',
        '      image: envoyproxy/envoy:v1.31',
        '      restartPolicy: Always',
        '      resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}]',
        '  containers:',
        '    - name: app',
        '      image: example/app:1',
        '      resizePolicy:',
        '        - resourceName: memory',
        '          restartPolicy: RestartContainer',
      ),
      findings: [
        {
          severity: 'warning',
          path: 'spec.initContainers[0].resizePolicy',
          line: 10,
          column: 7,
          endLine: 10,
          endColumn: 70,
          message: noResize,
          versions: ['1.31', '1.32'],
        },
        {
          severity: 'warning',
          path: 'spec.containers[0].resizePolicy',
          line: 14,
          column: 7,
          endLine: 16,
          endColumn: 42,
          message: noResize,
          versions: ['1.31', '1.32'],
        },
      ],
    },
    {
      name: 'resizePolicy on 1.33 with InPlacePodVerticalScaling off',
      target: { kubernetesVersion: '1.33', featureGates: { InPlacePodVerticalScaling: false } },
      text: pod(null, '      resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}]'),
      findings: [
        {
          severity: 'warning',
          path: 'spec.containers[0].resizePolicy',
          line: 12,
          column: 7,
          endLine: 12,
          endColumn: 70,
          message: 'Silently dropped on 1.33: the InPlacePodVerticalScaling feature gate is off, so the container cannot be resized in place.',
          versions: ['1.33'],
        },
      ],
    },
  ],
});
