import { ruleTable, yaml } from '../helpers.js';

const id = 'init-container-probes';

/** A Pod whose init container "setup" has the given lines after its image (from line 9). */
function pod(name: string, image: string, ...extra: string[]): string {
  return yaml(
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: web',
    'spec:',
    '  initContainers:',
    `    - name: ${name}`,
    `      image: ${image}`,
    ...extra,
    '  containers:',
    '    - name: app',
    '      image: example/app:1',
  );
}

const probe = ['      readinessProbe:', '        httpGet: {path: /ready, port: 8080}'];
const withoutAlways = 'Forbidden: may not be set for init containers without restartPolicy=Always.';

ruleTable(id, {
  valid: [
    { name: 'a sidecar may have probes and lifecycle (1.29-1.36)', target: '1.29-1.36', text: pod('proxy', 'envoy:1', '      restartPolicy: Always', ...probe, '      lifecycle: {preStop: {sleep: {seconds: 5}}}') },
    { name: 'a sidecar on 1.28 with SidecarContainers on', target: { kubernetesVersion: '1.28', featureGates: { SidecarContainers: true } }, text: pod('proxy', 'envoy:1', '      restartPolicy: Always', ...probe) },
    { name: 'null probes are no probes (1.27-1.36)', target: '1.27-1.36', text: pod('setup', 'busybox:1.36', '      livenessProbe: null', '      lifecycle: ~') },
  ],
  invalid: [
    {
      name: '1.27 and 1.28: the message names restartPolicy=Always only once the field exists',
      target: '1.27-1.28',
      text: pod('setup', 'busybox:1.36', ...probe),
      findings: [
        {
          severity: 'error',
          path: 'spec.initContainers[0].readinessProbe',
          line: 9,
          column: 7,
          endLine: 10,
          endColumn: 44,
          message: `Rejected on 1.27: Forbidden: may not be set for init containers. Rejected on 1.28: ${withoutAlways}`,
          versions: ['1.27', '1.28'],
        },
      ],
    },
    {
      name: '1.28 default: the sidecar\'s Always is dropped first, so its probes are refused',
      target: '1.28',
      text: pod('proxy', 'envoy:1', '      restartPolicy: Always', '      startupProbe: {tcpSocket: {port: 15000}}'),
      findings: [
        {
          severity: 'error',
          path: 'spec.initContainers[0].startupProbe',
          line: 10,
          column: 7,
          endLine: 10,
          endColumn: 47,
          message: `Rejected on 1.28: ${withoutAlways}`,
          versions: ['1.28'],
        },
      ],
    },
    {
      name: '1.35: an OnFailure init container is not a sidecar; every field is its own finding, empty lifecycle included',
      target: '1.35-1.36',
      text: pod('setup', 'busybox:1.36', '      restartPolicy: OnFailure', '      lifecycle: {}', '      livenessProbe:', '        exec: {command: [cat, /tmp/ok]}'),
      findings: [
        {
          severity: 'error',
          path: 'spec.initContainers[0].lifecycle',
          line: 10,
          column: 7,
          endLine: 10,
          endColumn: 20,
          message: `Rejected on 1.35-1.36: ${withoutAlways}`,
          versions: ['1.35', '1.36'],
        },
        {
          severity: 'error',
          path: 'spec.initContainers[0].livenessProbe',
          line: 11,
          column: 7,
          endLine: 12,
          endColumn: 40,
          message: `Rejected on 1.35-1.36: ${withoutAlways}`,
          versions: ['1.35', '1.36'],
        },
      ],
    },
    {
      name: 'a long-running plain init container (it declares ports): suggestion adds restartPolicy: Always',
      target: '1.31-1.35',
      text: pod('proxy', 'example/proxy:1', '      ports: [{containerPort: 15000}]', ...probe),
      findings: [
        {
          severity: 'error',
          path: 'spec.initContainers[0].readinessProbe',
          line: 10,
          column: 7,
          endLine: 11,
          endColumn: 44,
          message: `Rejected on 1.31-1.35: ${withoutAlways}`,
          versions: ['1.31', '1.32', '1.33', '1.34', '1.35'],
          suggestions: [
            {
              description: 'Add restartPolicy: Always to make "proxy" a native sidecar.',
              output: pod('proxy', 'example/proxy:1', '      ports: [{containerPort: 15000}]', ...probe).replace(
                '    - name: proxy\n',
                '    - name: proxy\n      restartPolicy: Always\n',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'no suggestion where a targeted minor cannot run sidecars (1.28 default in the range)',
      target: '1.28-1.31',
      text: pod('proxy', 'example/proxy:1', '      ports: [{containerPort: 15000}]', ...probe),
      findings: [
        {
          severity: 'error',
          path: 'spec.initContainers[0].readinessProbe',
          line: 10,
          column: 7,
          endLine: 11,
          endColumn: 44,
          message: `Rejected on 1.28-1.31: ${withoutAlways}`,
          versions: ['1.28', '1.29', '1.30', '1.31'],
        },
      ],
    },
    {
      name: 'CRLF text: the suggestion keeps CRLF',
      target: '1.33',
      text: pod('proxy', 'example/proxy:1', '      ports: [{containerPort: 15000}]', ...probe).replace(/\n/g, '\r\n'),
      findings: [
        {
          severity: 'error',
          path: 'spec.initContainers[0].readinessProbe',
          line: 10,
          column: 7,
          endLine: 11,
          endColumn: 44,
          message: `Rejected on 1.33: ${withoutAlways}`,
          versions: ['1.33'],
          suggestions: [
            {
              description: 'Add restartPolicy: Always to make "proxy" a native sidecar.',
              output: pod('proxy', 'example/proxy:1', '      ports: [{containerPort: 15000}]', ...probe)
                .replace('    - name: proxy\n', '    - name: proxy\n      restartPolicy: Always\n')
                .replace(/\n/g, '\r\n'),
            },
          ],
        },
      ],
    },
  ],
});
