import { ruleTable, yaml } from '../helpers.js';

const deployment = (...containers: string[]) =>
  yaml(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: app',
    '          image: example/app:1',
    ...containers,
  );

const otel = ['        - name: otel', '          image: otel/opentelemetry-collector-contrib:0.110.0'];
const recent = ['1.31', '1.32', '1.33', '1.34', '1.35'];

ruleTable('prefer-native-sidecar', {
  valid: [
    { name: 'an app container only', text: deployment() },
    { name: 'not where a targeted minor (1.28) lacks native sidecars', text: deployment(...otel), target: '1.28-1.31' },
    { name: 'a container with its own restartPolicy (restart-policy-app-container owns it)', text: deployment(...otel, '          restartPolicy: Always') },
    {
      name: 'a gateway: a proxy with no app beside it',
      text: yaml(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: gateway',
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        '        - name: istio-proxy',
        '          image: docker.io/istio/proxyv2:1.22.0',
      ),
    },
    {
      name: 'a Job (legacy-sidecar-in-job owns it)',
      text: yaml(
        'apiVersion: batch/v1',
        'kind: Job',
        'metadata:',
        '  name: report',
        'spec:',
        '  template:',
        '    spec:',
        '      restartPolicy: Never',
        '      containers:',
        '        - name: app',
        '          image: example/app:1',
        ...otel,
      ),
    },
    {
      name: 'a bare Pod that runs to completion',
      text: yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: once', 'spec:', '  restartPolicy: Never', '  containers:', '    - name: app', '      image: example/app:1', '    - name: otel', '      image: otel/opentelemetry-collector-contrib:0.110.0'),
    },
  ],
  invalid: [
    {
      name: 'an OpenTelemetry Collector beside the app: suggestion moves it into initContainers',
      text: deployment(...otel),
      findings: [
        {
          severity: 'info',
          path: 'spec.template.spec.containers[1]',
          line: 11,
          column: 11,
          endLine: 11,
          endColumn: 21,
          message:
            'Container "otel" (OpenTelemetry Collector) runs beside "app" as an ordinary container; as a native sidecar it would start before the app containers and stop after them.',
          versions: recent,
          suggestions: [
            {
              description: 'Move container "otel" into initContainers with restartPolicy: Always.',
              output: yaml(
                'apiVersion: apps/v1',
                'kind: Deployment',
                'metadata:',
                '  name: web',
                'spec:',
                '  template:',
                '    spec:',
                '      initContainers:',
                '        - name: otel',
                '          restartPolicy: Always',
                '          image: otel/opentelemetry-collector-contrib:0.110.0',
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
      name: 'a legacy Istio proxy in a Pod that already has init containers',
      text: yaml(
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: web',
        'spec:',
        '  initContainers:',
        '    - name: istio-init',
        '      image: docker.io/istio/proxyv2:1.22.0',
        '      args: ["istio-iptables"]',
        '  containers:',
        '    - name: app',
        '      image: example/app:1',
        '    - name: istio-proxy',
        '      image: docker.io/istio/proxyv2:1.22.0',
        '      args: ["proxy", "sidecar"]',
      ),
      target: '1.34',
      findings: [
        {
          severity: 'info',
          path: 'spec.containers[1]',
          line: 13,
          column: 7,
          endLine: 13,
          endColumn: 24,
          message:
            'Container "istio-proxy" (Istio proxy (istio-proxy)) runs beside "app" as an ordinary container; as a native sidecar it would start before the app containers and stop after them.',
          versions: ['1.34'],
          suggestions: [
            {
              description: 'Move container "istio-proxy" into initContainers with restartPolicy: Always.',
              output: yaml(
                'apiVersion: v1',
                'kind: Pod',
                'metadata:',
                '  name: web',
                'spec:',
                '  initContainers:',
                '    - name: istio-init',
                '      image: docker.io/istio/proxyv2:1.22.0',
                '      args: ["istio-iptables"]',
                '    - name: istio-proxy',
                '      restartPolicy: Always',
                '      image: docker.io/istio/proxyv2:1.22.0',
                '      args: ["proxy", "sidecar"]',
                '  containers:',
                '    - name: app',
                '      image: example/app:1',
              ),
            },
          ],
        },
      ],
    },
  ],
});
