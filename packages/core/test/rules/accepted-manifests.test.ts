/**
 * The severity contract's first promise, checked broadly: no rule reports an error for a manifest
 * the API server accepts unchanged (nothing rejected, nothing dropped). Every pod spec below is
 * accepted as written on the minors (and gates) its `acceptedOn` names, by notes/k8s-semantics.md,
 * wrapped in every built-in kind, and linted for each such minor with strict and warn field validation.
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { lint, allMinors, type TargetSpec } from '../helpers.js';

type Json = Record<string, unknown>;

interface PodSpecCase {
  name: string;
  /** Without pod restartPolicy: each kind sets one it accepts. */
  spec: Json;
  /** The targets on which the spec is accepted unchanged. */
  acceptedOn: TargetSpec[];
}

const minorsFrom = (first: number, last = 36) => allMinors.filter((version) => Number(version.split('.')[1]) >= first && Number(version.split('.')[1]) <= last);

const app = { name: 'app', image: 'example/app:1', ports: [{ containerPort: 8080 }], readinessProbe: { httpGet: { path: '/ready', port: 8080 } } };
const sidecar = {
  name: 'proxy',
  image: 'envoyproxy/envoy:v1.31',
  restartPolicy: 'Always',
  startupProbe: { tcpSocket: { port: 15000 }, failureThreshold: 30, successThreshold: 1 },
  readinessProbe: { httpGet: { path: '/ready', port: 'admin' }, successThreshold: 2 },
  // successThreshold 0 is defaulted to 1.
  livenessProbe: { exec: { command: ['pilot-agent', 'ready'] }, successThreshold: 0 },
  lifecycle: { postStart: { exec: { command: ['/bin/true'] } }, preStop: { httpGet: { path: '/quit', port: 15000, scheme: 'HTTP' } } },
  resources: { requests: { cpu: '100m', memory: '64Mi' } },
};
const plainInit = { name: 'setup', image: 'busybox:1.36', command: ['sh', '-c', 'echo ready'] };

const cases: PodSpecCase[] = [
  {
    name: 'no container restart fields',
    spec: { initContainers: [plainInit], containers: [app] },
    acceptedOn: minorsFrom(27),
  },
  {
    name: 'a sidecar with probes and hooks before a plain init container',
    spec: { initContainers: [sidecar, plainInit], containers: [app] },
    acceptedOn: [...minorsFrom(29), { kubernetesVersion: '1.28', featureGates: { SidecarContainers: true } }],
  },
  {
    name: 'restartPolicy: null everywhere (no policy at all)',
    spec: { initContainers: [{ ...plainInit, restartPolicy: null }], containers: [{ ...app, restartPolicy: null }] },
    acceptedOn: minorsFrom(28),
  },
  {
    name: 'container restart policies and rules (KEP-5307)',
    spec: {
      initContainers: [{ ...plainInit, restartPolicy: 'OnFailure', restartPolicyRules: [{ action: 'Restart', exitCodes: { operator: 'In', values: [42] } }] }],
      containers: [{ ...app, restartPolicy: 'Never', restartPolicyRules: [{ action: 'Restart', exitCodes: { operator: 'NotIn', values: [0] } }] }],
    },
    acceptedOn: [...minorsFrom(35), { kubernetesVersion: '1.34', featureGates: { ContainerRestartRules: true } }],
  },
  {
    name: 'a sidecar with restart rules and RestartAllContainers (KEP-5532)',
    spec: {
      initContainers: [{ ...sidecar, restartPolicyRules: [{ action: 'RestartAllContainers', exitCodes: { operator: 'In', values: [88] } }] }],
      containers: [app],
    },
    acceptedOn: ['1.36', { kubernetesVersion: '1.35', featureGates: { RestartAllContainersOnContainerExits: true } }],
  },
  {
    name: 'resizePolicy on a sidecar, a plain init container and an app container',
    spec: {
      initContainers: [
        { ...sidecar, resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'RestartContainer' }] },
        { ...plainInit, resizePolicy: [{ resourceName: 'memory', restartPolicy: 'NotRequired' }] },
      ],
      containers: [{ ...app, resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }] }],
    },
    acceptedOn: minorsFrom(33),
  },
];

/** Every built-in kind around a pod spec, with a pod restartPolicy the kind accepts. */
function wrappers(spec: Json): Array<{ kind: string; manifest: Json }> {
  const job = { ...spec, restartPolicy: 'Never' };
  const controller = { ...spec, restartPolicy: 'Always' };
  const template = (podSpec: Json) => ({ metadata: { labels: { app: 'web' } }, spec: podSpec });
  const selector = { matchLabels: { app: 'web' } };
  const meta = { name: 'web' };
  return [
    { kind: 'Pod', manifest: { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec: { ...spec, restartPolicy: 'OnFailure' } } },
    { kind: 'PodTemplate', manifest: { apiVersion: 'v1', kind: 'PodTemplate', metadata: meta, template: template(spec) } },
    { kind: 'ReplicationController', manifest: { apiVersion: 'v1', kind: 'ReplicationController', metadata: meta, spec: { selector: { app: 'web' }, template: template(spec) } } },
    { kind: 'Deployment', manifest: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta, spec: { selector, template: template(controller) } } },
    { kind: 'ReplicaSet', manifest: { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: meta, spec: { selector, template: template(spec) } } },
    { kind: 'StatefulSet', manifest: { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: meta, spec: { serviceName: 'web', selector, template: template(controller) } } },
    { kind: 'DaemonSet', manifest: { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: meta, spec: { selector, template: template(spec) } } },
    {
      kind: 'Job',
      manifest: {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: meta,
        spec: { backoffLimit: 2, podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { containerName: 'app', operator: 'In', values: [42] } }] }, template: template(job) },
      },
    },
    {
      kind: 'CronJob',
      manifest: { apiVersion: 'batch/v1', kind: 'CronJob', metadata: meta, spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: template({ ...spec, restartPolicy: 'OnFailure' }) } } } },
    },
  ];
}

function label(spec: TargetSpec): string {
  return typeof spec === 'string' ? spec : `${spec.kubernetesVersion} ${JSON.stringify(spec.featureGates ?? {})}`;
}

describe('no error for what the API server accepts unchanged', () => {
  for (const c of cases) {
    describe(c.name, () => {
      const documents = wrappers(c.spec);
      const text = documents.map(({ manifest }) => stringify(manifest)).join('---\n');
      const list = stringify({ apiVersion: 'v1', kind: 'List', items: documents.map(({ manifest }) => manifest) });
      for (const accepted of c.acceptedOn) {
        for (const fieldValidation of ['strict', 'warn'] as const) {
          const target = typeof accepted === 'string' ? { kubernetesVersion: accepted, fieldValidation } : { ...accepted, fieldValidation };
          it(`${label(accepted)}, ${fieldValidation}: every kind, alone and in a List`, () => {
            const errors = [...lint(text, target), ...lint(list, target)].filter((finding) => finding.severity === 'error');
            expect(errors.map((finding) => `${finding.resource?.kind} ${finding.ruleId} ${finding.path}: ${finding.message}`)).toEqual([]);
          });
        }
      }
    });
  }

  it('covers every minor of the table', () => {
    const covered = new Set(cases.flatMap((c) => c.acceptedOn.map((spec) => (typeof spec === 'string' ? spec : spec.kubernetesVersion))));
    expect([...covered].sort()).toEqual([...allMinors]);
  });
});
