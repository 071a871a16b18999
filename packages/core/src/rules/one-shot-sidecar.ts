import { containerLabel, defineRule } from '../rule.js';
import { oneShotCommand } from '../heuristics.js';

export const oneShotSidecar = defineRule({
  id: 'one-shot-sidecar',
  defaultSeverity: 'warning',
  category: 'runtime',
  description: 'restartPolicy: Always on an init container whose command runs to completion',
  rationale:
    'A sidecar is restarted every time it exits, whatever the pod restartPolicy, until the app containers have finished. An init container whose command completes (a copy, a chmod, a download, a migration) marked Always is therefore run again and again, and the containers after it start as soon as it has started, not once it has finished: the work it was meant to finish first races them.',
  howToFix: 'Remove restartPolicy: Always so the container runs once before the next one starts.',
  fixable: null,
  example: {
    bad: 'initContainers:\n  - name: migrate\n    image: example/app:1\n    command: ["python", "manage.py", "migrate"]\n    restartPolicy: Always',
    good: 'initContainers:\n  - name: migrate\n    image: example/app:1\n    command: ["python", "manage.py", "migrate"]',
  },
  check({ view, report }) {
    for (const container of view.byList.initContainers) {
      if (container.role !== 'sidecar') continue;
      const command = oneShotCommand(container.spec);
      if (!command) continue;
      report({
        path: [...container.path, 'restartPolicy'],
        span: 'entry',
        message: `sidecar ${containerLabel(container)} runs ${command.name}, which completes: it is restarted every time it exits, and the containers after it start without waiting for it to finish.`,
      });
    }
  },
});
