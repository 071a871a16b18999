# A restartPolicy on an app container where the target forbids it or rejects its value.
# The Rego twin of packages/core/src/rules/restart-policy-app-container.ts: same paths, spans, effects, severities and
# per-minor messages.
package sidecar_lint.rules.restart_policy_app_container

import rego.v1

import data.lib.sidecar_lint.context
import data.lib.sidecar_lint.paths
import data.lib.sidecar_lint.report
import data.lib.sidecar_lint.target
import data.lib.sidecar_lint.view

rule_id := "restart-policy-app-container"

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

supported := ["Always", "Never", "OnFailure"]

decode_reports(ctx) := {r |
	some site in ctx.sites
	some c in site.by_list.containers
	state := c.states.restartPolicy
	state.kind == "decode"
	r := report.make(site, array.concat(c.path, ["restartPolicy"]), "value", "Rejected", "error", view.decode_message(c, "restartPolicy", state))
}

value_reports(ctx) := {r |
	some site in ctx.sites
	some c in site.by_list.containers
	value := view.effective(c, "restartPolicy")
	r := value_report(ctx.target, site, c, value)
}

# With ContainerRestartRules on (1.34 opt-in, 1.35 default) only the value is checked; before, any value is forbidden.
value_report(t, site, c, value) := report.make(site, array.concat(c.path, ["restartPolicy"]), "value", "Rejected", "error", paths.unsupported_value(value, supported)) if {
	target.gate_on(t, "ContainerRestartRules")
	not value in supported
}

value_report(t, site, c, _) := report.make(site, array.concat(c.path, ["restartPolicy"]), "entry", "Rejected", "error", "Forbidden: may not be set for non-init containers.") if {
	not target.gate_on(t, "ContainerRestartRules")
}
