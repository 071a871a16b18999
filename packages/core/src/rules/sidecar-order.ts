import { containerLabel, defineRule } from '../rule.js';
import { commandLine, oneShotCommand } from '../heuristics.js';
import { isObject, type JsonObject } from '../discovery.js';
import type { ContainerView } from '../view.js';
import { knownProxy } from './runtime-shared.js';

/** The env values of a container, where connection strings (DB_HOST=127.0.0.1) are written. */
function envText(container: JsonObject): string {
  const env = container['env'];
  if (!Array.isArray(env)) return '';
  return env.map((entry) => (isObject(entry) && typeof entry['value'] === 'string' ? entry['value'] : '')).join(' ');
}

/** Local addresses: in a pod, the containers share one network namespace, so this is another container. */
const loopback = /(^|[^0-9A-Za-z.-])(localhost|127\.0\.0\.1)([^0-9A-Za-z.-]|$)/;

/**
 * Does this plain init container probably reach the network through the proxy? It connects to a
 * local address, or (through a mesh proxy, which captures all traffic) runs a network command.
 */
function needsProxy(init: ContainerView, proxyKind: string | undefined): boolean {
  const kind = oneShotCommand(init.spec)?.kind;
  // istio-init and linkerd-init set up the capture and belong before the proxy.
  if (kind === 'mesh-setup') return false;
  if (loopback.test(commandLine(init.spec)) || loopback.test(envText(init.spec))) return true;
  if (kind === 'migration') return proxyKind === 'mesh-proxy' || proxyKind === 'db-proxy';
  return kind === 'network' && proxyKind === 'mesh-proxy';
}

export const sidecarOrder = defineRule({
  id: 'sidecar-order',
  defaultSeverity: 'warning',
  category: 'runtime',
  description: 'A plain init container declared before a proxy sidecar it probably needs',
  rationale:
    'Init containers start in the order they are listed, and a plain init container must exit before the next one starts. A sidecar proxy listed after it is not running yet: a migration through a Cloud SQL proxy, or a download through a mesh proxy that already captures the traffic, fails or hangs (linkerd/linkerd2#11465, GoogleCloudPlatform/cloud-sql-proxy#2424). Reported only when the init container shows it uses the network: it connects to localhost, or runs a network command behind a mesh proxy or a migration behind a database proxy. Mesh setup containers such as istio-init belong before the proxy and are not reported.',
  howToFix: 'List the proxy sidecar before the init containers that need it.',
  fixable: null,
  example: {
    bad: 'initContainers:\n  - name: migrate\n    image: example/migrate:1\n    command: ["migrate", "-database", "postgres://localhost:5432/app", "up"]\n  - name: cloud-sql-proxy\n    image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11\n    restartPolicy: Always',
    good: 'initContainers:\n  - name: cloud-sql-proxy\n    image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11\n    restartPolicy: Always\n  - name: migrate\n    image: example/migrate:1\n    command: ["migrate", "-database", "postgres://localhost:5432/app", "up"]',
  },
  check({ view, report }) {
    const init = view.byList.initContainers;
    init.forEach((container, position) => {
      if (container.role !== 'init') return;
      for (const later of init.slice(position + 1)) {
        if (later.role !== 'sidecar') continue;
        const proxy = knownProxy(later.spec);
        if (!proxy || !needsProxy(container, proxy.kind)) continue;
        report({
          path: container.path,
          span: 'missing',
          message: `init container ${containerLabel(container)} runs before sidecar ${containerLabel(later)} (${proxy.name}) has started, so it cannot reach the network through it.`,
        });
        return;
      }
    });
  },
});
