import { containerLabel, defineRule } from '../rule.js';
import { isObject } from '../discovery.js';
import { behaviourApplies } from '../target.js';
import { decodeErrorMessage, gateOn, unsupportedValue } from './shared.js';
import type { ContainerView } from '../view.js';
import type { Report } from '../rule.js';

const maxRules = 20;
const maxExitCodes = 255;

export const restartPolicyRules = defineRule({
  id: 'restart-policy-rules',
  defaultSeverity: 'error',
  category: 'api',
  description: 'restartPolicyRules (KEP-5307) that the API server rejects',
  rationale:
    'Container restart rules exist from 1.34 behind ContainerRestartRules. Each rule needs action Restart (RestartAllContainers too with RestartAllContainersOnContainerExits on), and exitCodes with operator In or NotIn and at most 255 values; at most 20 rules. A container with rules needs its own restartPolicy (regular containers from 1.34, init containers from 1.35). Sidecars may not have rules unless RestartAllContainersOnContainerExits is on.',
  howToFix: 'Give the container a restartPolicy, keep actions and operators to the supported values, or remove the rules from a sidecar.',
  fixable: null,
  check({ view, minor, report }) {
    if (!gateOn(minor, 'ContainerRestartRules')) return;
    const restartAll = gateOn(minor, 'RestartAllContainersOnContainerExits');
    const emit = (r: Omit<Report, 'effect'>) => report({ ...r, effect: 'Rejected' });
    for (const container of [...view.byList.initContainers, ...view.byList.containers]) {
      for (const error of container.decodeErrors) {
        if (error.field === 'restartPolicyRules') emit({ path: [...container.path, 'restartPolicyRules'], span: 'value', message: decodeErrorMessage(container, error) });
      }
      const rules = container.restartPolicyRules;
      if (!Array.isArray(rules) || rules.length === 0) continue;
      const rulesPath = [...container.path, 'restartPolicyRules'];
      if (container.role === 'sidecar' && !restartAll) {
        emit({ path: rulesPath, span: 'entry', message: 'Forbidden: restartPolicyRules are not allowed for init containers with restart policy Always.' });
        continue;
      }
      const policyMissing = container.spec['restartPolicy'] === undefined || container.spec['restartPolicy'] === null;
      if (policyMissing) {
        if (container.role === 'init' && !behaviourApplies('initContainerRulesRequireRestartPolicy', minor.minor)) continue;
        emit({ path: [...container.path, 'restartPolicy'], span: 'missing', message: 'Required value: must specify restartPolicy when restart rules are used.' });
      }
      validateRules(container, rules, restartAll, minor.minor, emit);
    }
  },
});

/** Up to 1.35 count limits are worded as apimachinery's TooLong; 1.36 switched to TooMany. */
function tooMany(count: number, max: number, minor: number): string {
  return behaviourApplies('restartRulesTooManyMessage', minor)
    ? `Too many: ${count}: must have at most ${max} items.`
    : `Too long: may not be more than ${max} bytes.`;
}

function validateRules(container: ContainerView, rules: unknown[], restartAll: boolean, minor: number, emit: (r: Omit<Report, 'effect'>) => void): void {
  const rulesPath = [...container.path, 'restartPolicyRules'];
  if (rules.length > maxRules) emit({ path: rulesPath, span: 'entry', message: tooMany(rules.length, maxRules, minor) });
  const actions = restartAll ? ['Restart', 'RestartAllContainers'] : ['Restart'];
  // Up to 1.35 the message lists only "Restart", even where RestartAllContainers is accepted.
  const listedActions = behaviourApplies('restartRuleActionMessageListsAllowedActions', minor) ? actions : ['Restart'];
  rules.forEach((rule, index) => {
    const rulePath = [...rulesPath, index];
    if (!isObject(rule)) {
      emit({ path: rulePath, span: 'value', message: `cannot unmarshal ${Array.isArray(rule) ? 'array' : typeof rule} into Go struct field Container.restartPolicyRules of type v1.ContainerRestartRule (container ${containerLabel(container)}).` });
      return;
    }
    const action = rule['action'] ?? '';
    if (!actions.includes(action as string)) emit({ path: [...rulePath, 'action'], span: 'value', message: unsupportedValue(action, listedActions) });
    const exitCodes = rule['exitCodes'];
    if (exitCodes === undefined || exitCodes === null) {
      emit({ path: [...rulePath, 'exitCodes'], span: 'missing', message: 'Required value: must be specified.' });
      return;
    }
    if (!isObject(exitCodes)) return;
    const operator = exitCodes['operator'] ?? '';
    if (operator !== 'In' && operator !== 'NotIn') {
      emit({ path: [...rulePath, 'exitCodes', 'operator'], span: 'value', message: unsupportedValue(operator, ['In', 'NotIn']) });
    }
    const values = exitCodes['values'];
    if (Array.isArray(values) && values.length > maxExitCodes) {
      emit({ path: [...rulePath, 'exitCodes', 'values'], span: 'entry', message: tooMany(values.length, maxExitCodes, minor) });
    }
  });
}
