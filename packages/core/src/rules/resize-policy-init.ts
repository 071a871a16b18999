import { defineRule } from '../rule.js';
import { behaviourApplies } from '../target.js';
import { isObject } from '../discovery.js';
import { gateOn } from './shared.js';

export const resizePolicyInit = defineRule({
  id: 'resize-policy-init',
  defaultSeverity: 'error',
  category: 'api',
  description: 'resizePolicy on an init container where the target forbids it',
  rationale:
    'resizePolicy belongs to in-place pod resize (InPlacePodVerticalScaling: alpha from 1.27, beta and on by default from 1.33, GA from 1.35). Where the gate is off the API server silently clears resizePolicy of every container (reported by restart-policy-dropped). With the gate on, 1.27-1.32 refuse it on init containers ("must not be set for init containers"); from 1.33 it is accepted on sidecars and plain init containers alike; from 1.36 a RestartContainer policy is refused on init containers that are not sidecars.',
  howToFix: 'Remove resizePolicy from the init container, or target a version where in-place resize of init containers is supported.',
  fixable: null,
  check({ view, minor, report }) {
    for (const container of view.byList.initContainers) {
      const policy = container.spec['resizePolicy'];
      if (policy === undefined || policy === null) continue;
      const path = [...container.path, 'resizePolicy'];
      // With the gate off the field is cleared before validation: that is restart-policy-dropped's.
      if (!gateOn(minor, 'InPlacePodVerticalScaling')) continue;
      if (!behaviourApplies('initContainerResizePolicyAllowedWhenGateOn', minor.minor)) {
        report({ path, span: 'entry', effect: 'Rejected', message: `Invalid value: ${goSyntax(policy)}: must not be set for init containers.` });
        continue;
      }
      if (container.role === 'init' && behaviourApplies('initContainerResizeRestartContainerForbidden', minor.minor) && Array.isArray(policy)) {
        policy.forEach((entry, index) => {
          if (isObject(entry) && entry['restartPolicy'] === 'RestartContainer') {
            report({
              path: [...path, index, 'restartPolicy'],
              span: 'value',
              effect: 'Rejected',
              message: 'RestartContainer is not allowed on init containers without restartPolicy: Always (only NotRequired is).',
            });
          }
        });
      }
    }
  },
});

/**
 * The bad value as apimachinery prints a Go slice of structs (%#v), e.g.
 * []core.ContainerResizePolicy{core.ContainerResizePolicy{ResourceName:"cpu", RestartPolicy:"NotRequired"}}.
 * A value that would not even decode is shown in the short form.
 */
function goSyntax(policy: unknown): string {
  const entries = Array.isArray(policy) ? policy : null;
  const decodable = entries?.every(
    (entry) => isObject(entry) && ['resourceName', 'restartPolicy'].every((key) => entry[key] === undefined || entry[key] === null || typeof entry[key] === 'string'),
  );
  if (!entries || !decodable) return '[]core.ContainerResizePolicy{...}';
  const fields = (entry: Record<string, unknown>) =>
    `core.ContainerResizePolicy{ResourceName:${JSON.stringify(entry['resourceName'] ?? '')}, RestartPolicy:${JSON.stringify(entry['restartPolicy'] ?? '')}}`;
  return `[]core.ContainerResizePolicy{${entries.map((entry) => fields(entry as Record<string, unknown>)).join(', ')}}`;
}
