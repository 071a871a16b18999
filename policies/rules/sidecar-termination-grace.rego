# A terminationGracePeriodSeconds that the preStop sleeps of app and sidecar containers use up.
# The Rego twin of packages/core/src/rules/sidecar-termination-grace.ts: same paths, spans, effects, severities and
# per-minor messages.
package sidecar_lint.rules.sidecar_termination_grace

import rego.v1

import data.lib.sidecar_lint.context
import data.lib.sidecar_lint.heuristics
import data.lib.sidecar_lint.paths
import data.lib.sidecar_lint.report
import data.lib.sidecar_lint.target
import data.lib.sidecar_lint.view

rule_id := "sidecar-termination-grace"

all_reports := reports(context.ctx)

# The aggregate's share: {ruleId, severity, path, span, effect, message, item}.
findings := report.findings(rule_id, all_reports)

deny contains msg if some msg in report.deny(rule_id, context.ctx, all_reports)

warn contains msg if some msg in report.warn(rule_id, context.ctx, all_reports)

violation contains v if {
	context.gatekeeper
	some v in report.violation(rule_id, context.ctx, all_reports)
}

default_grace_period := 30

reports(ctx) := {r |
	some site in ctx.sites
	sidecars := [c | some c in site.by_list.initContainers; c.role == "sidecar"]
	count(sidecars) > 0
	candidates := array.concat(site.by_list.containers, sidecars)
	sleeps := [{"c": c, "seconds": s} |
		some c in candidates
		s := pre_stop_sleep(c.spec)
		s > 0
	]
	count(sleeps) > 0
	longest := latest(sleeps)
	grace := grace_period(site.spec)
	longest.seconds >= grace
	msg := sprintf("%s but the preStop hook of %s sleeps %s seconds, %s.", [grace_text(site.spec, grace), who(longest.c), paths.number_text(longest.seconds), victims(longest.c, sidecars)])
	r := report.make(site, array.concat(site.spec_path, ["terminationGracePeriodSeconds"]), span(site.spec), null, "warning", msg)
}

# The first of the longest sleeps decides when the last sidecar gets SIGTERM.
latest(sleeps) := [e | some i, e in sleeps; first_longest(sleeps, i)][0]

first_longest(sleeps, i) if {
	longest := max([e.seconds | some e in sleeps])
	sleeps[i].seconds == longest
	not earlier_longest(sleeps, i, longest)
}

earlier_longest(sleeps, i, longest) if {
	some j, e in sleeps
	j < i
	e.seconds == longest
}

# How long a preStop hook sleeps: the sleep action, or the sleep commands of an exec hook.
pre_stop_sleep(spec) := s if {
	pre_stop := spec.lifecycle.preStop
	is_object(pre_stop)
	is_object(pre_stop.sleep)
	is_number(pre_stop.sleep.seconds)
	s := max([0, pre_stop.sleep.seconds])
}

pre_stop_sleep(spec) := s if {
	not sleep_action(spec)
	pre_stop := spec.lifecycle.preStop
	is_object(pre_stop.exec)
	is_array(pre_stop.exec.command)
	s := heuristics.pre_stop_sleep_seconds(concat(" ", [p | some p in pre_stop.exec.command; is_string(p)]))
}

pre_stop_sleep(spec) := 0 if {
	not sleep_action(spec)
	not exec_command(spec)
}

sleep_action(spec) if {
	is_object(spec.lifecycle)
	is_object(spec.lifecycle.preStop)
	is_object(spec.lifecycle.preStop.sleep)
	is_number(spec.lifecycle.preStop.sleep.seconds)
}

exec_command(spec) if {
	is_object(spec.lifecycle)
	is_object(spec.lifecycle.preStop)
	is_object(spec.lifecycle.preStop.exec)
	is_array(spec.lifecycle.preStop.exec.command)
}

grace_period(spec) := spec.terminationGracePeriodSeconds if is_number(spec.terminationGracePeriodSeconds)

grace_period(spec) := default_grace_period if not is_number(spec.terminationGracePeriodSeconds)

grace_text(spec, grace) := sprintf("the pod's terminationGracePeriodSeconds is %s", [paths.number_text(grace)]) if {
	is_number(spec.terminationGracePeriodSeconds)
}

grace_text(spec, grace) := sprintf("the pod's terminationGracePeriodSeconds is %s (the default)", [paths.number_text(grace)]) if {
	not is_number(spec.terminationGracePeriodSeconds)
}

span(spec) := "value" if is_number(spec.terminationGracePeriodSeconds)

span(spec) := "missing" if not is_number(spec.terminationGracePeriodSeconds)

who(c) := sprintf("sidecar %s", [view.label(c)]) if c.role == "sidecar"

who(c) := view.label(c) if c.role != "sidecar"

victims(c, sidecars) := "so it gets SIGTERM only when the grace period has run out and is killed 2 seconds later" if {
	c.role == "sidecar"
	count(sidecars) == 1
}

victims(c, sidecars) := sprintf("so sidecar %s gets SIGTERM only when the grace period has run out and is killed 2 seconds later", [view.label(sidecars[0])]) if {
	c.role != "sidecar"
	count(sidecars) == 1
}

victims(_, sidecars) := "so the sidecars get SIGTERM only when the grace period has run out and are killed 2 seconds later" if {
	count(sidecars) > 1
}
