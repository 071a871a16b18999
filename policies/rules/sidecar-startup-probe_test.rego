package sidecar_lint.rules.sidecar_startup_probe_test

import rego.v1

import data.sidecar_lint.rules.sidecar_startup_probe as rule
import data.sidecar_lint.test.helpers as h

lint(doc) := h.findings(rule.rule_id, rule.reports(h.ctx(doc, "1.31")))

proxy(extra) := object.union({"name": "proxy", "image": "envoyproxy/envoy:v1.31", "restartPolicy": "Always"}, extra)

test_next_container_starts_too_early if {
	lint(h.pod({"initContainers": [proxy({})], "containers": [{"name": "app"}]})) == {h.finding("sidecar-startup-probe", "warning", "spec.initContainers[0].startupProbe", "missing", null, "sidecar \"proxy\" has no startupProbe, so \"app\" starts as soon as its process exists, possibly before it is ready.")}
	lint(h.pod({"initContainers": [{"name": "srv", "restartPolicy": "Always", "ports": [{"containerPort": 80}]}, {"name": "setup"}], "containers": [{"name": "app"}]})) == {h.finding("sidecar-startup-probe", "warning", "spec.initContainers[0].startupProbe", "missing", null, "sidecar \"srv\" has no startupProbe, so \"setup\" starts as soon as its process exists, possibly before it is ready.")}
}

test_probe_hook_or_log_shipper if {
	lint(h.pod({"initContainers": [proxy({"startupProbe": {"tcpSocket": {"port": 15001}}})], "containers": [{"name": "app"}]})) == set()
	lint(h.pod({"initContainers": [proxy({"lifecycle": {"postStart": {"exec": {"command": ["wait"]}}}})], "containers": [{"name": "app"}]})) == set()
	lint(h.pod({"initContainers": [{"name": "logs", "image": "fluent/fluent-bit:3", "restartPolicy": "Always"}], "containers": [{"name": "app"}]})) == set()
	lint(h.pod({"initContainers": [proxy({})]})) == set()
}
