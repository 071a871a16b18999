import { defineRule } from '../rule.js';
import { decodeErrorMessage } from './shared.js';

export const restartPolicyEphemeral = defineRule({
  id: 'restart-policy-ephemeral',
  defaultSeverity: 'error',
  category: 'api',
  description: 'Ephemeral containers in a manifest, or restartPolicy and restartPolicyRules on them',
  rationale:
    'Ephemeral containers are added to running pods through the pods/ephemeralcontainers subresource only: a pod create that carries them is refused ("Forbidden: cannot be set on create") and so is a pod template ("Forbidden: ephemeral containers not allowed in pod template"). They may never have a restart policy: from 1.28 the API server refuses restartPolicy on them, and restartPolicyRules from 1.34 with ContainerRestartRules on.',
  howToFix: 'Remove ephemeralContainers from the manifest (use kubectl debug), and never give them a restart policy.',
  fixable: null,
  check({ site, view, report }) {
    const ephemeral = site.spec['ephemeralContainers'];
    if (Array.isArray(ephemeral) && ephemeral.length > 0) {
      const message =
        site.workload === 'pod' ? 'Forbidden: cannot be set on create.' : 'Forbidden: ephemeral containers not allowed in pod template.';
      report({ path: [...site.specPath, 'ephemeralContainers'], span: 'entry', effect: 'Rejected', message });
    }
    for (const container of view.byList.ephemeralContainers) {
      for (const error of container.decodeErrors) {
        report({ path: [...container.path, error.field], span: 'value', effect: 'Rejected', message: decodeErrorMessage(container, error) });
      }
      if (container.restartPolicy !== undefined) {
        report({ path: [...container.path, 'restartPolicy'], span: 'entry', effect: 'Rejected', message: 'Forbidden: cannot be set for an Ephemeral Container.' });
      }
      const rules = container.restartPolicyRules;
      if (Array.isArray(rules) && rules.length > 0) {
        report({ path: [...container.path, 'restartPolicyRules'], span: 'entry', effect: 'Rejected', message: 'Forbidden: cannot be set for an Ephemeral Container.' });
      }
    }
  },
});
