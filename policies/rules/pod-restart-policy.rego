# A pod restartPolicy outside Always, OnFailure and Never, or one the workload kind forbids.
# The Rego twin of packages/core/src/rules/pod-restart-policy.ts: same paths, spans, effects, severities and
# per-minor messages.
package sidecar_lint.rules.pod_restart_policy

import rego.v1

import data.lib.sidecar_lint.context
import data.lib.sidecar_lint.paths
import data.lib.sidecar_lint.report
import data.lib.sidecar_lint.target
import data.lib.sidecar_lint.view

rule_id := "pod-restart-policy"

all_reports := reports(context.ctx)

# The aggregate's share: {ruleId, severity, path, span, effect, message, item}.
findings := report.findings(rule_id, all_reports)

deny contains msg if some msg in report.deny(rule_id, context.ctx, all_reports)

warn contains msg if some msg in report.warn(rule_id, context.ctx, all_reports)

violation contains v if {
	context.gatekeeper
	some v in report.violation(rule_id, context.ctx, all_reports)
}

pod_policies := ["Always", "OnFailure", "Never"]

reports(ctx) := {r |
	some site in ctx.sites
	some r in site_reports(site)
}

policy_path(site) := array.concat(site.spec_path, ["restartPolicy"])

rejected(site, span, msg) := report.make(site, policy_path(site), span, "Rejected", "error", msg)

declared(site) := object.get(site.spec, "restartPolicy", null)

written(site) if {
	is_string(declared(site))
	declared(site) != ""
}

# An empty or missing value is defaulted to Always before validation.
value(site) := declared(site) if written(site)

value(site) := "Always" if not written(site)

site_reports(site) := {rejected(site, "value", msg)} if {
	d := declared(site)
	d != null
	not is_string(d)
	msg := sprintf("cannot unmarshal %s into Go struct field PodSpec.%s of type v1.RestartPolicy.", [paths.go_json_type(d), paths.go_field_path(policy_path(site))])
}

site_reports(site) := {rejected(site, "value", paths.unsupported_value(value(site), pod_policies))} if {
	typed(site)
	not value(site) in pod_policies
}

site_reports(site) := controller_reports(site) | job_reports(site) if {
	typed(site)
	value(site) in pod_policies
}

typed(site) if declared(site) == null

typed(site) if is_string(declared(site))

controller_reports(site) := {rejected(site, "value", paths.unsupported_value(value(site), ["Always"])) |
	site.workload == "controller"
	value(site) != "Always"
}

job_reports(site) := {rejected(site, span(site), "Required value: valid values: \"OnFailure\", \"Never\".") |
	site.workload in {"job", "cronjob"}
	value(site) == "Always"
} | {rejected(site, "value", sprintf("Invalid value: \"%s\": only \"Never\" is supported when podFailurePolicy is specified.", [value(site)])) |
	site.workload in {"job", "cronjob"}
	value(site) != "Always"
	value(site) != "Never"
	failure_policy(site) != null
}

span(site) := "value" if written(site)

span(site) := "missing" if not written(site)

failure_policy(site) := object.get(view_value(site.object, site.job_spec_path), "podFailurePolicy", null) if is_array(site.job_spec_path)

failure_policy(site) := null if not is_array(site.job_spec_path)

view_value(o, path) := v if {
	walk(o, [path, v])
	is_object(v)
}

view_value(o, path) := {} if not object_at(o, path)

object_at(o, path) if {
	walk(o, [path, v])
	is_object(v)
}
