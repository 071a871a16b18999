# Probes and lifecycle hooks of a sidecar that the API server rejects.
# The Rego twin of packages/core/src/rules/sidecar-probe-fields.ts: same paths, spans, effects, severities and
# per-minor messages.
package sidecar_lint.rules.sidecar_probe_fields

import rego.v1

import data.lib.sidecar_lint.context
import data.lib.sidecar_lint.paths
import data.lib.sidecar_lint.report
import data.lib.sidecar_lint.target
import data.lib.sidecar_lint.view

rule_id := "sidecar-probe-fields"

all_reports := reports(context.ctx)

# The aggregate's share: {ruleId, severity, path, span, effect, message, item}.
findings := report.findings(rule_id, all_reports)

deny contains msg if some msg in report.deny(rule_id, context.ctx, all_reports)

warn contains msg if some msg in report.warn(rule_id, context.ctx, all_reports)

violation contains v if {
	context.gatekeeper
	some v in report.violation(rule_id, context.ctx, all_reports)
}

probe_handlers := ["exec", "httpGet", "tcpSocket", "grpc"]

lifecycle_handlers := ["exec", "httpGet", "tcpSocket", "sleep"]

non_negative := ["initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold"]

reports(ctx) := handler_reports(ctx) | probe_reports(ctx)

# Every probe and lifecycle hook of every sidecar, with the handler kinds it may use.
handlers(ctx) := {h |
	some site in ctx.sites
	some c in site.by_list.initContainers
	c.role == "sidecar"
	some h in container_handlers(site, c)
}

container_handlers(site, c) := {{"site": site, "field": field, "handler": probe, "path": array.concat(c.path, [field]), "kinds": probe_handlers} |
	some field in ["livenessProbe", "readinessProbe", "startupProbe"]
	probe := c.spec[field]
	is_object(probe)
} | {{"site": site, "field": hook, "handler": handler, "path": array.concat(c.path, ["lifecycle", hook]), "kinds": lifecycle_handlers} |
	is_object(c.spec.lifecycle)
	some hook in ["postStart", "preStop"]
	handler := c.spec.lifecycle[hook]
	is_object(handler)
}

present(h) := [kind | some kind in h.kinds; h.handler[kind] != null]

rejected(h, path, span, msg) := report.make(h.site, path, span, "Rejected", "error", msg)

handler_reports(ctx) := {r |
	some h in handlers(ctx)
	some r in handler_problems(h, present(h))
}

handler_problems(h, kinds) := {rejected(h, h.path, "entry", "Required value: must specify a handler type.")} if count(kinds) == 0

handler_problems(h, kinds) := extra | action_problems(h, kinds[0], h.handler[kinds[0]]) if {
	count(kinds) > 0
	extra := {rejected(h, array.concat(h.path, [kind]), "entry", "Forbidden: may not specify more than 1 handler type.") |
		some j, kind in kinds
		j > 0
	}
}

action_problems(h, kind, action) := (command_problems(h, kind, action) | port_problems(h, kind, action)) | scheme_problems(h, kind, action) if {
	is_object(action)
}

action_problems(_, _, action) := set() if not is_object(action)

command_problems(h, "exec", action) := {rejected(h, array.concat(h.path, ["exec", "command"]), "missing", "Required value.")} if {
	not non_empty_array(action.command)
}

command_problems(_, kind, action) := set() if {
	not missing_command(kind, action)
}

missing_command("exec", action) if not non_empty_array(action.command)

non_empty_array(v) if {
	is_array(v)
	count(v) > 0
}

port_problems(h, kind, action) := {r |
	kind in {"httpGet", "tcpSocket", "grpc"}
	path := array.concat(h.path, [kind, "port"])
	some r in port_report(h, path, object.get(action, "port", null))
}

port_problems(_, kind, _) := set() if not kind in {"httpGet", "tcpSocket", "grpc"}

port_report(h, path, port) := {rejected(h, path, "value", sprintf("Invalid value: %s: must be between 1 and 65535, inclusive.", [paths.number_text(port)]))} if {
	is_number(port)
	not valid_port(port)
}

port_report(h, path, port) := {rejected(h, path, "missing", "Invalid value: 0: must be between 1 and 65535, inclusive.")} if {
	port in {null, ""}
}

port_report(_, _, port) := set() if {
	not invalid_number_port(port)
	not port in {null, ""}
}

invalid_number_port(port) if {
	is_number(port)
	not valid_port(port)
}

valid_port(port) if {
	port == floor(port)
	port >= 1
	port <= 65535
}

scheme_problems(h, "httpGet", action) := {rejected(h, array.concat(h.path, ["httpGet", "scheme"]), "value", paths.unsupported_value(action.scheme, ["HTTP", "HTTPS"]))} if {
	_ := action.scheme
	not action.scheme in {"HTTP", "HTTPS"}
}

scheme_problems(_, kind, action) := set() if not bad_scheme(kind, action)

bad_scheme("httpGet", action) if {
	_ := action.scheme
	not action.scheme in {"HTTP", "HTTPS"}
}

probe_reports(ctx) := {r |
	some h in handlers(ctx)
	h.kinds == probe_handlers
	some r in timing_problems(h, h.field, h.handler)
}

timing_problems(h, field, probe) := ((negative | success) | readiness_grace) | grace if {
	negative := {rejected(h, array.concat(h.path, [key]), "value", sprintf("Invalid value: %s: must be greater than or equal to 0.", [paths.number_text(value)])) |
		some key in non_negative
		value := probe[key]
		is_number(value)
		value < 0
	}
	success := {rejected(h, array.concat(h.path, ["successThreshold"]), "value", sprintf("Invalid value: %s: must be 1.", [paths.number_text(value)])) |
		field in {"livenessProbe", "startupProbe"}
		value := probe.successThreshold
		is_number(value)
		value != 1
		value >= 0
	}
	readiness_grace := {rejected(h, array.concat(h.path, ["terminationGracePeriodSeconds"]), "value", sprintf("Invalid value: %s: must not be set for readinessProbes.", [json.marshal(value)])) |
		field == "readinessProbe"
		value := probe.terminationGracePeriodSeconds
		value != null
	}
	grace := {rejected(h, array.concat(h.path, ["terminationGracePeriodSeconds"]), "value", sprintf("Invalid value: %s: must be greater than 0.", [paths.number_text(value)])) |
		field != "readinessProbe"
		value := probe.terminationGracePeriodSeconds
		is_number(value)
		value <= 0
	}
}
