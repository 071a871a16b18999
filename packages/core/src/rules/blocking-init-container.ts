import { containerLabel, defineRule } from '../rule.js';
import { sidecarsEverywhere } from './shared.js';
import { neverExitsReason } from './runtime-shared.js';

export const blockingInitContainer = defineRule({
  id: 'blocking-init-container',
  defaultSeverity: 'warning',
  category: 'runtime',
  description: 'A plain init container that never exits',
  rationale:
    'A plain init container (no restartPolicy: Always after the API server\'s drops) must exit before the next one starts, and the app containers start only after the last one. One that declares ports, runs a server, sleep infinity or tail -f, or is a known proxy or agent never exits, so the pod stays in Init forever. It was probably meant to be a native sidecar. A restartPolicy: Always that the API server drops is reported by restart-policy-dropped instead.',
  howToFix: 'Add restartPolicy: Always to make it a native sidecar where every targeted version supports it, or move it to containers.',
  fixable: 'suggestion',
  example: {
    bad: 'initContainers:\n  - name: proxy\n    image: envoyproxy/envoy:v1.31\ncontainers:\n  - name: app\n    image: example/app:1',
    good: 'initContainers:\n  - name: proxy\n    image: envoyproxy/envoy:v1.31\n    restartPolicy: Always\ncontainers:\n  - name: app\n    image: example/app:1',
  },
  check({ view, target, fixes, report }) {
    for (const container of view.byList.initContainers) {
      if (container.role !== 'init') continue;
      const written = container.spec['restartPolicy'];
      // A lost Always (dropped, unknown in 1.27, wrong case) is another rule's error; do not say it twice.
      if (typeof written === 'string' && written.trim().toLowerCase() === 'always') continue;
      const reason = neverExitsReason(container.spec);
      if (reason === null) continue;
      const suggestion = !container.declared.restartPolicy && sidecarsEverywhere(target.minors)
        ? fixes.addField(container.path, 'restartPolicy', 'Always', `Add restartPolicy: Always to make ${containerLabel(container)} a native sidecar.`)
        : undefined;
      report({
        path: container.path,
        span: 'missing',
        message: `init container ${containerLabel(container)} never exits (${reason}), so the pod stays in Init and its app containers never start.`,
        ...(suggestion ? { suggestions: [suggestion] } : {}),
      });
    }
  },
});
