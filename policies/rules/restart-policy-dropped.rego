# A restartPolicy, restartPolicyRules or resizePolicy that the API server silently clears because a feature gate is off.
# The Rego twin of packages/core/src/rules/restart-policy-dropped.ts: same paths, spans, effects, severities and
# per-minor messages.
package sidecar_lint.rules.restart_policy_dropped

import rego.v1

import data.lib.sidecar_lint.context
import data.lib.sidecar_lint.paths
import data.lib.sidecar_lint.report
import data.lib.sidecar_lint.target
import data.lib.sidecar_lint.view

rule_id := "restart-policy-dropped"

all_reports := reports(context.ctx)

# The aggregate's share: {ruleId, severity, path, span, effect, message, item}.
findings := report.findings(rule_id, all_reports)

deny contains msg if some msg in report.deny(rule_id, context.ctx, all_reports)

warn contains msg if some msg in report.warn(rule_id, context.ctx, all_reports)

violation contains v if {
	context.gatekeeper
	some v in report.violation(rule_id, context.ctx, all_reports)
}

reports(ctx) := field_reports(ctx) | resize_reports(ctx)

field_reports(ctx) := {r |
	some site in ctx.sites
	some c in site.all
	some field, state in c.states
	state.kind == "dropped"
	r := report.make(site, array.concat(c.path, [field]), "entry", "Silently dropped", severity(c, field, state.value), message(c, field, state))
}

# Every container kind loses resizePolicy where in-place resize is off (behaviour resizePolicyDroppedWhenGateOff).
resize_reports(ctx) := {r |
	resize_dropped(ctx.target)
	some site in ctx.sites
	some c in site.all
	c.spec.resizePolicy != null
	r := report.make(site, array.concat(c.path, ["resizePolicy"]), "entry", "Silently dropped", "warning", "the InPlacePodVerticalScaling feature gate is off, so the container cannot be resized in place.")
}

resize_dropped(t) if {
	target.behaviour_applies(t, "resizePolicyDroppedWhenGateOff")
	not target.gate_on(t, "InPlacePodVerticalScaling")
}

sidecar_lost(c, "restartPolicy", "Always") if c.list == "initContainers"

severity(c, field, value) := "error" if sidecar_lost(c, field, value)

severity(c, field, value) := "warning" if not sidecar_lost(c, field, value)

message(c, field, state) := sprintf("the %s feature gate is off, %s", [state.gate, consequence(c, field, state.value)])

# What the container does once the field is gone, in the message's own words.
consequence(c, field, value) := sprintf("so sidecar %s becomes a plain init container that blocks the pod until it exits.", [view.label(c)]) if {
	sidecar_lost(c, field, value)
}

consequence(c, "restartPolicyRules", _) := sprintf("so the restart rules of container %s are ignored.", [view.label(c)])

consequence(c, "restartPolicy", value) := sprintf("so init container %s runs as a plain init container.", [view.label(c)]) if {
	c.list == "initContainers"
	not sidecar_lost(c, "restartPolicy", value)
}

consequence(c, "restartPolicy", _) := sprintf("so container %s follows the pod's restartPolicy.", [view.label(c)]) if {
	c.list != "initContainers"
}
