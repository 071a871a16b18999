# resizePolicy on an init container where the target forbids it.
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

# With the gate off the field is cleared before validation: that is restart-policy-dropped's.
policy_reports(t, site, c, policy) := {report.make(site, array.concat(c.path, ["resizePolicy"]), "entry", "Rejected", "error", msg)} if {
	target.gate_on(t, "InPlacePodVerticalScaling")
	not target.behaviour_applies(t, "initContainerResizePolicyAllowedWhenGateOn")
	msg := sprintf("Invalid value: %s: must not be set for init containers.", [go_syntax(policy)])
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

# The bad value as apimachinery prints a Go slice of structs (%#v), e.g.
# []core.ContainerResizePolicy{core.ContainerResizePolicy{ResourceName:"cpu", RestartPolicy:"NotRequired"}}.
# A value that would not even decode is shown in the short form.
go_syntax(policy) := sprintf("[]core.ContainerResizePolicy{%s}", [concat(", ", [go_entry(entry) | some entry in policy])]) if {
	decodable(policy)
}

go_syntax(policy) := "[]core.ContainerResizePolicy{...}" if not decodable(policy)

decodable(policy) if {
	is_array(policy)
	every entry in policy {
		is_object(entry)
		every key in ["resourceName", "restartPolicy"] {
			string_or_unset(object.get(entry, key, null))
		}
	}
}

string_or_unset(v) if v == null

string_or_unset(v) if is_string(v)

go_entry(entry) := sprintf("core.ContainerResizePolicy{ResourceName:%s, RestartPolicy:%s}", [
	json.marshal(string_or_empty(object.get(entry, "resourceName", null))),
	json.marshal(string_or_empty(object.get(entry, "restartPolicy", null))),
])

string_or_empty(v) := v if is_string(v)

string_or_empty(v) := "" if v == null
