import { defineRule } from '../rule.js';
import { behaviourApplies } from '../target.js';
import { isObject } from '../discovery.js';
import { gateOn } from './shared.js';

export const resizePolicyInit = defineRule({
  id: 'resize-policy-init',
  defaultSeverity: 'error',
  category: 'api',
  description: 'resizePolicy on an init container where the target forbids or drops it',
  rationale:
    'resizePolicy belongs to in-place pod resize (InPlacePodVerticalScaling: alpha from 1.27, beta and on by default from 1.33, GA from 1.35). Where the gate is off the API server silently clears resizePolicy of every container. With the gate on, 1.27-1.32 refuse it on init containers ("must not be set for init containers"); from 1.33 it is accepted on sidecars and plain init containers alike; from 1.36 a RestartContainer policy is refused on init containers that are not sidecars.',
  howToFix: 'Remove resizePolicy from the init container, or target a version where in-place resize of init containers is supported.',
  fixable: null,
  check({ view, minor, report }) {
    for (const container of view.byList.initContainers) {
      const policy = container.spec['resizePolicy'];
      if (policy === undefined || policy === null) continue;
      const path = [...container.path, 'resizePolicy'];
      if (!gateOn(minor, 'InPlacePodVerticalScaling')) {
        report({
          path,
          span: 'entry',
          effect: 'Silently dropped',
          severity: 'warning',
          message: 'the InPlacePodVerticalScaling feature gate is off, so the container cannot be resized in place.',
        });
        continue;
      }
      if (!behaviourApplies('initContainerResizePolicyAllowedWhenGateOn', minor.minor)) {
        report({ path, span: 'entry', effect: 'Rejected', message: 'Invalid value: must not be set for init containers.' });
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
