# Probes or lifecycle hooks on a plain init container.
# The Rego twin of packages/core/src/rules/init-container-probes.ts: same paths, spans, effects, severities and
# per-minor messages.
package sidecar_lint.rules.init_container_probes

import rego.v1

import data.lib.sidecar_lint.context
import data.lib.sidecar_lint.paths
import data.lib.sidecar_lint.report
import data.lib.sidecar_lint.target
import data.lib.sidecar_lint.view

rule_id := "init-container-probes"

all_reports := reports(context.ctx)

# The aggregate's share: {ruleId, severity, path, span, effect, message, item}.
findings := report.findings(rule_id, all_reports)

deny contains msg if some msg in report.deny(rule_id, context.ctx, all_reports)

warn contains msg if some msg in report.warn(rule_id, context.ctx, all_reports)

violation contains v if {
	context.gatekeeper
	some v in report.violation(rule_id, context.ctx, all_reports)
}

probe_fields := ["lifecycle", "livenessProbe", "readinessProbe", "startupProbe"]

reports(ctx) := {r |
	some site in ctx.sites
	some c in site.by_list.initContainers
	c.role == "init"
	some field in probe_fields
	c.spec[field] != null
	r := report.make(site, array.concat(c.path, [field]), "entry", "Rejected", "error", message(ctx.target))
}

message(t) := "Forbidden: may not be set for init containers without restartPolicy=Always." if {
	target.field_exists(t, "container.restartPolicy")
}

message(t) := "Forbidden: may not be set for init containers." if not target.field_exists(t, "container.restartPolicy")
