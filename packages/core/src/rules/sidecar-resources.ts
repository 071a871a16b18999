import { containerLabel, defineRule } from '../rule.js';
import { isObject, type JsonObject } from '../discovery.js';
import { effectiveRequest, formatCpu, formatMemory, parseQuantity } from '../resources.js';
import type { PodView } from '../view.js';

const resourceNames = ['cpu', 'memory'] as const;
type ResourceName = (typeof resourceNames)[number];

/** A container's request of one resource; the API server defaults a missing request to the limit. */
function requestOf(container: JsonObject, resource: ResourceName): number | null {
  const resources = isObject(container['resources']) ? container['resources'] : {};
  for (const field of ['requests', 'limits']) {
    const values = resources[field];
    if (isObject(values) && values[resource] !== undefined) return parseQuantity(values[resource]);
  }
  return null;
}

/** "cpu 800m and memory 256Mi", for the resources some container requests; null when none requests anything. */
function podRequestText(view: PodView): string | null {
  const parts: string[] = [];
  for (const resource of resourceNames) {
    const amount = (container: JsonObject) => requestOf(container, resource) ?? 0;
    const init = view.byList.initContainers.map((container) => ({ sidecar: container.role === 'sidecar', amount: amount(container.spec) }));
    const total = effectiveRequest(init, view.byList.containers.map((container) => amount(container.spec)));
    if (total > 0) parts.push(`${resource} ${resource === 'cpu' ? formatCpu(total) : formatMemory(total)}`);
  }
  return parts.length === 0 ? null : parts.join(' and ');
}

export const sidecarResources = defineRule({
  id: 'sidecar-resources',
  defaultSeverity: 'info',
  category: 'advice',
  description: 'A sidecar without cpu or memory requests',
  rationale:
    'A sidecar runs for the whole life of the pod beside the app containers, so its requests count in full toward what the scheduler reserves: the pod requests the larger of (app containers + sidecars) and (each init container plus the sidecars started before it), plus overhead (KEP-753). A sidecar without requests is scheduled as if it used nothing, gets the lowest share of the node under pressure, and is the first to be OOM-killed; it also hides its cost from capacity planning. Pods where no container requests anything are left alone.',
  howToFix: 'Give the sidecar cpu and memory requests that match what it uses.',
  fixable: null,
  example: {
    bad: 'initContainers:\n  - name: proxy\n    image: envoyproxy/envoy:v1.31\n    restartPolicy: Always',
    good: 'initContainers:\n  - name: proxy\n    image: envoyproxy/envoy:v1.31\n    restartPolicy: Always\n    resources:\n      requests:\n        cpu: 100m\n        memory: 128Mi',
  },
  check({ site, view, report }) {
    // Pod-level resources (PodLevelResources) replace the sum of the containers.
    const podResources = site.spec['resources'];
    if (isObject(podResources) && isObject(podResources['requests'])) return;
    for (const container of view.byList.initContainers) {
      if (container.role !== 'sidecar') continue;
      if (resourceNames.some((resource) => requestOf(container.spec, resource) !== null)) continue;
      // A pod where no container requests anything has a problem that is not the sidecar's.
      const podRequest = podRequestText(view);
      if (podRequest === null) return;
      report({
        path: [...container.path, 'resources', 'requests'],
        span: 'missing',
        message: `sidecar ${containerLabel(container)} has no cpu or memory requests, so the scheduler reserves nothing for it although it runs for the whole life of the pod; the pod requests ${podRequest} (sidecars + app containers, or the largest init container step).`,
      });
    }
  },
});
