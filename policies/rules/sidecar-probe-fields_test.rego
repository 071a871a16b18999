package sidecar_lint.rules.sidecar_probe_fields_test

import rego.v1

import data.sidecar_lint.rules.sidecar_probe_fields as rule
import data.sidecar_lint.test.helpers as h

lint(doc, version) := h.findings(rule.rule_id, rule.reports(h.ctx(doc, version)))

bad(path, span, order, message) := h.ordered("sidecar-probe-fields", "error", concat("", ["spec.initContainers[0].", path]), span, "Rejected", message, order)

sidecar(fields) := h.pod({"initContainers": [object.union({"name": "proxy", "restartPolicy": "Always"}, fields)], "containers": [{"name": "app"}]})

test_probe_checks if {
	lint(sidecar({
		"livenessProbe": {"exec": {"command": []}, "successThreshold": 2, "periodSeconds": -1},
		"readinessProbe": {"httpGet": {"port": 70000, "scheme": "http"}, "terminationGracePeriodSeconds": 10, "tcpSocket": {"port": 1}},
		"startupProbe": {"grpc": {}, "terminationGracePeriodSeconds": 0},
	}), "1.31") == {
		bad("livenessProbe.exec.command", "missing", 2, "Required value."),
		bad("livenessProbe.successThreshold", "value", 11, "Invalid value: 2: must be 1."),
		bad("livenessProbe.periodSeconds", "value", 9, "Invalid value: -1: must be greater than or equal to 0."),
		bad("readinessProbe.tcpSocket", "entry", 1, "Forbidden: may not specify more than 1 handler type."),
		bad("readinessProbe.httpGet.port", "value", 3, "Invalid value: 70000: must be between 1 and 65535, inclusive."),
		bad("readinessProbe.httpGet.scheme", "value", 8, "Unsupported value: \"http\": supported values: \"HTTP\", \"HTTPS\"."),
		bad("readinessProbe.terminationGracePeriodSeconds", "value", 12, "Invalid value: 10: must not be set for readinessProbes."),
		bad("startupProbe.grpc.port", "missing", 3, "Invalid value: 0: must be between 1 and 65535, inclusive."),
		bad("startupProbe.terminationGracePeriodSeconds", "value", 10, "Invalid value: 0: must be greater than 0."),
	}
}

# What defaulting makes valid: successThreshold 0 becomes 1, an empty scheme HTTP.
test_defaulted_values_are_valid if {
	lint(sidecar({
		"startupProbe": {"httpGet": {"port": "admin-http", "scheme": ""}, "successThreshold": 0},
		"livenessProbe": {"httpGet": {"port": 8080, "scheme": null}},
	}), "1.31") == set()
}

# A checked value can fail several checks at one path; each is a message, in the API server's order.
test_several_messages_at_one_path if {
	lint(sidecar({
		"livenessProbe": {"tcpSocket": {"port": 80}, "successThreshold": -1},
		"readinessProbe": {"tcpSocket": {"port": 80}, "terminationGracePeriodSeconds": -5},
	}), "1.31") == {
		bad("livenessProbe.successThreshold", "value", 9, "Invalid value: -1: must be greater than or equal to 0."),
		bad("livenessProbe.successThreshold", "value", 11, "Invalid value: -1: must be 1."),
		bad("readinessProbe.terminationGracePeriodSeconds", "value", 10, "Invalid value: -5: must be greater than 0."),
		bad("readinessProbe.terminationGracePeriodSeconds", "value", 12, "Invalid value: -5: must not be set for readinessProbes."),
	}
}

# httpGet and tcpSocket ports may be IANA service names; grpc's int32 port is not checked as one.
test_named_ports if {
	lint(sidecar({
		"livenessProbe": {"httpGet": {"port": "HTTP"}},
		"readinessProbe": {"tcpSocket": {"port": "-very--long-port-name"}},
		"startupProbe": {"grpc": {"port": "grpc"}},
	}), "1.31") == {
		bad("livenessProbe.httpGet.port", "value", 3, "Invalid value: \"HTTP\": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)."),
		bad("livenessProbe.httpGet.port", "value", 4, "Invalid value: \"HTTP\": must contain at least one letter (a-z)."),
		bad("readinessProbe.tcpSocket.port", "value", 3, "Invalid value: \"-very--long-port-name\": must be no more than 15 characters."),
		bad("readinessProbe.tcpSocket.port", "value", 4, "Invalid value: \"-very--long-port-name\": must not contain consecutive hyphens."),
		bad("readinessProbe.tcpSocket.port", "value", 5, "Invalid value: \"-very--long-port-name\": must not begin or end with a hyphen."),
	}
	lint(sidecar({"livenessProbe": {"httpGet": {"port": ""}}}), "1.31") == {
		bad("livenessProbe.httpGet.port", "value", 3, "Invalid value: \"\": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)."),
		bad("livenessProbe.httpGet.port", "value", 4, "Invalid value: \"\": must contain at least one letter (a-z)."),
	}
}

# A probe or hook without a handler is a missing field: its span is the key.
test_lifecycle_hooks if {
	lint(sidecar({"lifecycle": {"postStart": {}, "preStop": {"sleep": {"seconds": 5}}}}), "1.31") == {bad("lifecycle.postStart", "missing", 0, "Required value: must specify a handler type.")}
}

test_plain_init_containers_and_valid_probes_are_not_checked if {
	lint(sidecar({"livenessProbe": {"tcpSocket": {"port": "http"}}}), "1.31") == set()
	lint(sidecar({"livenessProbe": {}}), "1.28") == set()
}
