# A restartPolicy or restartPolicyRules that the API server silently clears because a feature gate is off.
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

reports(ctx) := {r |
	some site in ctx.sites
	some c in site.all
	some field, state in c.states
	state.kind == "dropped"
	r := report.make(site, array.concat(c.path, [field]), "entry", "Silently dropped", severity(c, field, state.value), message(c, field, state))
}

sidecar_lost(c, "restartPolicy", "Always") if c.list == "initContainers"

severity(c, field, value) := "error" if sidecar_lost(c, field, value)

severity(c, field, value) := "warning" if not sidecar_lost(c, field, value)

message(c, field, state) := sprintf("the %s feature gate is off, so sidecar %s becomes a plain init container that blocks the pod until it exits.", [state.gate, view.label(c)]) if {
	sidecar_lost(c, field, state.value)
}

message(c, field, state) := sprintf("the %s feature gate is off, so the container runs without it.", [state.gate]) if {
	not sidecar_lost(c, field, state.value)
}
