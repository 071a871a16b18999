import { containerLabel, defineRule } from '../rule.js';
import { isObject } from '../discovery.js';
import { providesService } from './runtime-shared.js';

export const sidecarStartupProbe = defineRule({
  id: 'sidecar-startup-probe',
  defaultSeverity: 'warning',
  category: 'runtime',
  description: 'A proxy or agent sidecar without startupProbe that other containers start after',
  rationale:
    'The kubelet starts the next init container, and finally the app containers, as soon as a sidecar has started: its startupProbe has succeeded, or, without one, its process exists (and its postStart hook, if any, has returned). A proxy, agent or server that is not listening yet then meets the first connections of the containers after it, the startup race native sidecars are meant to end (kserve/kserve#3646). Only sidecars that others plausibly depend on are reported: known proxies and agents, and sidecars that declare ports.',
  howToFix: 'Give the sidecar a startupProbe that succeeds once it serves (or a postStart hook that waits for it).',
  fixable: null,
  example: {
    bad: 'initContainers:\n  - name: proxy\n    image: envoyproxy/envoy:v1.31\n    restartPolicy: Always\ncontainers:\n  - name: app\n    image: example/app:1',
    good: 'initContainers:\n  - name: proxy\n    image: envoyproxy/envoy:v1.31\n    restartPolicy: Always\n    startupProbe:\n      tcpSocket:\n        port: 15001\ncontainers:\n  - name: app\n    image: example/app:1',
  },
  check({ view, report }) {
    const init = view.byList.initContainers;
    init.forEach((container, position) => {
      if (container.role !== 'sidecar' || !providesService(container.spec)) return;
      if (isObject(container.spec['startupProbe'])) return;
      // A postStart hook gates the next container too (linkerd-await, pilot-agent wait).
      const lifecycle = container.spec['lifecycle'];
      if (isObject(lifecycle) && isObject(lifecycle['postStart'])) return;
      const next = init[position + 1] ?? view.byList.containers[0];
      if (!next) return;
      report({
        path: [...container.path, 'startupProbe'],
        span: 'missing',
        message: `sidecar ${containerLabel(container)} has no startupProbe, so ${containerLabel(next)} starts as soon as its process exists, possibly before it is ready.`,
      });
    });
  },
});
