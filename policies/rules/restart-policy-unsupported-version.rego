# A restart field that does not exist in the target version, or a sidecar for a kubelet that cannot run it.
# The Rego twin of packages/core/src/rules/restart-policy-unsupported-version.ts: same paths, spans, effects, severities and
# per-minor messages.
package sidecar_lint.rules.restart_policy_unsupported_version

import rego.v1

import data.lib.sidecar_lint.context
import data.lib.sidecar_lint.paths
import data.lib.sidecar_lint.report
import data.lib.sidecar_lint.target
import data.lib.sidecar_lint.view

rule_id := "restart-policy-unsupported-version"

all_reports := reports(context.ctx)

# The aggregate's share: {ruleId, severity, path, span, effect, message, item}.
findings := report.findings(rule_id, all_reports)

deny contains msg if some msg in report.deny(rule_id, context.ctx, all_reports)

warn contains msg if some msg in report.warn(rule_id, context.ctx, all_reports)

violation contains v if {
	context.gatekeeper
	some v in report.violation(rule_id, context.ctx, all_reports)
}

reports(ctx) := unknown_reports(ctx) | kubelet_reports(ctx)

unknown_reports(ctx) := {r |
	some site in ctx.sites
	some c in site.all
	some field, state in c.states
	state.kind == "unknown"
	r := unknown_report(ctx.target, site, c, field, state.value)
}

unknown_report(t, site, c, field, _) := report.make(site, path, "entry", "Rejected", "error", paths.strict_unknown_field(path)) if {
	t.fieldValidation == "strict"
	path := array.concat(c.path, [field])
}

unknown_report(t, site, c, field, value) := report.make(site, array.concat(c.path, [field]), "entry", "Dropped with a warning", "error", msg) if {
	t.fieldValidation == "warn"
	sidecar_lost(c, field, value)
	msg := sprintf("unknown field, so init container %s becomes a plain init container that blocks the pod until it exits.", [view.label(c)])
}

unknown_report(t, site, c, field, value) := report.make(site, array.concat(c.path, [field]), "entry", "Dropped with a warning", "warning", "unknown field, the API server ignores it.") if {
	t.fieldValidation == "warn"
	not sidecar_lost(c, field, value)
}

sidecar_lost(c, "restartPolicy", "Always") if c.list == "initContainers"

kubelet_reports(ctx) := {r |
	not ctx.target.kubeletSupportsSidecars
	some site in ctx.sites
	some c in site.by_list.initContainers
	c.role == "sidecar"
	effect := sprintf("Not run by kubelet %s", [ctx.target.kubeletVersion])
	r := report.make(site, array.concat(c.path, ["restartPolicy"]), "value", effect, "error", kubelet_message(ctx.target, c))
}

kubelet_message(t, _) := "the kubelet rejects the pod at admission (InitContainerRestartPolicyForbidden) because SidecarContainers is off there." if {
	t.kubeletMinor >= 28
}

kubelet_message(t, c) := msg if {
	t.kubeletMinor < 28
	msg := sprintf("the kubelet does not know restartPolicy, so sidecar %s runs as a plain init container that blocks the pod until it exits.", [view.label(c)])
}
