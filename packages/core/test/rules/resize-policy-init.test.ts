import { ruleTable, yaml } from '../helpers.js';

const id = 'resize-policy-init';

/** A Pod whose init container "setup" (optionally a sidecar) has resizePolicy on lines 9-11 (10-12 for a sidecar). */
function pod(sidecar: boolean, restart = 'NotRequired'): string {
  return yaml(
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: web',
    'spec:',
    '  initContainers:',
    '    - name: setup',
    '      image: busybox:1.36',
    ...(sidecar ? ['      restartPolicy: Always'] : []),
    '      resizePolicy:',
    '        - resourceName: cpu',
    `          restartPolicy: ${restart}`,
    '  containers:',
    '    - name: app',
    '      image: example/app:1',
  );
}

const goValue = (restart: string) =>
  `[]core.ContainerResizePolicy{core.ContainerResizePolicy{ResourceName:"cpu", RestartPolicy:"${restart}"}}`;
const gateOn = (kubernetesVersion: string, more: Record<string, boolean> = {}) => ({
  kubernetesVersion,
  featureGates: { InPlacePodVerticalScaling: true, ...more },
});

ruleTable(id, {
  valid: [
    { name: 'gate off (1.27-1.32 default): dropped before validation, restart-policy-dropped says so', target: '1.27-1.32', text: pod(false) },
    { name: '1.33-1.35 (gate on): accepted on a plain init container', target: '1.33-1.35', text: pod(false, 'RestartContainer') },
    { name: '1.33-1.36: accepted on a sidecar, RestartContainer included', target: '1.33-1.36', text: pod(true, 'RestartContainer') },
    { name: '1.36: NotRequired on a plain init container', target: '1.36', text: pod(false) },
    { name: '1.33 with the gate off: dropped', target: { kubernetesVersion: '1.33', featureGates: { InPlacePodVerticalScaling: false } }, text: pod(false) },
  ],
  invalid: [
    {
      name: '1.27-1.32 with InPlacePodVerticalScaling on: Invalid, with the value as Go prints it',
      target: gateOn('1.27-1.32'),
      text: pod(false),
      findings: [
        {
          severity: 'error',
          path: 'spec.initContainers[0].resizePolicy',
          line: 9,
          column: 7,
          endLine: 11,
          endColumn: 37,
          message: `Rejected on 1.27-1.32: Invalid value: ${goValue('NotRequired')}: must not be set for init containers.`,
          versions: ['1.27', '1.28', '1.29', '1.30', '1.31', '1.32'],
        },
      ],
    },
    {
      name: 'the check does not look at restartPolicy: a sidecar is refused too (1.29 with the gate on)',
      target: gateOn('1.29'),
      text: pod(true, 'RestartContainer'),
      findings: [
        {
          severity: 'error',
          path: 'spec.initContainers[0].resizePolicy',
          line: 10,
          column: 7,
          endLine: 12,
          endColumn: 42,
          message: `Rejected on 1.29: Invalid value: ${goValue('RestartContainer')}: must not be set for init containers.`,
          versions: ['1.29'],
        },
      ],
    },
    {
      name: 'several entries, flow style (1.32 with the gate on)',
      target: gateOn('1.32'),
      text: yaml(
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: web}',
        'spec:',
        '  initContainers:',
        '    - name: setup',
        '      image: busybox:1.36',
        '      resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}, {resourceName: memory}]',
        '  containers: [{name: app, image: "app:1"}]',
      ),
      findings: [
        {
          severity: 'error',
          path: 'spec.initContainers[0].resizePolicy',
          line: 8,
          column: 7,
          endLine: 8,
          endColumn: 94,
          message:
            'Rejected on 1.32: Invalid value: []core.ContainerResizePolicy{core.ContainerResizePolicy{ResourceName:"cpu", RestartPolicy:"NotRequired"}, ' +
            'core.ContainerResizePolicy{ResourceName:"memory", RestartPolicy:""}}: must not be set for init containers.',
          versions: ['1.32'],
        },
      ],
    },
    {
      name: '1.36 (provisional text): RestartContainer on a plain init container is refused',
      target: '1.35-1.36',
      text: pod(false, 'RestartContainer'),
      findings: [
        {
          severity: 'error',
          path: 'spec.initContainers[0].resizePolicy[0].restartPolicy',
          line: 11,
          column: 26,
          endLine: 11,
          endColumn: 42,
          message: 'Rejected on 1.36: RestartContainer is not allowed on init containers without restartPolicy: Always (only NotRequired is).',
          versions: ['1.36'],
        },
      ],
    },
  ],
});
