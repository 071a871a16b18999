# The aggregate entrypoint `sidecar_lint/findings`: for one document (`input`) and one minor
# (`data.sidecar_lint.target`), the set of every rule's findings
# {ruleId, severity, path, span, effect, message, item}. The host runs it once per minor and
# merges as the core does: same ruleId and path over the minors -> one finding, the highest
# severity, and "<effect> on <versions>: <message>" per distinct (effect, message).
package sidecar_lint

import rego.v1

import data.lib.sidecar_lint.context
import data.sidecar_lint.rules

findings := union({
	rules.restart_policy_init_value.findings,
	rules.restart_policy_app_container.findings,
	rules.restart_policy_ephemeral.findings,
	rules.restart_policy_unsupported_version.findings,
	rules.restart_policy_dropped.findings,
	rules.init_container_probes.findings,
	rules.sidecar_probe_fields.findings,
	rules.restart_policy_rules.findings,
	rules.duplicate_container_name.findings,
	rules.resize_policy_init.findings,
	rules.pod_restart_policy.findings,
	rules.restart_policy_misplaced.findings,
	rules.legacy_sidecar_in_job.findings,
	rules.sidecar_startup_probe.findings,
	rules.sidecar_order.findings,
	rules.blocking_init_container.findings,
	rules.one_shot_sidecar.findings,
	rules.sidecar_termination_grace.findings,
	rules.job_failure_policy_exit_codes.findings,
	rules.legacy_sidecar_workarounds.findings,
	rules.prefer_native_sidecar.findings,
	rules.sidecar_resources.findings,
})

# Why the target given cannot be used (empty when it can); findings are then empty too.
target_errors := context.target_errors
