import { ruleTable, yaml } from '../helpers.js';

const pod = (...init: string[]) =>
  yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  initContainers:', ...init, '  containers:', '    - name: app', '      image: example/app:1');

ruleTable('one-shot-sidecar', {
  valid: [
    { name: 'a one-shot plain init container', text: pod('    - name: migrate', '      image: example/app:1', '      command: ["python", "manage.py", "migrate"]') },
    { name: 'a long-running sidecar', text: pod('    - name: logs', '      image: alpine:3.20', '      command: ["tail", "-f", "/var/log/app.log"]', '      restartPolicy: Always') },
    { name: 'a copy followed by sleep infinity keeps running', text: pod('    - name: seed', '      image: busybox:1.36', '      command: ["sh", "-c", "cp /seed/* /data && sleep infinity"]', '      restartPolicy: Always') },
  ],
  invalid: [
    {
      name: 'a migration marked Always',
      text: pod('    - name: migrate', '      image: example/app:1', '      command: ["python", "manage.py", "migrate"]', '      restartPolicy: Always'),
      findings: [
        {
          severity: 'warning',
          path: 'spec.initContainers[0].restartPolicy',
          line: 10,
          column: 7,
          endLine: 10,
          endColumn: 28,
          message:
            'Sidecar "migrate" runs a database migration, which completes: it is restarted every time it exits, and the containers after it start without waiting for it to finish.',
          versions: ['1.31', '1.32', '1.33', '1.34', '1.35'],
        },
      ],
    },
    {
      name: 'a chmod marked Always is a sidecar only where the gate keeps Always (not on 1.28)',
      text: pod('    - name: perms', '      image: busybox:1.36', '      command: ["chmod", "0600", "/data/key"]', '      restartPolicy: Always'),
      target: '1.28-1.29',
      findings: [
        {
          severity: 'warning',
          path: 'spec.initContainers[0].restartPolicy',
          line: 10,
          column: 7,
          endLine: 10,
          endColumn: 28,
          message:
            'On 1.29: sidecar "perms" runs a single file operation (cp, mv, chmod, mkdir, ...), which completes: it is restarted every time it exits, and the containers after it start without waiting for it to finish.',
          versions: ['1.29'],
        },
      ],
    },
  ],
});
