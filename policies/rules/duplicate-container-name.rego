# A container name used twice across init, app and ephemeral containers.
# The Rego twin of packages/core/src/rules/duplicate-container-name.ts: same paths, spans, effects, severities and
# per-minor messages.
package sidecar_lint.rules.duplicate_container_name

import rego.v1

import data.lib.sidecar_lint.context
import data.lib.sidecar_lint.paths
import data.lib.sidecar_lint.report
import data.lib.sidecar_lint.target
import data.lib.sidecar_lint.view

rule_id := "duplicate-container-name"

all_reports := reports(context.ctx)

# The aggregate's share: {ruleId, severity, path, span, effect, message, item}.
findings := report.findings(rule_id, all_reports)

deny contains msg if some msg in report.deny(rule_id, context.ctx, all_reports)

warn contains msg if some msg in report.warn(rule_id, context.ctx, all_reports)

violation contains v if {
	context.gatekeeper
	some v in report.violation(rule_id, context.ctx, all_reports)
}

# Regular containers repeat each other; init containers repeat a regular one or an earlier init
# container; ephemeral containers repeat any of those or an earlier ephemeral container.
reports(ctx) := {r |
	some site in ctx.sites
	some list in ["containers", "initContainers", "ephemeralContainers"]
	some position, c in site.by_list[list]
	named(c)
	duplicate(site, list, position, c.name)
	r := report.make(site, array.concat(c.path, ["name"]), "value", "Rejected", "error", sprintf("Duplicate value: %s.", [paths.quote(c.name)]))
}

named(c) if {
	is_string(c.name)
	c.name != ""
}

earlier(site, list, position, name) if {
	some p, other in site.by_list[list]
	p < position
	other.name == name
}

used_in(site, list, name) if {
	some other in site.by_list[list]
	other.name == name
}

duplicate(site, list, position, name) if earlier(site, list, position, name)

duplicate(site, "initContainers", _, name) if used_in(site, "containers", name)

duplicate(site, "ephemeralContainers", _, name) if used_in(site, "containers", name)

duplicate(site, "ephemeralContainers", _, name) if used_in(site, "initContainers", name)
