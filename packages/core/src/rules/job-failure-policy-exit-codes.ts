import { containerLabel, defineRule } from '../rule.js';
import { isObject } from '../discovery.js';
import { isBatchWorkload, valueAt } from './runtime-shared.js';

/** The exit codes of a container stopped by SIGKILL and SIGTERM. */
const stopCodes = [137, 143];


/** Can a rule match the codes a sidecar exits with when it is stopped? `In` lists without them cannot. */
function matchesStopCodes(onExitCodes: Record<string, unknown>): boolean {
  const values = Array.isArray(onExitCodes['values']) ? onExitCodes['values'] : [];
  if (onExitCodes['operator'] === 'In') return stopCodes.some((code) => values.includes(code));
  if (onExitCodes['operator'] === 'NotIn') return !stopCodes.every((code) => values.includes(code));
  return false;
}

export const jobFailurePolicyExitCodes = defineRule({
  id: 'job-failure-policy-exit-codes',
  defaultSeverity: 'warning',
  category: 'runtime',
  description: 'A podFailurePolicy onExitCodes rule without containerName in a Job whose pod has sidecars',
  rationale:
    'An onExitCodes rule without containerName is checked against the exit codes of every container of a failed pod, init containers and sidecars included (kubernetes/kubernetes#111113). Sidecars are stopped with SIGTERM when the app containers have finished and often exit with 143, or 137 when killed: a NotIn [0] rule or an In rule listing those codes then matches the sidecar instead of the container it was written for, and fails or ignores the pod for the wrong reason.',
  howToFix: 'Set onExitCodes.containerName to the container whose exit codes the rule is about.',
  fixable: null,
  example: {
    bad: 'podFailurePolicy:\n  rules:\n    - action: FailJob\n      onExitCodes:\n        operator: NotIn\n        values: [0]',
    good: 'podFailurePolicy:\n  rules:\n    - action: FailJob\n      onExitCodes:\n        containerName: main\n        operator: NotIn\n        values: [0]',
  },
  check({ site, view, report }) {
    if (!isBatchWorkload(site) || site.jobSpecPath === null) return;
    const sidecar = view.byList.initContainers.find((container) => container.role === 'sidecar');
    if (!sidecar) return;
    const rulesPath = [...site.jobSpecPath, 'podFailurePolicy', 'rules'];
    const rules = valueAt(site.object, rulesPath);
    if (!Array.isArray(rules)) return;
    rules.forEach((rule, index) => {
      const onExitCodes = isObject(rule) ? rule['onExitCodes'] : undefined;
      if (!isObject(onExitCodes) || typeof onExitCodes['containerName'] === 'string' || !matchesStopCodes(onExitCodes)) return;
      report({
        path: [...rulesPath, index, 'onExitCodes'],
        span: 'missing',
        message: `this rule has no containerName, so it also matches sidecar ${containerLabel(sidecar)}, which exits with 137 or 143 when it is stopped after the app containers finish.`,
      });
    });
  },
});
