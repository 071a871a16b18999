# restartPolicy: Always on an init container whose command runs to completion.
# The Rego twin of packages/core/src/rules/one-shot-sidecar.ts: same paths, spans, effects, severities and
# per-minor messages.
package sidecar_lint.rules.one_shot_sidecar

import rego.v1

import data.lib.sidecar_lint.context
import data.lib.sidecar_lint.heuristics
import data.lib.sidecar_lint.paths
import data.lib.sidecar_lint.report
import data.lib.sidecar_lint.target
import data.lib.sidecar_lint.view

rule_id := "one-shot-sidecar"

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
	c.role == "sidecar"
	[command] := heuristics.one_shot_command(c.spec)
	msg := sprintf("sidecar %s runs %s, which completes: it is restarted every time it exits, and the containers after it start without waiting for it to finish.", [view.label(c), command.name])
	r := report.make(site, array.concat(c.path, ["restartPolicy"]), "entry", null, "warning", msg)
}
