# A podFailurePolicy onExitCodes rule without containerName in a Job whose pod has sidecars.
# The Rego twin of packages/core/src/rules/job-failure-policy-exit-codes.ts: same paths, spans, effects, severities and
# per-minor messages.
package sidecar_lint.rules.job_failure_policy_exit_codes

import rego.v1

import data.lib.sidecar_lint.context
import data.lib.sidecar_lint.heuristics
import data.lib.sidecar_lint.paths
import data.lib.sidecar_lint.report
import data.lib.sidecar_lint.target
import data.lib.sidecar_lint.view

rule_id := "job-failure-policy-exit-codes"

all_reports := reports(context.ctx)

# The aggregate's share: {ruleId, severity, path, span, effect, message, item}.
findings := report.findings(rule_id, all_reports)

deny contains msg if some msg in report.deny(rule_id, context.ctx, all_reports)

warn contains msg if some msg in report.warn(rule_id, context.ctx, all_reports)

violation contains v if {
	context.gatekeeper
	some v in report.violation(rule_id, context.ctx, all_reports)
}

# The exit codes of a container stopped by SIGKILL and SIGTERM.
stop_codes := [137, 143]

reports(ctx) := {r |
	some site in ctx.sites
	site.workload in {"job", "cronjob"}
	is_array(site.job_spec_path)
	sidecars := [c | some c in site.by_list.initContainers; c.role == "sidecar"]
	count(sidecars) > 0
	rules_path := array.concat(site.job_spec_path, ["podFailurePolicy", "rules"])
	walk(site.object, [rules_path, rules])
	is_array(rules)
	some index, rule in rules
	on_exit_codes := rule.onExitCodes
	is_object(on_exit_codes)
	not is_string(on_exit_codes.containerName)
	matches_stop_codes(on_exit_codes)
	msg := sprintf("this rule has no containerName, so it also matches sidecar %s, which exits with 137 or 143 when it is stopped after the app containers finish.", [view.label(sidecars[0])])
	r := report.make(site, array.concat(rules_path, [index, "onExitCodes"]), "missing", null, "warning", msg)
}

values_of(on_exit_codes) := on_exit_codes.values if is_array(on_exit_codes.values)

values_of(on_exit_codes) := [] if not is_array(on_exit_codes.values)

# Can the rule match the codes a sidecar exits with when it is stopped? `In` lists without them cannot.
matches_stop_codes(on_exit_codes) if {
	on_exit_codes.operator == "In"
	some code in stop_codes
	code in values_of(on_exit_codes)
}

matches_stop_codes(on_exit_codes) if {
	on_exit_codes.operator == "NotIn"
	some code in stop_codes
	not code in values_of(on_exit_codes)
}
