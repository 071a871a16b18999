# Ephemeral containers in a manifest, or restartPolicy and restartPolicyRules on them.
# The Rego twin of packages/core/src/rules/restart-policy-ephemeral.ts: same paths, spans, effects, severities and
# per-minor messages.
package sidecar_lint.rules.restart_policy_ephemeral

import rego.v1

import data.lib.sidecar_lint.context
import data.lib.sidecar_lint.paths
import data.lib.sidecar_lint.report
import data.lib.sidecar_lint.target
import data.lib.sidecar_lint.view

rule_id := "restart-policy-ephemeral"

all_reports := reports(context.ctx)

# The aggregate's share: {ruleId, severity, path, span, effect, message, item}.
findings := report.findings(rule_id, all_reports)

deny contains msg if some msg in report.deny(rule_id, context.ctx, all_reports)

warn contains msg if some msg in report.warn(rule_id, context.ctx, all_reports)

violation contains v if {
	context.gatekeeper
	some v in report.violation(rule_id, context.ctx, all_reports)
}

reports(ctx) := (create_reports(ctx) | decode_reports(ctx)) | field_reports(ctx)

create_reports(ctx) := {r |
	some site in ctx.sites
	is_array(site.spec.ephemeralContainers)
	count(site.spec.ephemeralContainers) > 0
	r := report.make(site, array.concat(site.spec_path, ["ephemeralContainers"]), "entry", "Rejected", "error", create_message(site.workload))
}

create_message("pod") := "Forbidden: cannot be set on create."

create_message(workload) := "Forbidden: ephemeral containers not allowed in pod template." if workload != "pod"

decode_reports(ctx) := {r |
	some site in ctx.sites
	some c in site.by_list.ephemeralContainers
	some field, state in c.states
	state.kind == "decode"
	r := report.make(site, array.concat(c.path, [field]), "value", "Rejected", "error", view.decode_message(c, field, state))
}

field_reports(ctx) := {r |
	some site in ctx.sites
	some c in site.by_list.ephemeralContainers
	some field in ["restartPolicy", "restartPolicyRules"]
	forbidden(c, field)
	r := report.make(site, array.concat(c.path, [field]), "entry", "Rejected", "error", "Forbidden: cannot be set for an Ephemeral Container.")
}

forbidden(c, "restartPolicy") if _ := view.effective(c, "restartPolicy")

forbidden(c, "restartPolicyRules") if count(view.effective(c, "restartPolicyRules")) > 0
