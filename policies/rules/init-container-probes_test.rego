package sidecar_lint.rules.init_container_probes_test

import rego.v1

import data.sidecar_lint.rules.init_container_probes as rule
import data.sidecar_lint.test.helpers as h

lint(doc, version) := h.findings(rule.rule_id, rule.reports(h.ctx(doc, version)))

probe := {"tcpSocket": {"port": 8080}}

spec(policy) := {"initContainers": [object.union({"name": "proxy", "readinessProbe": probe, "startupProbe": null}, policy)], "containers": [{"name": "app"}]}

test_plain_init_container if {
	lint(h.pod(spec({})), "1.31") == {h.finding("init-container-probes", "error", "spec.initContainers[0].readinessProbe", "entry", "Rejected", "Forbidden: may not be set for init containers without restartPolicy=Always.")}
}

test_1_27_wording if {
	lint(h.pod(spec({"restartPolicy": "Always"})), "1.27") == {h.finding("init-container-probes", "error", "spec.initContainers[0].readinessProbe", "entry", "Rejected", "Forbidden: may not be set for init containers.")}
}

test_would_be_sidecar_whose_always_is_dropped if {
	lint(h.pod(spec({"restartPolicy": "Always"})), "1.28") == {h.finding("init-container-probes", "error", "spec.initContainers[0].readinessProbe", "entry", "Rejected", "Forbidden: may not be set for init containers without restartPolicy=Always.")}
}

test_sidecar_may_have_probes if {
	lint(h.pod(spec({"restartPolicy": "Always"})), "1.29") == set()
}
