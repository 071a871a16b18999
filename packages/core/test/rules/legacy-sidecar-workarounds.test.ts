import { ruleTable, yaml } from '../helpers.js';

const deployment = (annotations: string[], ...containers: string[]) =>
  yaml(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  template:',
    '    metadata:',
    '      annotations:',
    ...annotations,
    '    spec:',
    '      containers:',
    '        - name: app',
    '          image: example/app:1',
    ...containers,
  );

const hold = ['        proxy.istio.io/config: |', '          holdApplicationUntilProxyStarts: true'];
const why = 'native sidecars, which every targeted version runs, start before the app containers and stop after them.';

ruleTable('legacy-sidecar-workarounds', {
  valid: [
    { name: 'holdApplicationUntilProxyStarts: false is no workaround', text: deployment(['        proxy.istio.io/config: |', '          holdApplicationUntilProxyStarts: false']) },
    { name: 'not where a targeted minor (1.28) lacks native sidecars', text: deployment(hold), target: '1.28-1.31' },
    { name: 'other annotations', text: deployment(['        sidecar.istio.io/nativeSidecar: "true"']) },
  ],
  invalid: [
    {
      name: 'Istio holdApplicationUntilProxyStarts in the pod template annotations',
      text: deployment(hold),
      findings: [
        {
          severity: 'info',
          path: 'spec.template.metadata.annotations[proxy.istio.io/config]',
          line: 9,
          column: 9,
          endLine: 10,
          endColumn: 48,
          message: `Annotation "proxy.istio.io/config" is a legacy sidecar workaround (Istio holdApplicationUntilProxyStarts); ${why}`,
          versions: ['1.31', '1.32', '1.33', '1.34', '1.35'],
        },
      ],
    },
    {
      name: 'a /quitquitquit call and a linkerd-await wrapper in a Job',
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
        '        - name: main',
        '          image: example/report:1',
        '          command: ["/bin/sh", "-c", "report; curl -fsS -X POST http://localhost:15020/quitquitquit"]',
        '        - name: other',
        '          image: example/other:1',
        '          command:',
        '            - linkerd-await',
        '            - --shutdown',
        '            - --',
        '            - /other',
      ),
      target: '1.33',
      findings: [
        {
          severity: 'info',
          path: 'spec.template.spec.containers[0].command[2]',
          line: 12,
          column: 38,
          endLine: 12,
          endColumn: 101,
          message: `Container "main" uses a legacy sidecar workaround (/quitquitquit call (Istio pilot-agent 15020, Envoy admin, Cloud SQL Auth Proxy admin port)); ${why}`,
          versions: ['1.33'],
        },
        {
          severity: 'info',
          path: 'spec.template.spec.containers[1].command[0]',
          line: 16,
          column: 15,
          endLine: 16,
          endColumn: 28,
          message: `Container "other" uses a legacy sidecar workaround (linkerd-await wrapper); ${why}`,
          versions: ['1.33'],
        },
      ],
    },
  ],
});
