import { ruleTable, yaml, type ExpectedFinding } from '../helpers.js';

const id = 'sidecar-probe-fields';

/** A Pod whose sidecar "proxy" has the given lines after its restartPolicy (from line 10). */
function pod(...extra: string[]): string {
  return yaml(
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: web',
    'spec:',
    '  initContainers:',
    '    - name: proxy',
    '      image: envoyproxy/envoy:v1.31',
    '      restartPolicy: Always',
    ...extra,
    '  containers:',
    '    - name: app',
    '      image: example/app:1',
  );
}

const base = 'spec.initContainers[0]';

/** One finding on 1.31 at a path and span, with the API server's detail. */
function at(path: string, line: number, column: number, endColumn: number, ...details: string[]): ExpectedFinding {
  return {
    severity: 'error',
    path: `${base}.${path}`,
    line,
    column,
    endLine: line,
    endColumn,
    message: details.map((detail) => `Rejected on 1.31: ${detail}`).join(' '),
    versions: ['1.31'],
  };
}

ruleTable(id, {
  valid: [
    {
      name: 'valid probes and hooks (1.29-1.36), with values the API server defaults: successThreshold 0, an empty scheme',
      target: '1.29-1.36',
      text: pod(
        '      startupProbe:',
        '        httpGet: {path: /ready, port: admin-http, scheme: ""}',
        '        successThreshold: 0',
        '        failureThreshold: 30',
        '      livenessProbe: {tcpSocket: {port: 15000}, successThreshold: 1, terminationGracePeriodSeconds: 5}',
        '      readinessProbe: {grpc: {port: 15021}, successThreshold: 3}',
        '      lifecycle:',
        '        postStart: {exec: {command: [/bin/true]}}',
        '        preStop: {httpGet: {port: 15000, scheme: HTTPS}}',
      ),
    },
    {
      name: 'a plain init container is init-container-probes\' business',
      target: '1.31',
      text: yaml('apiVersion: v1', 'kind: Pod', 'metadata: {name: web}', 'spec:', '  initContainers:', '    - {name: setup, image: "busybox:1.36", livenessProbe: {}}', '  containers: [{name: app, image: "app:1"}]'),
    },
    { name: 'on 1.28 default the Always is dropped: not a sidecar', target: '1.28', text: pod('      livenessProbe: {exec: {command: [true]}, successThreshold: 2}') },
  ],
  invalid: [
    {
      name: 'liveness successThreshold must be 1',
      target: '1.31',
      text: pod('      livenessProbe: {exec: {command: [true]}, successThreshold: 2}'),
      findings: [at('livenessProbe.successThreshold', 10, 66, 67, 'Invalid value: 2: must be 1.')],
    },
    {
      name: 'negative startup successThreshold: both the non-negative check and must be 1, one finding',
      target: '1.31',
      text: pod('      startupProbe: {exec: {command: [true]}, successThreshold: -1}'),
      findings: [
        at('startupProbe.successThreshold', 10, 65, 67, 'Invalid value: -1: must be greater than or equal to 0.', 'Invalid value: -1: must be 1.'),
      ],
    },
    {
      name: 'readiness terminationGracePeriodSeconds must not be set; zero is also not greater than 0',
      target: '1.31',
      text: pod(
        '      readinessProbe:',
        '        tcpSocket: {port: 8080}',
        '        terminationGracePeriodSeconds: 0',
        '      livenessProbe:',
        '        tcpSocket: {port: 8080}',
        '        terminationGracePeriodSeconds: 10',
      ),
      findings: [
        at('readinessProbe.terminationGracePeriodSeconds', 12, 40, 41, 'Invalid value: 0: must be greater than 0.', 'Invalid value: 0: must not be set for readinessProbes.'),
      ],
    },
    {
      name: 'a probe without a handler: Required at the probe key; two handlers: Forbidden at the second',
      target: '1.31',
      text: pod('      readinessProbe: {}', '      livenessProbe:', '        exec: {command: [true]}', '        httpGet: {port: 80}'),
      findings: [
        at('readinessProbe', 10, 7, 21, 'Required value: must specify a handler type.'),
        at('livenessProbe.httpGet', 13, 9, 28, 'Forbidden: may not specify more than 1 handler type.'),
      ],
    },
    {
      name: 'exec without a command, httpGet without a port (missing: the enclosing key)',
      target: '1.31',
      text: pod('      livenessProbe:', '        exec: {}', '      readinessProbe:', '        httpGet: {path: /ready}'),
      findings: [
        at('livenessProbe.exec.command', 11, 9, 13, 'Required value.'),
        at('readinessProbe.httpGet.port', 13, 9, 16, 'Invalid value: 0: must be between 1 and 65535, inclusive.'),
      ],
    },
    {
      name: 'port numbers and names, scheme case',
      target: '1.31',
      text: pod(
        '      startupProbe: {tcpSocket: {port: 70000}}',
        '      readinessProbe: {httpGet: {port: HTTP, scheme: http}}',
      ),
      findings: [
        at('startupProbe.tcpSocket.port', 10, 40, 45, 'Invalid value: 70000: must be between 1 and 65535, inclusive.'),
        at(
          'readinessProbe.httpGet.port',
          11,
          40,
          44,
          'Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-).',
          'Invalid value: "HTTP": must contain at least one letter (a-z).',
        ),
        at('readinessProbe.httpGet.scheme', 11, 54, 58, 'Unsupported value: "http": supported values: "HTTP", "HTTPS".'),
      ],
    },
    {
      name: 'a lifecycle hook without a handler',
      target: '1.31',
      text: pod('      lifecycle:', '        preStop: {}'),
      findings: [at('lifecycle.preStop', 11, 9, 16, 'Required value: must specify a handler type.')],
    },
    {
      name: 'in a Deployment over 1.29-1.36 (1.28 left out: no sidecar there by default)',
      target: '1.28-1.36',
      text: yaml(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: web}',
        'spec:',
        '  template:',
        '    spec:',
        '      initContainers:',
        '        - name: proxy',
        '          image: envoyproxy/envoy:v1.31',
        '          restartPolicy: Always',
        '          startupProbe: {httpGet: {port: 0}}',
        '      containers: [{name: app, image: "app:1"}]',
      ),
      findings: [
        {
          severity: 'error',
          path: 'spec.template.spec.initContainers[0].startupProbe.httpGet.port',
          line: 11,
          column: 42,
          endLine: 11,
          endColumn: 43,
          message: 'Rejected on 1.29-1.36: Invalid value: 0: must be between 1 and 65535, inclusive.',
          versions: ['1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36'],
        },
      ],
    },
  ],
});
