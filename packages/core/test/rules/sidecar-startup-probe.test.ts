import { ruleTable, yaml } from '../helpers.js';

const pod = (...init: string[]) =>
  yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  initContainers:', ...init, '  containers:', '    - name: app', '      image: example/app:1');

const proxy = ['    - name: proxy', '      image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11', '      restartPolicy: Always'];

ruleTable('sidecar-startup-probe', {
  valid: [
    { name: 'a proxy sidecar with a startupProbe', text: pod(...proxy, '      startupProbe:', '        tcpSocket:', '          port: 5432') },
    { name: 'a proxy sidecar whose postStart hook waits for it', text: pod(...proxy, '      lifecycle:', '        postStart:', '          exec:', '            command: ["/wait-ready"]') },
    { name: 'a log shipper nothing waits for', text: pod('    - name: logs', '      image: fluent/fluent-bit:3.1', '      restartPolicy: Always') },
    { name: 'an unknown sidecar without ports', text: pod('    - name: helper', '      image: example/helper:1', '      restartPolicy: Always') },
    { name: 'a plain init container (not a sidecar on 1.28)', text: pod(...proxy), target: '1.28' },
  ],
  invalid: [
    {
      name: 'a database proxy before the app',
      text: pod(...proxy),
      findings: [
        {
          severity: 'warning',
          path: 'spec.initContainers[0].startupProbe',
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 18,
          message: 'Sidecar "proxy" has no startupProbe, so "app" starts as soon as its process exists, possibly before it is ready.',
          versions: ['1.31', '1.32', '1.33', '1.34', '1.35'],
        },
      ],
    },
    {
      name: 'a sidecar with ports followed by an init container, partly dropped over 1.28-1.29',
      text: pod(
        '    - name: cache',
        '      image: example/cache:1',
        '      restartPolicy: Always',
        '      ports:',
        '        - containerPort: 11211',
        '    - name: warm',
        '      image: example/warm:1',
      ),
      target: '1.28-1.29',
      findings: [
        {
          severity: 'warning',
          path: 'spec.initContainers[0].startupProbe',
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 18,
          message: 'On 1.29: sidecar "cache" has no startupProbe, so "warm" starts as soon as its process exists, possibly before it is ready.',
          versions: ['1.29'],
        },
      ],
    },
  ],
});
