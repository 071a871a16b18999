import { containerLabel, defineRule } from '../rule.js';
import { sidecarsEverywhere } from './shared.js';
import { batchSubject, helperReason, isBatchWorkload, stopsHelpersItself } from './runtime-shared.js';

export const legacySidecarInJob = defineRule({
  id: 'legacy-sidecar-in-job',
  defaultSeverity: 'warning',
  category: 'runtime',
  description: 'A long-running helper (proxy, agent, log shipper, sleep infinity) in the containers of a Job or CronJob',
  rationale:
    'A Job succeeds when all containers of its pod have exited. A mesh proxy, a database proxy, a log shipper or an agent in containers runs until it is stopped, so once the main container finishes the pod keeps running and the Job never completes (kubernetes/kubernetes#25908, istio/istio#11045). A native sidecar (an init container with restartPolicy: Always) is stopped by the kubelet after the app containers exit. Pods that stop their helpers themselves (/quitquitquit, linkerd-await --shutdown) are left to legacy-sidecar-workarounds.',
  howToFix: 'Move the helper into initContainers with restartPolicy: Always where every targeted version runs native sidecars, or make the main container stop it.',
  fixable: 'suggestion',
  example: {
    bad: 'kind: Job\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: main\n          image: example/batch:1\n        - name: proxy\n          image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11\n',
    good: 'kind: Job\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      initContainers:\n        - name: proxy\n          image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11\n          restartPolicy: Always\n      containers:\n        - name: main\n          image: example/batch:1\n',
  },
  check({ site, view, target, fixes, report }) {
    if (!isBatchWorkload(site)) return;
    const containers = view.byList.containers;
    const helpers = containers.map((container) => ({ container, reason: helperReason(container.spec) }));
    const mains = helpers.filter(({ reason }) => reason === null).map(({ container }) => container);
    // Without a main container there is no telling which one the Job is for; a pod that stops its helpers completes.
    if (mains.length === 0 || stopsHelpersItself(view.containers)) return;
    for (const { container, reason } of helpers) {
      if (reason === null) continue;
      const declared = container.spec['restartPolicy'];
      const canMove = sidecarsEverywhere(target.minors) && (!container.declared.restartPolicy || declared === 'Always');
      const move = canMove
        ? fixes.moveToInitContainers(
            site.specPath,
            container.index,
            `Move container ${containerLabel(container)} into initContainers with restartPolicy: Always.`,
            !container.declared.restartPolicy,
          )
        : undefined;
      report({
        path: container.path,
        span: 'missing',
        message: `container ${containerLabel(container)} does not exit on its own (${reason}), so after ${containerLabel(mains[0]!)} finishes the pod keeps running and ${batchSubject(site)}.`,
        ...(move ? { suggestions: [move] } : {}),
      });
    }
  },
});
