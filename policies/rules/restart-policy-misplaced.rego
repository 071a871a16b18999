# restartPolicy or restartPolicyRules where the schema has no such field.
# The Rego twin of packages/core/src/rules/restart-policy-misplaced.ts: same paths, spans, effects, severities and
# per-minor messages.
package sidecar_lint.rules.restart_policy_misplaced

import rego.v1

import data.lib.sidecar_lint.context
import data.lib.sidecar_lint.paths
import data.lib.sidecar_lint.report
import data.lib.sidecar_lint.target
import data.lib.sidecar_lint.view

rule_id := "restart-policy-misplaced"

all_reports := reports(context.ctx)

# The aggregate's share: {ruleId, severity, path, span, effect, message, item}.
findings := report.findings(rule_id, all_reports)

deny contains msg if some msg in report.deny(rule_id, context.ctx, all_reports)

warn contains msg if some msg in report.warn(rule_id, context.ctx, all_reports)

violation contains v if {
	context.gatekeeper
	some v in report.violation(rule_id, context.ctx, all_reports)
}

restart_fields := {"restartPolicy", "restartPolicyRules"}

# Maps whose keys are data (labels, selectors, parameters), where any key name is fine.
free_form_maps := {"labels", "annotations", "nodeSelector", "matchLabels", "volumeAttributes", "options", "parameters", "data", "stringData"}

container_lists := {"initContainers", "containers", "ephemeralContainers"}

reports(ctx) := {r |
	some site in ctx.sites
	some path in misplaced(site)
	r := misplaced_report(ctx.target, site, path)
}

misplaced_report(t, site, path) := report.make(site, path, "entry", "Rejected", "error", paths.strict_unknown_field(path)) if {
	t.fieldValidation == "strict"
}

misplaced_report(t, site, path) := report.make(site, path, "entry", "Dropped with a warning", "warning", "unknown field, the API server ignores it.") if {
	t.fieldValidation == "warn"
}

# Outside the pod spec only built-in kinds have a schema we know; for the others, look inside it.
misplaced(site) := {path |
	walk(site.object, [path, _])
	found(site, path, 0)
} if site.builtin

misplaced(site) := {path |
	walk(site.spec, [relative, _])
	path := array.concat(site.spec_path, relative)
	found(site, path, count(site.spec_path))
} if not site.builtin

# A restart field whose parent object the core's walk visits (at most 64 deep, never inside
# free-form maps or status) and where the schema has no such field.
found(site, path, from) if {
	n := count(path)
	n > 0
	key := path[n - 1]
	key in restart_fields
	parent := array.slice(path, 0, n - 1)
	count(parent) <= 64
	not skipped(parent, from)
	not allowed(site, parent, key)
}

skipped(parent, from) if {
	some i, segment in parent
	i >= from
	is_string(segment)
	skipped_key(segment)
}

skipped_key(key) if key in free_form_maps

skipped_key("status") := true

inside_spec(site, parent) if array.slice(parent, 0, count(site.spec_path)) == site.spec_path

allowed(site, parent, "restartPolicy") if {
	inside_spec(site, parent)
	count(parent) == count(site.spec_path)
}

# A container of the pod spec.
allowed(site, parent, _) if {
	inside_spec(site, parent)
	count(parent) == count(site.spec_path) + 2
	parent[count(site.spec_path)] in container_lists
}

# A container's resizePolicy entries have a restartPolicy of their own (NotRequired, RestartContainer).
allowed(site, parent, "restartPolicy") if {
	inside_spec(site, parent)
	n := count(site.spec_path)
	count(parent) == n + 4
	parent[n] in container_lists
	parent[n + 2] == "resizePolicy"
}
