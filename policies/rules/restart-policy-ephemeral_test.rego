package sidecar_lint.rules.restart_policy_ephemeral_test

import rego.v1

import data.sidecar_lint.rules.restart_policy_ephemeral as rule
import data.sidecar_lint.test.helpers as h

lint(doc, version) := h.findings(rule.rule_id, rule.reports(h.ctx(doc, version)))

spec := {"containers": [{"name": "app"}], "ephemeralContainers": [{"name": "debug", "restartPolicy": "Always", "restartPolicyRules": [{"action": "Restart"}]}]}

test_pod_create if {
	lint(h.pod(spec), "1.33") == {
		h.finding("restart-policy-ephemeral", "error", "spec.ephemeralContainers", "entry", "Rejected", "Forbidden: cannot be set on create."),
		h.finding("restart-policy-ephemeral", "error", "spec.ephemeralContainers[0].restartPolicy", "entry", "Rejected", "Forbidden: cannot be set for an Ephemeral Container."),
	}
}

test_template_with_rules_on_1_35 if {
	lint(h.deployment(spec), "1.35") == {
		h.finding("restart-policy-ephemeral", "error", "spec.template.spec.ephemeralContainers", "entry", "Rejected", "Forbidden: ephemeral containers not allowed in pod template."),
		h.finding("restart-policy-ephemeral", "error", "spec.template.spec.ephemeralContainers[0].restartPolicy", "entry", "Rejected", "Forbidden: cannot be set for an Ephemeral Container."),
		h.finding("restart-policy-ephemeral", "error", "spec.template.spec.ephemeralContainers[0].restartPolicyRules", "entry", "Rejected", "Forbidden: cannot be set for an Ephemeral Container."),
	}
}

test_fields_dropped_on_1_34 if {
	lint(h.pod(spec), "1.34") == {h.finding("restart-policy-ephemeral", "error", "spec.ephemeralContainers", "entry", "Rejected", "Forbidden: cannot be set on create.")}
}

test_no_ephemeral_containers if {
	lint(h.pod({"containers": [{"name": "app"}], "ephemeralContainers": []}), "1.31") == set()
}

# Go's json names the outer struct of promoted fields: EphemeralContainer, not EphemeralContainerCommon.
test_decoding_errors_name_the_ephemeral_container_struct if {
	lint(h.pod({"containers": [{"name": "app"}], "ephemeralContainers": [{"name": "debug", "restartPolicy": 5, "restartPolicyRules": "x"}]}), "1.35") == {
		h.finding("restart-policy-ephemeral", "error", "spec.ephemeralContainers", "entry", "Rejected", "Forbidden: cannot be set on create."),
		h.finding("restart-policy-ephemeral", "error", "spec.ephemeralContainers[0].restartPolicy", "value", "Rejected", "cannot unmarshal number into Go struct field EphemeralContainer.spec.ephemeralContainers.restartPolicy of type v1.ContainerRestartPolicy."),
		h.finding("restart-policy-ephemeral", "error", "spec.ephemeralContainers[0].restartPolicyRules", "value", "Rejected", "cannot unmarshal string into Go struct field EphemeralContainer.spec.ephemeralContainers.restartPolicyRules of type []v1.ContainerRestartRule."),
	}
}
