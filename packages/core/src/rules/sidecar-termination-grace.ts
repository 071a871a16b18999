import { containerLabel, defineRule } from '../rule.js';
import { isObject, type JsonObject } from '../discovery.js';
import { preStopSleepSeconds } from '../heuristics.js';

/** The default of terminationGracePeriodSeconds. */
const defaultGracePeriod = 30;

/** How long a container's preStop hook sleeps: the sleep action, or sleep commands of an exec hook. */
export function preStopSleep(container: JsonObject): number {
  const lifecycle = container['lifecycle'];
  const preStop = isObject(lifecycle) ? lifecycle['preStop'] : undefined;
  if (!isObject(preStop)) return 0;
  const sleep = preStop['sleep'];
  if (isObject(sleep) && typeof sleep['seconds'] === 'number') return Math.max(0, sleep['seconds']);
  const exec = preStop['exec'];
  if (isObject(exec) && Array.isArray(exec['command'])) {
    return preStopSleepSeconds(exec['command'].filter((part) => typeof part === 'string').join(' '));
  }
  return 0;
}

export const sidecarTerminationGrace = defineRule({
  id: 'sidecar-termination-grace',
  defaultSeverity: 'warning',
  category: 'runtime',
  description: 'A terminationGracePeriodSeconds that the preStop sleeps of app and sidecar containers use up',
  rationale:
    'When a pod with sidecars terminates, all preStop hooks start together and the grace period (terminationGracePeriodSeconds, 30 by default) starts counting. Sidecars are sent SIGTERM only after the app containers have exited, one by one in reverse order, and a sidecar only once its own preStop hook has returned. When the longest preStop sleep is as long as the grace period, the sidecars get SIGTERM only when it has run out and are killed 2 seconds later: a proxy cuts connections, a log shipper loses what it had not flushed.',
  howToFix: 'Raise terminationGracePeriodSeconds above the longest preStop sleep, with time left for the sidecars to stop, or shorten the sleeps.',
  fixable: null,
  example: {
    bad: 'terminationGracePeriodSeconds: 30\ninitContainers:\n  - name: proxy\n    image: envoyproxy/envoy:v1.31\n    restartPolicy: Always\ncontainers:\n  - name: app\n    image: example/app:1\n    lifecycle:\n      preStop:\n        sleep:\n          seconds: 30',
    good: 'terminationGracePeriodSeconds: 45\ninitContainers:\n  - name: proxy\n    image: envoyproxy/envoy:v1.31\n    restartPolicy: Always\ncontainers:\n  - name: app\n    image: example/app:1\n    lifecycle:\n      preStop:\n        sleep:\n          seconds: 30',
  },
  check({ site, view, report }) {
    const sidecars = view.byList.initContainers.filter((container) => container.role === 'sidecar');
    if (sidecars.length === 0) return;
    const sleeps = [...view.byList.containers, ...sidecars]
      .map((container) => ({ container, seconds: preStopSleep(container.spec) }))
      .filter((entry) => entry.seconds > 0);
    if (sleeps.length === 0) return;
    const written = site.spec['terminationGracePeriodSeconds'];
    const grace = typeof written === 'number' ? written : defaultGracePeriod;
    // KEP-753 "Termination of containers": every preStop hook starts when the pod begins to
    // terminate, and a sidecar gets SIGTERM once its own hook has returned and the app containers
    // (and the sidecars after it) have exited, so the longest sleep decides when the sidecars are signalled.
    const longest = sleeps.reduce((a, b) => (b.seconds > a.seconds ? b : a));
    if (longest.seconds < grace) return;
    const graceText = `the pod's terminationGracePeriodSeconds is ${grace}${typeof written === 'number' ? '' : ' (the default)'}`;
    const hook = longest.container.role === 'sidecar' ? `sidecar ${containerLabel(longest.container)}` : containerLabel(longest.container);
    const subject = longest.container === sidecars[0] ? 'it' : `sidecar ${containerLabel(sidecars[0]!)}`;
    const stopped = sidecars.length === 1
      ? `${subject} gets SIGTERM only when the grace period has run out and is killed 2 seconds later`
      : 'the sidecars get SIGTERM only when the grace period has run out and are killed 2 seconds later';
    report({
      path: [...site.specPath, 'terminationGracePeriodSeconds'],
      span: typeof written === 'number' ? 'value' : 'missing',
      message: `${graceText} but the preStop hook of ${hook} sleeps ${longest.seconds} seconds, so ${stopped}.`,
    });
  },
});
