# A plain init container that never exits.
# The Rego twin of packages/core/src/rules/blocking-init-container.ts: same paths, spans, effects, severities and
# per-minor messages.
package sidecar_lint.rules.blocking_init_container

import rego.v1

import data.lib.sidecar_lint.context
import data.lib.sidecar_lint.heuristics
import data.lib.sidecar_lint.paths
import data.lib.sidecar_lint.report
import data.lib.sidecar_lint.target
import data.lib.sidecar_lint.view

rule_id := "blocking-init-container"

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
	c.role == "init"
	not lost_always(c.spec)
	reason := heuristics.never_exits_reason(c.spec)
	count(reason) > 0
	msg := sprintf("init container %s never exits (%s), so the pod stays in Init and its app containers never start.", [view.label(c), reason[0]])
	r := report.make(site, c.path, "missing", null, "warning", msg)
}

# A lost Always (dropped, unknown in 1.27, wrong case) is another rule's error; do not say it twice.
lost_always(spec) if {
	is_string(spec.restartPolicy)
	lower(trim_space(spec.restartPolicy)) == "always"
}
