# resizePolicy on an init container where the target forbids or drops it.
# The Rego twin of packages/core/src/rules/resize-policy-init.ts: same paths, spans, effects, severities and
# per-minor messages.
package sidecar_lint.rules.resize_policy_init

import rego.v1

import data.lib.sidecar_lint.context
import data.lib.sidecar_lint.paths
import data.lib.sidecar_lint.report
import data.lib.sidecar_lint.target
import data.lib.sidecar_lint.view

rule_id := "resize-policy-init"

all_reports := reports(context.ctx)

# The aggregate's share: {ruleId, severity, path, span, effect, message, item}.
findings := report.findings(rule_id, all_reports)

deny contains msg if some msg in report.deny(rule_id, context.ctx, all_reports)

warn contains msg if some msg in report.warn(rule_id, context.ctx, all_reports)

violation contains v if {
	context.gatekeeper
	some v in report.violation(rule_id, context.ctx, all_reports)
}

reports(ctx) := {r |
	some site in ctx.sites
	some c in site.by_list.initContainers
	policy := c.spec.resizePolicy
	policy != null
	some r in policy_reports(ctx.target, site, c, policy)
}

policy_reports(t, site, c, _) := {report.make(site, array.concat(c.path, ["resizePolicy"]), "entry", "Silently dropped", "warning", "the InPlacePodVerticalScaling feature gate is off, so the container cannot be resized in place.")} if {
	not target.gate_on(t, "InPlacePodVerticalScaling")
}

policy_reports(t, site, c, _) := {report.make(site, array.concat(c.path, ["resizePolicy"]), "entry", "Rejected", "error", "Invalid value: must not be set for init containers.")} if {
	target.gate_on(t, "InPlacePodVerticalScaling")
	not target.behaviour_applies(t, "initContainerResizePolicyAllowedWhenGateOn")
}

policy_reports(t, site, c, policy) := {report.make(site, array.concat(c.path, ["resizePolicy", i, "restartPolicy"]), "value", "Rejected", "error", "RestartContainer is not allowed on init containers without restartPolicy: Always (only NotRequired is).") |
	c.role == "init"
	target.behaviour_applies(t, "initContainerResizeRestartContainerForbidden")
	is_array(policy)
	some i, entry in policy
	is_object(entry)
	entry.restartPolicy == "RestartContainer"
} if {
	target.gate_on(t, "InPlacePodVerticalScaling")
	target.behaviour_applies(t, "initContainerResizePolicyAllowedWhenGateOn")
}
