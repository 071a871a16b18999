package sidecar_lint.rules.sidecar_probe_fields_test

import rego.v1

import data.sidecar_lint.rules.sidecar_probe_fields as rule
import data.sidecar_lint.test.helpers as h

lint(doc, version) := h.findings(rule.rule_id, rule.reports(h.ctx(doc, version)))

bad(path, span, message) := h.finding("sidecar-probe-fields", "error", concat("", ["spec.initContainers[0].", path]), span, "Rejected", message)

sidecar(fields) := h.pod({"initContainers": [object.union({"name": "proxy", "restartPolicy": "Always"}, fields)], "containers": [{"name": "app"}]})

test_probe_checks if {
	lint(sidecar({
		"livenessProbe": {"exec": {"command": []}, "successThreshold": 2, "periodSeconds": -1},
		"readinessProbe": {"httpGet": {"port": 70000, "scheme": "http"}, "terminationGracePeriodSeconds": 10, "tcpSocket": {"port": 1}},
		"startupProbe": {"grpc": {}, "terminationGracePeriodSeconds": 0},
	}), "1.31") == {
		bad("livenessProbe.exec.command", "missing", "Required value."),
		bad("livenessProbe.successThreshold", "value", "Invalid value: 2: must be 1."),
		bad("livenessProbe.periodSeconds", "value", "Invalid value: -1: must be greater than or equal to 0."),
		bad("readinessProbe.tcpSocket", "entry", "Forbidden: may not specify more than 1 handler type."),
		bad("readinessProbe.httpGet.port", "value", "Invalid value: 70000: must be between 1 and 65535, inclusive."),
		bad("readinessProbe.httpGet.scheme", "value", "Unsupported value: \"http\": supported values: \"HTTP\", \"HTTPS\"."),
		bad("readinessProbe.terminationGracePeriodSeconds", "value", "Invalid value: 10: must not be set for readinessProbes."),
		bad("startupProbe.grpc.port", "missing", "Invalid value: 0: must be between 1 and 65535, inclusive."),
		bad("startupProbe.terminationGracePeriodSeconds", "value", "Invalid value: 0: must be greater than 0."),
	}
}

test_lifecycle_hooks if {
	lint(sidecar({"lifecycle": {"postStart": {}, "preStop": {"sleep": {"seconds": 5}}}}), "1.31") == {bad("lifecycle.postStart", "entry", "Required value: must specify a handler type.")}
}

test_plain_init_containers_and_valid_probes_are_not_checked if {
	lint(sidecar({"livenessProbe": {"tcpSocket": {"port": "http"}}}), "1.31") == set()
	lint(sidecar({"livenessProbe": {}}), "1.28") == set()
}
