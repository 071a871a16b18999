package sidecar_lint.rules.blocking_init_container_test

import rego.v1

import data.sidecar_lint.rules.blocking_init_container as rule
import data.sidecar_lint.test.helpers as h

lint(doc, version) := h.findings(rule.rule_id, rule.reports(h.ctx(doc, version)))

test_never_exits if {
	lint(h.pod({"initContainers": [
		{"name": "proxy", "image": "envoyproxy/envoy:v1.31"},
		{"name": "wait", "command": ["sh", "-c", "tail -f /dev/null"]},
		{"name": "web", "image": "nginx", "ports": [{"containerPort": 80}]},
		{"name": "setup", "image": "envoyproxy/envoy:v1.31", "command": ["cp", "/a", "/b"], "ports": [{"containerPort": 80}]},
	], "containers": [{"name": "app"}]}), "1.31") == {
		h.finding("blocking-init-container", "warning", "spec.initContainers[0]", "missing", null, "init container \"proxy\" never exits (its image is Envoy), so the pod stays in Init and its app containers never start."),
		h.finding("blocking-init-container", "warning", "spec.initContainers[1]", "missing", null, "init container \"wait\" never exits (it runs tail -f), so the pod stays in Init and its app containers never start."),
		h.finding("blocking-init-container", "warning", "spec.initContainers[2]", "missing", null, "init container \"web\" never exits (it declares ports), so the pod stays in Init and its app containers never start."),
	}
}

test_lost_always_is_another_rules_error if {
	lint(h.pod({"initContainers": [{"name": "proxy", "image": "envoyproxy/envoy:v1.31", "restartPolicy": "Always"}], "containers": [{"name": "app"}]}), "1.28") == set()
	lint(h.pod({"initContainers": [{"name": "proxy", "image": "envoyproxy/envoy:v1.31", "restartPolicy": "Always"}], "containers": [{"name": "app"}]}), "1.31") == set()
}
