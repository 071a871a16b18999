/** Every rule, in the order of the rule table. Adding a rule means adding its file here. */
import type { Rule } from '../rule.js';
import type { RuleMeta } from '../types.js';
import { restartPolicyInitValue } from './restart-policy-init-value.js';
import { restartPolicyAppContainer } from './restart-policy-app-container.js';
import { restartPolicyEphemeral } from './restart-policy-ephemeral.js';
import { restartPolicyUnsupportedVersion } from './restart-policy-unsupported-version.js';
import { restartPolicyDropped } from './restart-policy-dropped.js';
import { initContainerProbes } from './init-container-probes.js';
import { sidecarProbeFields } from './sidecar-probe-fields.js';
import { restartPolicyRules } from './restart-policy-rules.js';
import { duplicateContainerName } from './duplicate-container-name.js';
import { resizePolicyInit } from './resize-policy-init.js';
import { podRestartPolicy } from './pod-restart-policy.js';
import { restartPolicyMisplaced } from './restart-policy-misplaced.js';
import { legacySidecarInJob } from './legacy-sidecar-in-job.js';
import { sidecarStartupProbe } from './sidecar-startup-probe.js';
import { sidecarOrder } from './sidecar-order.js';
import { blockingInitContainer } from './blocking-init-container.js';
import { oneShotSidecar } from './one-shot-sidecar.js';
import { sidecarTerminationGrace } from './sidecar-termination-grace.js';
import { jobFailurePolicyExitCodes } from './job-failure-policy-exit-codes.js';
import { legacySidecarWorkarounds } from './legacy-sidecar-workarounds.js';
import { preferNativeSidecar } from './prefer-native-sidecar.js';
import { sidecarResources } from './sidecar-resources.js';

export const rules: readonly Rule[] = [
  restartPolicyInitValue,
  restartPolicyAppContainer,
  restartPolicyEphemeral,
  restartPolicyUnsupportedVersion,
  restartPolicyDropped,
  initContainerProbes,
  sidecarProbeFields,
  restartPolicyRules,
  duplicateContainerName,
  resizePolicyInit,
  podRestartPolicy,
  restartPolicyMisplaced,
  legacySidecarInJob,
  sidecarStartupProbe,
  sidecarOrder,
  blockingInitContainer,
  oneShotSidecar,
  sidecarTerminationGrace,
  jobFailurePolicyExitCodes,
  legacySidecarWorkarounds,
  preferNativeSidecar,
  sidecarResources,
];

/** The parser's own finding: metadata like a rule (SARIF, --list-rules), but no check. */
export const yamlSyntaxMeta: RuleMeta = {
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  category: 'syntax',
  description: 'A document that is not valid YAML or JSON',
  rationale:
    'A document that does not parse cannot be applied. It is reported at the parser\'s position and the other documents of the file are still checked. Documents that cannot hold a pod spec are not parsed unless --check-syntax asks for it.',
  howToFix: 'Correct the YAML syntax at the position given.',
  fixable: null,
};

export const ruleMetas: readonly RuleMeta[] = [yamlSyntaxMeta, ...rules];

export function findRule(id: string): RuleMeta | undefined {
  return ruleMetas.find((rule) => rule.id === id);
}
