package sidecar_lint.rules.duplicate_container_name_test

import rego.v1

import data.sidecar_lint.rules.duplicate_container_name as rule
import data.sidecar_lint.test.helpers as h

lint(doc, version) := h.findings(rule.rule_id, rule.reports(h.ctx(doc, version)))

dup(path, name) := h.finding("duplicate-container-name", "error", path, "value", "Rejected", sprintf("Duplicate value: \"%s\".", [name]))

test_reported_at_the_later_one if {
	lint(h.deployment({
		"initContainers": [{"name": "proxy"}, {"name": "setup"}, {"name": "setup"}],
		"containers": [{"name": "app"}, {"name": "proxy"}, {"name": "app"}, {"name": ""}, {"name": ""}],
		"ephemeralContainers": [{"name": "app"}, {"name": "debug"}, {"name": "debug"}],
	}), "1.31") == {
		dup("spec.template.spec.containers[2].name", "app"),
		dup("spec.template.spec.initContainers[0].name", "proxy"),
		dup("spec.template.spec.initContainers[2].name", "setup"),
		dup("spec.template.spec.ephemeralContainers[0].name", "app"),
		dup("spec.template.spec.ephemeralContainers[2].name", "debug"),
	}
}

test_unique_names if {
	lint(h.pod({"initContainers": [{"name": "proxy", "restartPolicy": "Always"}], "containers": [{"name": "app"}]}), "1.31") == set()
}
