import { ruleTable, yaml } from '../helpers.js';

const pod = (...init: string[]) =>
  yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  initContainers:', ...init, '  containers:', '    - name: app', '      image: example/app:1');

const envoy = ['    - name: proxy', '      image: envoyproxy/envoy:v1.31.0'];
const recent = ['1.31', '1.32', '1.33', '1.34', '1.35'];
const envoyMessage = 'Init container "proxy" never exits (its image is Envoy), so the pod stays in Init and its app containers never start.';

ruleTable('blocking-init-container', {
  valid: [
    { name: 'a one-shot init container', text: pod('    - name: perms', '      image: busybox:1.36', '      command: ["chmod", "0600", "/data/key"]') },
    { name: 'a native sidecar', text: pod(...envoy, '      restartPolicy: Always') },
    {
      name: 'istio-init: the proxy image running istio-iptables (one-shot wins)',
      text: pod('    - name: istio-init', '      image: docker.io/istio/proxyv2:1.22.0', '      args: ["istio-iptables", "-p", "15001"]'),
    },
    {
      name: 'a known image with its entrypoint replaced by a setup command',
      text: pod('    - name: linkerd-network-validator', '      image: cr.l5d.io/linkerd/proxy:stable-2.14', '      command: ["/usr/lib/linkerd/linkerd2-network-validator"]'),
    },
    { name: 'a dropped Always on 1.28 is restart-policy-dropped\'s error, not reported twice', text: pod(...envoy, '      restartPolicy: Always'), target: '1.28' },
    { name: 'an Always unknown to 1.27 is not reported twice', text: pod(...envoy, '      restartPolicy: Always'), target: '1.27' },
    { name: 'a loop that may break out is not evidence', text: pod('    - name: wait-db', '      image: busybox:1.36', '      command: ["sh", "-c", "until nc -z db 5432; do sleep 2; done"]') },
  ],
  invalid: [
    {
      name: 'a known proxy image as a plain init container: suggestion adds restartPolicy: Always',
      text: pod(...envoy),
      findings: [
        {
          severity: 'warning',
          path: 'spec.initContainers[0]',
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 18,
          message: envoyMessage,
          versions: recent,
          suggestions: [
            {
              description: 'Add restartPolicy: Always to make "proxy" a native sidecar.',
              output: pod('    - name: proxy', '      restartPolicy: Always', '      image: envoyproxy/envoy:v1.31.0'),
            },
          ],
        },
      ],
    },
    {
      name: 'no suggestion where 1.28 (gate off) is targeted',
      text: pod(...envoy),
      target: '1.28-1.29',
      findings: [{ severity: 'warning', path: 'spec.initContainers[0]', line: 7, column: 7, endLine: 7, endColumn: 18, message: envoyMessage, versions: ['1.28', '1.29'] }],
    },
    {
      name: 'sleep infinity in a Deployment template',
      text: yaml(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: web',
        'spec:',
        '  template:',
        '    spec:',
        '      initContainers:',
        '        - name: hold',
        '          image: busybox:1.36',
        '          command: ["sleep", "infinity"]',
        '      containers:',
        '        - name: app',
        '          image: example/app:1',
      ),
      target: '1.33',
      findings: [
        {
          severity: 'warning',
          path: 'spec.template.spec.initContainers[0]',
          line: 9,
          column: 11,
          endLine: 9,
          endColumn: 21,
          message: 'Init container "hold" never exits (it runs sleep infinity), so the pod stays in Init and its app containers never start.',
          versions: ['1.33'],
          suggestions: [
            {
              description: 'Add restartPolicy: Always to make "hold" a native sidecar.',
              output: yaml(
                'apiVersion: apps/v1',
                'kind: Deployment',
                'metadata:',
                '  name: web',
                'spec:',
                '  template:',
                '    spec:',
                '      initContainers:',
                '        - name: hold',
                '          restartPolicy: Always',
                '          image: busybox:1.36',
                '          command: ["sleep", "infinity"]',
                '      containers:',
                '        - name: app',
                '          image: example/app:1',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'declared ports; and an endless sleep loop with its own OnFailure policy on 1.35 (no suggestion: it declares restartPolicy)',
      text: pod(
        '    - name: server',
        '      image: example/server:1',
        '      ports:',
        '        - containerPort: 8080',
        '    - name: keepalive',
        '      image: busybox:1.36',
        '      command: ["sh", "-c", "while true; do sleep 30; done"]',
        '      restartPolicy: OnFailure',
      ),
      target: '1.35',
      findings: [
        {
          severity: 'warning',
          path: 'spec.initContainers[0]',
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 19,
          message: 'Init container "server" never exits (it declares ports), so the pod stays in Init and its app containers never start.',
          versions: ['1.35'],
          suggestions: [
            {
              description: 'Add restartPolicy: Always to make "server" a native sidecar.',
              output: pod(
                '    - name: server',
                '      restartPolicy: Always',
                '      image: example/server:1',
                '      ports:',
                '        - containerPort: 8080',
                '    - name: keepalive',
                '      image: busybox:1.36',
                '      command: ["sh", "-c", "while true; do sleep 30; done"]',
                '      restartPolicy: OnFailure',
              ),
            },
          ],
        },
        {
          severity: 'warning',
          path: 'spec.initContainers[1]',
          line: 11,
          column: 7,
          endLine: 11,
          endColumn: 22,
          message: 'Init container "keepalive" never exits (it runs an endless sleep loop), so the pod stays in Init and its app containers never start.',
          versions: ['1.35'],
        },
      ],
    },
  ],
});
