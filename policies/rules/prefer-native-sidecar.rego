# A known proxy or agent in the containers of a long-running workload where native sidecars are available.
# The Rego twin of packages/core/src/rules/prefer-native-sidecar.ts: same paths, spans, effects, severities and
# per-minor messages.
package sidecar_lint.rules.prefer_native_sidecar

import rego.v1

import data.lib.sidecar_lint.context
import data.lib.sidecar_lint.heuristics
import data.lib.sidecar_lint.paths
import data.lib.sidecar_lint.report
import data.lib.sidecar_lint.target
import data.lib.sidecar_lint.view

rule_id := "prefer-native-sidecar"

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
	ctx.target.sidecarsEverywhere
	some site in ctx.sites
	long_running(site)
	helpers := [{"c": c, "image": helper_image(c.spec)} | some c in site.by_list.containers]
	apps := [h.c | some h in helpers; count(h.image) == 0]
	count(apps) > 0
	some h in helpers
	count(h.image) > 0
	not view.declared(h.c, "restartPolicy")
	msg := sprintf("container %s (%s) runs beside %s as an ordinary container; as a native sidecar it would start before the app containers and stop after them.", [view.label(h.c), h.image[0].name, view.label(apps[0])])
	r := report.make(site, h.c.path, "missing", null, "info", msg)
}

helper_image(spec) := [] if count(heuristics.one_shot_command(spec)) > 0

helper_image(spec) := heuristics.known_long_running_image(spec) if count(heuristics.one_shot_command(spec)) == 0

# Workloads whose pods run until they are replaced; a bare Pod or PodTemplate when its restartPolicy is Always.
long_running(site) if site.workload == "controller"

long_running(site) if {
	site.workload in {"pod", "template"}
	object.get(site.spec, "restartPolicy", null) in {null, "", "Always"}
}
