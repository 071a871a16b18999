package sidecar_lint.rules.restart_policy_init_value_test

import rego.v1

import data.sidecar_lint.rules.restart_policy_init_value as rule
import data.sidecar_lint.test.helpers as h

lint(doc, version) := h.findings(rule.rule_id, rule.reports(h.ctx(doc, version)))

bad(path, message) := h.finding("restart-policy-init-value", "error", path, "value", "Rejected", message)

spec(policy) := {"initContainers": [{"name": "proxy", "restartPolicy": policy}], "containers": [{"name": "app"}]}

test_lower_case_always_before_container_restart_rules if {
	lint(h.deployment(spec("always")), "1.31") == {bad("spec.template.spec.initContainers[0].restartPolicy", "Unsupported value: \"always\": supported values: \"Always\".")}
}

test_on_failure_accepted_with_container_restart_rules if {
	lint(h.pod(spec("OnFailure")), "1.35") == set()
	lint(h.pod(spec("OnFailure")), "1.33") == {bad("spec.initContainers[0].restartPolicy", "Unsupported value: \"OnFailure\": supported values: \"Always\".")}
}

test_three_values_listed_where_the_gate_is_on if {
	lint(h.pod(spec("")), "1.35") == {bad("spec.initContainers[0].restartPolicy", "Unsupported value: \"\": supported values: \"Always\", \"Never\", \"OnFailure\".")}
}

test_dropped_or_unknown_values_are_not_validated if {
	lint(h.pod(spec("always")), "1.28") == set()
	lint(h.pod(spec("always")), "1.34") == set()
	lint(h.pod(spec("always")), "1.27") == set()
	lint(h.pod(spec("Always")), "1.31") == set()
}

test_wrong_json_type if {
	lint(h.job(spec(true)), "1.31") == {bad("spec.template.spec.initContainers[0].restartPolicy", "cannot unmarshal bool into Go struct field Container.spec.template.spec.initContainers.restartPolicy of type v1.ContainerRestartPolicy.")}
}
