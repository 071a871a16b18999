# A proxy or agent sidecar without startupProbe that other containers start after.
# The Rego twin of packages/core/src/rules/sidecar-startup-probe.ts: same paths, spans, effects, severities and
# per-minor messages.
package sidecar_lint.rules.sidecar_startup_probe

import rego.v1

import data.lib.sidecar_lint.context
import data.lib.sidecar_lint.heuristics
import data.lib.sidecar_lint.paths
import data.lib.sidecar_lint.report
import data.lib.sidecar_lint.target
import data.lib.sidecar_lint.view

rule_id := "sidecar-startup-probe"

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
	init := site.by_list.initContainers
	some position, c in init
	c.role == "sidecar"
	heuristics.provides_service(c.spec)
	not is_object(c.spec.startupProbe)
	not post_start(c.spec)
	next := next_container(site, position)
	msg := sprintf("sidecar %s has no startupProbe, so %s starts as soon as its process exists, possibly before it is ready.", [view.label(c), view.label(next)])
	r := report.make(site, array.concat(c.path, ["startupProbe"]), "missing", null, "warning", msg)
}

# A postStart hook gates the next container too (linkerd-await, pilot-agent wait).
post_start(spec) if {
	is_object(spec.lifecycle)
	is_object(spec.lifecycle.postStart)
}

next_container(site, position) := site.by_list.initContainers[position + 1]

next_container(site, position) := site.by_list.containers[0] if {
	not site.by_list.initContainers[position + 1]
}
