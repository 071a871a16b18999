import { containerLabel, defineRule } from '../rule.js';
import { behaviourApplies } from '../target.js';
import { canonicalCase, gateOn } from './shared.js';
import type { ContainerView, DroppedField } from '../view.js';

/** What the container does once the field is gone, in the message's own words. */
function consequence(container: ContainerView, field: DroppedField['field'], sidecarLost: boolean): string {
  const label = containerLabel(container);
  if (sidecarLost) return `so sidecar ${label} becomes a plain init container that blocks the pod until it exits.`;
  if (field === 'restartPolicyRules') return `so the restart rules of container ${label} are ignored.`;
  if (container.list === 'initContainers') return `so init container ${label} runs as a plain init container.`;
  return `so container ${label} follows the pod's restartPolicy.`;
}

export const restartPolicyDropped = defineRule({
  id: 'restart-policy-dropped',
  defaultSeverity: 'warning',
  category: 'api',
  description: 'A restartPolicy, restartPolicyRules or resizePolicy that the API server silently clears because a feature gate is off',
  rationale:
    'With SidecarContainers off (1.28 by default, 1.29-1.32 when disabled) the API server clears every init container restartPolicy on create, without a warning; a sidecar then becomes a plain init container and, being long-running, blocks the pod in Init forever. With ContainerRestartRules off (1.34 by default, 1.35 when disabled) it clears restartPolicy and restartPolicyRules of every container except an init container\'s exact Always. With InPlacePodVerticalScaling off (1.27-1.32 by default, 1.33-1.34 when disabled) it clears resizePolicy of every container. An error where a sidecar is lost, a warning otherwise.',
  howToFix: 'Enable the feature gate on the cluster, target a version where it is on, or remove the field that will not survive.',
  fixable: 'fix',
  check({ view, minor, fixes, report }) {
    // Every container kind loses resizePolicy where in-place resize is off (behaviour resizePolicyDroppedWhenGateOff).
    const resizeDropped = behaviourApplies('resizePolicyDroppedWhenGateOff', minor.minor) && !gateOn(minor, 'InPlacePodVerticalScaling');
    for (const container of view.containers) {
      const resizePolicy = container.spec['resizePolicy'];
      if (resizeDropped && resizePolicy !== undefined && resizePolicy !== null) {
        report({
          path: [...container.path, 'resizePolicy'],
          span: 'entry',
          effect: 'Silently dropped',
          severity: 'warning',
          message: 'the InPlacePodVerticalScaling feature gate is off, so the container cannot be resized in place.',
        });
      }
      for (const dropped of container.dropped) {
        const path = [...container.path, dropped.field];
        const sidecarLost = container.list === 'initContainers' && dropped.field === 'restartPolicy' && dropped.value === 'Always';
        // Under ContainerRestartRules off, an init container's exact "Always" survives: fix the case.
        const canonical = dropped.gate === 'ContainerRestartRules' && container.list === 'initContainers' && dropped.field === 'restartPolicy'
          ? canonicalCase(dropped.value, ['Always'])
          : undefined;
        const fix = canonical ? fixes.replaceScalar(path, canonical, `Write restartPolicy: Always on init container ${containerLabel(container)}.`) : undefined;
        report({
          path,
          span: 'entry',
          effect: 'Silently dropped',
          severity: sidecarLost ? 'error' : 'warning',
          message: `the ${dropped.gate} feature gate is off, ${consequence(container, dropped.field, sidecarLost)}`,
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
});
