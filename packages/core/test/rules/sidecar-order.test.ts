import { ruleTable, yaml } from '../helpers.js';

const pod = (...init: string[]) =>
  yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  initContainers:', ...init, '  containers:', '    - name: app', '      image: example/app:1');

const sqlProxy = ['    - name: cloud-sql-proxy', '      image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11', '      restartPolicy: Always'];
const istio = ['    - name: istio-proxy', '      image: docker.io/istio/proxyv2:1.22.0', '      args: ["proxy", "sidecar"]', '      restartPolicy: Always'];
const migrateLocal = ['    - name: migrate', '      image: example/migrate:1', '      command: ["migrate", "-database", "postgres://localhost:5432/app", "up"]'];

ruleTable('sidecar-order', {
  valid: [
    { name: 'the proxy listed first', text: pod(...sqlProxy, ...migrateLocal) },
    { name: 'istio-init before the proxy it prepares (its args name 127.0.0.1)', text: pod('    - name: istio-init', '      image: docker.io/istio/proxyv2:1.22.0', '      args: ["istio-iptables", "-x", "127.0.0.1/32"]', ...istio) },
    { name: 'a file operation before the proxy does not use the network', text: pod('    - name: perms', '      image: busybox:1.36', '      command: ["chmod", "0600", "/data/key"]', ...sqlProxy) },
    { name: 'a download before a database proxy does not go through it', text: pod('    - name: fetch', '      image: curlimages/curl:8.9.1', '      command: ["curl", "-o", "/data/model", "https://example.com/model"]', ...sqlProxy) },
    { name: 'no sidecar where 1.28 drops the proxy\'s Always', text: pod(...migrateLocal, ...sqlProxy), target: '1.28' },
  ],
  invalid: [
    {
      name: 'a migration to localhost before the Cloud SQL proxy',
      text: pod(...migrateLocal, ...sqlProxy),
      findings: [
        {
          severity: 'warning',
          path: 'spec.initContainers[0]',
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 20,
          message: 'Init container "migrate" runs before sidecar "cloud-sql-proxy" (Cloud SQL Auth Proxy) has started, so it cannot reach the network through it.',
          versions: ['1.31', '1.32', '1.33', '1.34', '1.35'],
        },
      ],
    },
    {
      name: 'a download and a DB_HOST=127.0.0.1 init container before the Istio proxy',
      text: pod(
        '    - name: fetch',
        '      image: curlimages/curl:8.9.1',
        '      command: ["curl", "-o", "/data/model", "https://example.com/model"]',
        '    - name: seed',
        '      image: example/seed:1',
        '      env:',
        '        - name: DB_HOST',
        '          value: 127.0.0.1',
        ...istio,
      ),
      target: '1.30',
      findings: [
        {
          severity: 'warning',
          path: 'spec.initContainers[0]',
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 18,
          message: 'Init container "fetch" runs before sidecar "istio-proxy" (Istio proxy (istio-proxy)) has started, so it cannot reach the network through it.',
          versions: ['1.30'],
        },
        {
          severity: 'warning',
          path: 'spec.initContainers[1]',
          line: 10,
          column: 7,
          endLine: 10,
          endColumn: 17,
          message: 'Init container "seed" runs before sidecar "istio-proxy" (Istio proxy (istio-proxy)) has started, so it cannot reach the network through it.',
          versions: ['1.30'],
        },
      ],
    },
  ],
});
