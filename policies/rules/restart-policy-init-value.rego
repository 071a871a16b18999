# An init container restartPolicy value that the target API server rejects.
# The Rego twin of packages/core/src/rules/restart-policy-init-value.ts: same paths, spans, effects, severities and
# per-minor messages.
package sidecar_lint.rules.restart_policy_init_value

import rego.v1

import data.lib.sidecar_lint.context
import data.lib.sidecar_lint.paths
import data.lib.sidecar_lint.report
import data.lib.sidecar_lint.target
import data.lib.sidecar_lint.view

rule_id := "restart-policy-init-value"

all_reports := reports(context.ctx)

# The aggregate's share: {ruleId, severity, path, span, effect, message, item}.
findings := report.findings(rule_id, all_reports)

deny contains msg if some msg in report.deny(rule_id, context.ctx, all_reports)

warn contains msg if some msg in report.warn(rule_id, context.ctx, all_reports)

violation contains v if {
	context.gatekeeper
	some v in report.violation(rule_id, context.ctx, all_reports)
}

reports(ctx) := decode_reports(ctx) | value_reports(ctx)

decode_reports(ctx) := {r |
	some site in ctx.sites
	some c in site.by_list.initContainers
	state := c.states.restartPolicy
	state.kind == "decode"
	r := report.make(site, array.concat(c.path, ["restartPolicy"]), "value", "Rejected", "error", view.decode_message(c, "restartPolicy", state))
}

value_reports(ctx) := {r |
	some site in ctx.sites
	some c in site.by_list.initContainers
	value := view.effective(c, "restartPolicy")
	supported := supported_values(ctx.target)
	not value in supported
	r := report.make(site, array.concat(c.path, ["restartPolicy"]), "value", "Rejected", "error", paths.unsupported_value(value, supported))
}

supported_values(t) := ["Always", "Never", "OnFailure"] if target.gate_on(t, "ContainerRestartRules")

supported_values(t) := ["Always"] if not target.gate_on(t, "ContainerRestartRules")
