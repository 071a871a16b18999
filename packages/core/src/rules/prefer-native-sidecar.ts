import { containerLabel, defineRule } from '../rule.js';
import type { PodSpecSite } from '../discovery.js';
import { knownLongRunningImage, oneShotCommand } from '../heuristics.js';
import { sidecarsEverywhere } from './shared.js';

/**
 * Workloads whose pods run until they are replaced. Jobs are legacy-sidecar-in-job's; a bare Pod
 * or PodTemplate counts when its restartPolicy is Always; other kinds are too varied to tell.
 */
function longRunning(site: PodSpecSite): boolean {
  if (site.workload === 'controller') return true;
  if (site.workload !== 'pod' && site.workload !== 'template') return false;
  const policy = site.spec['restartPolicy'];
  return policy === undefined || policy === null || policy === '' || policy === 'Always';
}

export const preferNativeSidecar = defineRule({
  id: 'prefer-native-sidecar',
  defaultSeverity: 'info',
  category: 'advice',
  description: 'A known proxy or agent in the containers of a long-running workload where native sidecars are available',
  rationale:
    'A proxy or agent among the app containers starts at the same time as the app and may be stopped before it, so the app\'s first and last requests fail or go unlogged. As a native sidecar (an init container with restartPolicy: Always) it starts before the app containers, is restarted if it exits, and is stopped after them. Reported where every targeted version runs native sidecars; meshes can inject them that way (Istio ENABLE_NATIVE_SIDECARS, Linkerd 2.20+).',
  howToFix: 'Move the container into initContainers with restartPolicy: Always, or switch the injector to native sidecars.',
  fixable: 'suggestion',
  example: {
    bad: 'containers:\n  - name: app\n    image: example/app:1\n  - name: otel\n    image: otel/opentelemetry-collector-contrib:0.110.0',
    good: 'initContainers:\n  - name: otel\n    image: otel/opentelemetry-collector-contrib:0.110.0\n    restartPolicy: Always\ncontainers:\n  - name: app\n    image: example/app:1',
  },
  check({ site, view, target, fixes, report }) {
    if (!longRunning(site) || !sidecarsEverywhere(target.minors)) return;
    const helpers = view.byList.containers.map((container) => ({ container, image: oneShotCommand(container.spec) ? null : knownLongRunningImage(container.spec) }));
    const app = helpers.find(({ image }) => image === null)?.container;
    // A pod of proxies only (an ingress gateway) has no app to put them beside.
    if (!app) return;
    for (const { container, image } of helpers) {
      // A container restartPolicy is restart-policy-app-container's to report and move.
      if (!image || container.declared.restartPolicy) continue;
      const move = fixes.moveToInitContainers(site.specPath, container.index, `Move container ${containerLabel(container)} into initContainers with restartPolicy: Always.`);
      report({
        path: container.path,
        span: 'missing',
        message: `container ${containerLabel(container)} (${image.name}) runs beside ${containerLabel(app)} as an ordinary container; as a native sidecar it would start before the app containers and stop after them.`,
        ...(move ? { suggestions: [move] } : {}),
      });
    }
  },
});
