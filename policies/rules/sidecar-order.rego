# A plain init container declared before a proxy sidecar it probably needs.
# The Rego twin of packages/core/src/rules/sidecar-order.ts: same paths, spans, effects, severities and
# per-minor messages.
package sidecar_lint.rules.sidecar_order

import rego.v1

import data.lib.sidecar_lint.context
import data.lib.sidecar_lint.heuristics
import data.lib.sidecar_lint.paths
import data.lib.sidecar_lint.report
import data.lib.sidecar_lint.target
import data.lib.sidecar_lint.view

rule_id := "sidecar-order"

all_reports := reports(context.ctx)

# The aggregate's share: {ruleId, severity, path, span, effect, message, item}.
findings := report.findings(rule_id, all_reports)

deny contains msg if some msg in report.deny(rule_id, context.ctx, all_reports)

warn contains msg if some msg in report.warn(rule_id, context.ctx, all_reports)

violation contains v if {
	context.gatekeeper
	some v in report.violation(rule_id, context.ctx, all_reports)
}

# Local addresses: in a pod, the containers share one network namespace, so this is another container.
loopback := `(^|[^0-9A-Za-z.-])(localhost|127\.0\.0\.1)([^0-9A-Za-z.-]|$)`

reports(ctx) := {r |
	some site in ctx.sites
	init := site.by_list.initContainers
	some position, c in init
	c.role == "init"
	[first] := array.slice(candidates(init, position, c), 0, 1)
	msg := sprintf("init container %s runs before sidecar %s (%s) has started, so it cannot reach the network through it.", [view.label(c), view.label(first.later), first.proxy.name])
	r := report.make(site, c.path, "missing", null, "warning", msg)
}

# The sidecar proxies after an init container that it probably needs, in order.
candidates(init, position, c) := [{"later": later, "proxy": proxy[0]} |
	some p, later in init
	p > position
	later.role == "sidecar"
	proxy := heuristics.known_proxy(later.spec)
	count(proxy) > 0
	needs_proxy(c, proxy[0].kind)
]

# The env values of a container, where connection strings (DB_HOST=127.0.0.1) are written.
env_text(spec) := concat(" ", [env_value(e) | some e in spec.env]) if is_array(spec.env)

env_text(spec) := "" if not is_array(spec.env)

env_value(e) := e.value if is_string(e.value)

env_value(e) := "" if not is_string(e.value)

one_shot_kind(spec) := k if {
	[e] := heuristics.one_shot_command(spec)
	k := e.kind
}

one_shot_kind(spec) := null if count(heuristics.one_shot_command(spec)) == 0

# Does this plain init container probably reach the network through the proxy?
needs_proxy(init, proxy_kind) if {
	kind := one_shot_kind(init.spec)
	kind != "mesh-setup"
	uses_network(init, kind, proxy_kind)
}

uses_network(init, _, _) if regex.match(loopback, heuristics.command_line(init.spec))

uses_network(init, _, _) if regex.match(loopback, env_text(init.spec))

uses_network(_, "migration", proxy_kind) if proxy_kind in {"mesh-proxy", "db-proxy"}

uses_network(_, "network", "mesh-proxy") := true
