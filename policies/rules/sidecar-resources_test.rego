package sidecar_lint.rules.sidecar_resources_test

import rego.v1

import data.sidecar_lint.rules.sidecar_resources as rule
import data.sidecar_lint.test.helpers as h

lint(doc) := h.findings(rule.rule_id, rule.reports(h.ctx(doc, "1.31")))

message(pod_request) := sprintf("sidecar \"proxy\" has no cpu or memory requests, so the scheduler reserves nothing for it although it runs for the whole life of the pod; the pod requests %s (sidecars + app containers, or the largest init container step).", [pod_request])

requests(cpu, memory) := {"requests": {"cpu": cpu, "memory": memory}}

test_sidecar_without_requests if {
	lint(h.pod({
		"initContainers": [{"name": "proxy", "restartPolicy": "Always"}, {"name": "setup", "resources": requests("1500m", "1Gi")}],
		"containers": [{"name": "app", "resources": {"limits": {"cpu": ".5", "memory": "256Mi"}}}],
	})) == {h.finding("sidecar-resources", "info", "spec.initContainers[0].resources.requests", "missing", null, message("cpu 1500m and memory 1Gi"))}
	lint(h.pod({
		"initContainers": [{"name": "proxy", "restartPolicy": "Always"}, {"name": "agent", "restartPolicy": "Always", "resources": requests("100m", "128Mi")}],
		"containers": [{"name": "app", "resources": requests(2, "1e3")}],
	})) == {h.finding("sidecar-resources", "info", "spec.initContainers[0].resources.requests", "missing", null, message("cpu 2100m and memory 134218728"))}
}

test_requests_pod_level_resources_or_nothing_requested if {
	lint(h.pod({"initContainers": [{"name": "proxy", "restartPolicy": "Always", "resources": requests("100m", "64Mi")}], "containers": [{"name": "app"}]})) == set()
	lint(h.pod({"resources": {"requests": {"cpu": "1"}}, "initContainers": [{"name": "proxy", "restartPolicy": "Always"}], "containers": [{"name": "app", "resources": requests("1", "1Gi")}]})) == set()
	lint(h.pod({"initContainers": [{"name": "proxy", "restartPolicy": "Always"}], "containers": [{"name": "app"}]})) == set()
}
