# A workaround for legacy sidecars where native sidecars are available.
# The Rego twin of packages/core/src/rules/legacy-sidecar-workarounds.ts: same paths, spans, effects, severities and
# per-minor messages.
package sidecar_lint.rules.legacy_sidecar_workarounds

import rego.v1

import data.lib.sidecar_lint.context
import data.lib.sidecar_lint.heuristics
import data.lib.sidecar_lint.paths
import data.lib.sidecar_lint.report
import data.lib.sidecar_lint.target
import data.lib.sidecar_lint.view

rule_id := "legacy-sidecar-workarounds"

all_reports := reports(context.ctx)

# The aggregate's share: {ruleId, severity, path, span, effect, message, item}.
findings := report.findings(rule_id, all_reports)

deny contains msg if some msg in report.deny(rule_id, context.ctx, all_reports)

warn contains msg if some msg in report.warn(rule_id, context.ctx, all_reports)

violation contains v if {
	context.gatekeeper
	some v in report.violation(rule_id, context.ctx, all_reports)
}

why := "native sidecars, which every targeted version runs, start before the app containers and stop after them."

reports(ctx) := annotation_reports(ctx) | command_reports(ctx) if ctx.target.sidecarsEverywhere

reports(ctx) := set() if not ctx.target.sidecarsEverywhere

annotation_reports(ctx) := {r |
	some site in ctx.sites
	metadata_path := site.template_metadata_path
	is_array(metadata_path)
	walk(site.object, [metadata_path, metadata])
	is_object(metadata.annotations)
	some entry in heuristics.annotation_workarounds
	value := metadata.annotations[entry.key]
	value != null
	pattern_matches(entry.pattern, value)
	msg := sprintf("annotation %s is a legacy sidecar workaround (%s); %s", [paths.quote(entry.key), entry.name, why])
	r := report.make(site, array.concat(metadata_path, ["annotations", entry.key]), "entry", null, "info", msg)
}

pattern_matches(null, _) := true

pattern_matches(pattern, value) if {
	is_string(pattern)
	regex.match(pattern, js_string(value))
}

# JavaScript's String() of an annotation value (YAML may give numbers and booleans).
js_string(v) := v if is_string(v)

js_string(v) := paths.number_text(v) if is_number(v)

js_string(v) := json.marshal(v) if is_boolean(v)

js_string(v) := "[object Object]" if is_object(v)

js_string(v) := concat(",", [json.marshal(x) | some x in v]) if is_array(v)

command_reports(ctx) := {r |
	some site in ctx.sites
	some c in site.all
	some field in ["command", "args"]
	parts := c.spec[field]
	is_array(parts)
	hit := workaround_hit(c, field, parts)
	msg := sprintf("container %s uses a legacy sidecar workaround (%s); %s", [view.label(c), hit.entry.name, why])
	r := report.make(site, hit.path, "value", null, "info", msg)
}

part_hits(parts) := [i | some i, part in parts; is_string(part); count(heuristics.command_workaround(part)) > 0]

# The first part that is a workaround on its own, else the whole line.
workaround_hit(c, field, parts) := {"path": array.concat(c.path, [field, i]), "entry": heuristics.command_workaround(parts[i])[0]} if {
	i := part_hits(parts)[0]
}

workaround_hit(c, field, parts) := {"path": array.concat(c.path, [field]), "entry": entries[0]} if {
	count(part_hits(parts)) == 0
	entries := heuristics.command_workaround(concat(" ", [p | some p in parts; is_string(p)]))
	count(entries) > 0
}
