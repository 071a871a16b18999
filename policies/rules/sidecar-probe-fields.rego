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

# Several checks can report at one path (a port name's problems, a negative successThreshold);
# `order` is the check's place in the core's order, which the host keeps when it merges them.
rejected(h, path, span, order, msg) := report.make_ordered(h.site, path, span, "Rejected", "error", msg, order)

handler_reports(ctx) := {r |
	some h in handlers(ctx)
	some r in handler_problems(h, present(h))
}

# A probe or hook without a handler is a missing field: its span is the key.
handler_problems(h, kinds) := {rejected(h, h.path, "missing", 0, "Required value: must specify a handler type.")} if count(kinds) == 0

handler_problems(h, kinds) := extra | action_problems(h, kinds[0], h.handler[kinds[0]]) if {
	count(kinds) > 0
	extra := {rejected(h, array.concat(h.path, [kind]), "entry", 1, "Forbidden: may not specify more than 1 handler type.") |
		some j, kind in kinds
		j > 0
	}
}

action_problems(h, kind, action) := (command_problems(h, kind, action) | port_problems(h, kind, action)) | scheme_problems(h, kind, action) if {
	is_object(action)
}

action_problems(_, _, action) := set() if not is_object(action)

command_problems(h, kind, action) := {rejected(h, array.concat(h.path, ["exec", "command"]), "missing", 2, "Required value.") |
	kind == "exec"
	not non_empty_array(action.command)
}

non_empty_array(v) if {
	is_array(v)
	count(v) > 0
}

port_problems(h, kind, action) := {r |
	kind in {"httpGet", "tcpSocket", "grpc"}
	path := array.concat(h.path, [kind, "port"])
	# httpGet's and tcpSocket's port is an IntOrString; grpc's is an int32, where a string does not decode at all.
	some r in port_report(h, path, object.get(action, "port", null), kind != "grpc")
}

port_report(h, path, port, _) := {rejected(h, path, "value", 3, sprintf("Invalid value: %s: must be between 1 and 65535, inclusive.", [paths.number_text(port)]))} if {
	is_number(port)
	not valid_port(port)
}

port_report(h, path, port, true) := {rejected(h, path, "value", 3 + i, sprintf("Invalid value: %s: %s.", [json.marshal(port), problem])) |
	some i, problem in port_name_problems(port)
} if is_string(port)

# A missing port decodes as the integer 0.
port_report(h, path, null, _) := {rejected(h, path, "missing", 3, "Invalid value: 0: must be between 1 and 65535, inclusive.")}

port_report(_, _, port, named) := set() if {
	not invalid_number_port(port)
	not named_port(port, named)
	port != null
}

invalid_number_port(port) if {
	is_number(port)
	not valid_port(port)
}

named_port(port, true) if is_string(port)

valid_port(port) if {
	port == floor(port)
	port >= 1
	port <= 65535
}

# apimachinery's IsValidPortName: an IANA service name (15 characters of [-a-z0-9], a letter, no edge
# or double hyphens). Each problem is a message of its own, in IsValidPortName's order.
port_name_problems(name) := array.concat(array.concat(array.concat(array.concat(
	[p | count(name) > 15; p := "must be no more than 15 characters"],
	[p | not regex.match(`^[-a-z0-9]+$`, name); p := "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)"],
), [p | not regex.match(`[a-z]`, name); p := "must contain at least one letter (a-z)"]), [p | contains(name, "--"); p := "must not contain consecutive hyphens"]), [p | edge_hyphen(name); p := "must not begin or end with a hyphen"])

edge_hyphen(name) if startswith(name, "-")

edge_hyphen(name) if endswith(name, "-")

# An empty or missing scheme is defaulted to HTTP before validation.
scheme_problems(h, kind, action) := {rejected(h, array.concat(h.path, ["httpGet", "scheme"]), "value", 8, paths.unsupported_value(scheme, ["HTTP", "HTTPS"])) |
	kind == "httpGet"
	scheme := object.get(action, "scheme", null)
	not scheme in {null, "", "HTTP", "HTTPS"}
}

probe_reports(ctx) := {r |
	some h in handlers(ctx)
	h.kinds == probe_handlers
	some r in timing_problems(h, h.field, h.handler)
}

# In the order of validateProbe, then the liveness/startup and readiness checks after it.
timing_problems(h, field, probe) := ((negative | grace) | success) | readiness_grace if {
	negative := {rejected(h, array.concat(h.path, [key]), "value", 9, sprintf("Invalid value: %s: must be greater than or equal to 0.", [paths.number_text(value)])) |
		some key in non_negative
		value := probe[key]
		is_number(value)
		value < 0
	}
	grace := {rejected(h, array.concat(h.path, ["terminationGracePeriodSeconds"]), "value", 10, sprintf("Invalid value: %s: must be greater than 0.", [paths.number_text(value)])) |
		value := probe.terminationGracePeriodSeconds
		is_number(value)
		value <= 0
	}
	# successThreshold 0 (or unset) is defaulted to 1 before validation.
	success := {rejected(h, array.concat(h.path, ["successThreshold"]), "value", 11, sprintf("Invalid value: %s: must be 1.", [paths.number_text(value)])) |
		field in {"livenessProbe", "startupProbe"}
		value := probe.successThreshold
		is_number(value)
		not value in {0, 1}
	}
	readiness_grace := {rejected(h, array.concat(h.path, ["terminationGracePeriodSeconds"]), "value", 12, sprintf("Invalid value: %s: must not be set for readinessProbes.", [json.marshal(value)])) |
		field == "readinessProbe"
		value := probe.terminationGracePeriodSeconds
		value != null
	}
}
