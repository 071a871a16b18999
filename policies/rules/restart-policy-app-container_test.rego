package sidecar_lint.rules.restart_policy_app_container_test

import rego.v1

import data.sidecar_lint.rules.restart_policy_app_container as rule
import data.sidecar_lint.test.helpers as h

lint(doc, version) := h.findings(rule.rule_id, rule.reports(h.ctx(doc, version)))

spec(policy) := {"containers": [{"name": "app"}, {"name": "proxy", "restartPolicy": policy}]}

test_forbidden_before_container_restart_rules if {
	expected := {h.finding("restart-policy-app-container", "error", "spec.template.spec.containers[1].restartPolicy", "entry", "Rejected", "Forbidden: may not be set for non-init containers.")}
	lint(h.deployment(spec("Always")), "1.28") == expected
	lint(h.deployment(spec("bogus")), "1.33") == expected
}

test_dropped_on_1_34_and_unknown_on_1_27 if {
	lint(h.deployment(spec("Always")), "1.34") == set()
	lint(h.deployment(spec("Always")), "1.27") == set()
}

test_values_checked_where_the_gate_is_on if {
	lint(h.pod(spec("Never")), "1.35") == set()
	lint(h.pod(spec("always")), "1.35") == {h.finding("restart-policy-app-container", "error", "spec.containers[1].restartPolicy", "value", "Rejected", "Unsupported value: \"always\": supported values: \"Always\", \"Never\", \"OnFailure\".")}
}

test_wrong_json_type if {
	lint(h.pod(spec(1)), "1.31") == {h.finding("restart-policy-app-container", "error", "spec.containers[1].restartPolicy", "value", "Rejected", "cannot unmarshal number into Go struct field Container.spec.containers.restartPolicy of type v1.ContainerRestartPolicy.")}
}
