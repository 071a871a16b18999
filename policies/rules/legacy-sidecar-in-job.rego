# A long-running helper (proxy, agent, log shipper, sleep infinity) in the containers of a Job or CronJob.
# The Rego twin of packages/core/src/rules/legacy-sidecar-in-job.ts: same paths, spans, effects, severities and
# per-minor messages.
package sidecar_lint.rules.legacy_sidecar_in_job

import rego.v1

import data.lib.sidecar_lint.context
import data.lib.sidecar_lint.heuristics
import data.lib.sidecar_lint.paths
import data.lib.sidecar_lint.report
import data.lib.sidecar_lint.target
import data.lib.sidecar_lint.view

rule_id := "legacy-sidecar-in-job"

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
	site.workload in {"job", "cronjob"}
	helpers := [{"c": c, "reason": heuristics.helper_reason(c.spec)} | some c in site.by_list.containers]
	mains := [h.c | some h in helpers; count(h.reason) == 0]
	count(mains) > 0
	not heuristics.stops_helpers_itself(site.all)
	some h in helpers
	count(h.reason) > 0
	msg := sprintf("container %s does not exit on its own (%s), so after %s finishes the pod keeps running and %s.", [view.label(h.c), h.reason[0], view.label(mains[0]), batch_subject(site)])
	r := report.make(site, h.c.path, "missing", null, "warning", msg)
}

batch_subject(site) := "the Jobs of the CronJob never complete" if site.workload == "cronjob"

batch_subject(site) := "the Job never completes" if site.workload != "cronjob"
