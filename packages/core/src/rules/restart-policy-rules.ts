import { defineRule } from '../rule.js';
import { isObject, type JsonObject } from '../discovery.js';
import type { PathSegment } from '../positions.js';
import { goJsonType } from '../view.js';
import { behaviourApplies } from '../target.js';
import { decodeErrorMessage, gateOn, goContainerStruct, goFieldPath, unsupportedValue } from './shared.js';
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
    const emit = (r: Omit<Report, 'effect'>) => report({ ...r, effect: 'Rejected' });
    const containers = [...view.byList.initContainers, ...view.byList.containers];
    // Decoding comes before the gate's drop: a value of the wrong type is refused even where the field would be cleared.
    for (const container of containers) {
      for (const error of container.decodeErrors) {
        if (error.field === 'restartPolicyRules') emit({ path: [...container.path, 'restartPolicyRules'], span: 'value', message: decodeErrorMessage(container, error) });
      }
      const written = container.spec['restartPolicyRules'];
      if (container.decodeErrors.length === 0 && Array.isArray(written) && !container.unknownFields.some((f) => f.field === 'restartPolicyRules')) {
        written.forEach((rule, index) => {
          if (rule === null || isObject(rule)) return;
          const field = goFieldPath([...container.path, 'restartPolicyRules']);
          emit({
            path: [...container.path, 'restartPolicyRules', index],
            span: 'value',
            message: `cannot unmarshal ${goJsonType(rule)} into Go struct field ${goContainerStruct(container)}.${field} of type v1.ContainerRestartRule.`,
          });
        });
      }
    }
    if (!gateOn(minor, 'ContainerRestartRules')) return;
    const restartAll = gateOn(minor, 'RestartAllContainersOnContainerExits');
    for (const container of containers) {
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
      validateRules(rules, restartAll, minor.minor, rulesPath, emit);
    }
  },
});

/** Up to 1.35 count limits are worded as apimachinery's TooLong; 1.36 switched to TooMany. */
function tooMany(count: number, max: number, minor: number): string {
  return behaviourApplies('restartRulesTooManyMessage', minor)
    ? `Too many: ${count}: must have at most ${max} items.`
    : `Too long: may not be more than ${max} bytes.`;
}

function validateRules(rules: unknown[], restartAll: boolean, minor: number, rulesPath: PathSegment[], emit: (r: Omit<Report, 'effect'>) => void): void {
  if (rules.length > maxRules) emit({ path: rulesPath, span: 'entry', message: tooMany(rules.length, maxRules, minor) });
  const actions = restartAll ? ['Restart', 'RestartAllContainers'] : ['Restart'];
  // Up to 1.35 the message lists only "Restart", even where RestartAllContainers is accepted.
  const listedActions = behaviourApplies('restartRuleActionMessageListsAllowedActions', minor) ? actions : ['Restart'];
  rules.forEach((entry, index) => {
    const rulePath = [...rulesPath, index];
    // A null entry decodes as an empty rule; other non-objects are decoding errors (reported above).
    if (entry !== null && !isObject(entry)) return;
    const rule: JsonObject = entry ?? {};
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
