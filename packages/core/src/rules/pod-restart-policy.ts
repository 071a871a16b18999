import { defineRule } from '../rule.js';
import { isObject, valueAt } from '../discovery.js';
import { goJsonType } from '../view.js';
import { canonicalCase, goFieldPath, unsupportedValue } from './shared.js';

const podPolicies = ['Always', 'OnFailure', 'Never'];

export const podRestartPolicy = defineRule({
  id: 'pod-restart-policy',
  defaultSeverity: 'error',
  category: 'api',
  description: 'A pod restartPolicy outside Always, OnFailure and Never, or one the workload kind forbids',
  rationale:
    'The pod-level restartPolicy must be Always, OnFailure or Never, with that exact case; an empty or missing value becomes Always. Deployments, ReplicaSets, StatefulSets, DaemonSets and ReplicationControllers only accept Always. Jobs and CronJobs only accept OnFailure or Never (so a missing value is refused), and only Never when podFailurePolicy is set. Sidecars are restarted whatever this says.',
  howToFix: 'Use Always for long-running controllers; OnFailure or Never for Jobs (Never with podFailurePolicy).',
  fixable: 'fix',
  check({ site, fixes, report }) {
    const path = [...site.specPath, 'restartPolicy'];
    const declared = site.spec['restartPolicy'];
    if (declared !== undefined && declared !== null && typeof declared !== 'string') {
      report({
        path,
        span: 'value',
        effect: 'Rejected',
        message: `cannot unmarshal ${goJsonType(declared)} into Go struct field PodSpec.${goFieldPath([...site.specPath, 'restartPolicy'])} of type v1.RestartPolicy.`,
      });
      return;
    }
    const value = typeof declared === 'string' && declared !== '' ? declared : 'Always';
    if (!podPolicies.includes(value)) {
      const canonical = canonicalCase(value, podPolicies);
      const fix = canonical ? fixes.replaceScalar(path, canonical, `Write restartPolicy: ${canonical}.`) : undefined;
      report({ path, span: 'value', effect: 'Rejected', message: unsupportedValue(value, podPolicies), ...(fix ? { fix } : {}) });
      return;
    }
    const written = typeof declared === 'string' && declared !== '';
    if (site.workload === 'controller' && value !== 'Always') {
      report({ path, span: 'value', effect: 'Rejected', message: unsupportedValue(value, ['Always']) });
    }
    if (site.workload === 'job' || site.workload === 'cronjob') {
      const jobSpec = site.jobSpecPath ? valueAt(site.object, site.jobSpecPath) : undefined;
      const failurePolicy = isObject(jobSpec) ? jobSpec['podFailurePolicy'] : undefined;
      if (value === 'Always') {
        report({ path, span: written ? 'value' : 'missing', effect: 'Rejected', message: 'Required value: valid values: "OnFailure", "Never".' });
      } else if (failurePolicy !== undefined && failurePolicy !== null && value !== 'Never') {
        report({ path, span: 'value', effect: 'Rejected', message: `Invalid value: "${value}": only "Never" is supported when podFailurePolicy is specified.` });
      }
    }
  },
});
