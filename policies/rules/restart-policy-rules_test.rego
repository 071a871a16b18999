package sidecar_lint.rules.restart_policy_rules_test

import rego.v1

import data.sidecar_lint.rules.restart_policy_rules as rule
import data.sidecar_lint.test.helpers as h

lint(doc, raw) := h.findings(rule.rule_id, rule.reports(data.lib.sidecar_lint.context.make(doc, raw)))

bad(path, span, message) := h.finding("restart-policy-rules", "error", path, span, "Rejected", message)

rules := [
	{"action": "Restart", "exitCodes": {"operator": "In", "values": [42]}},
	{"action": "RestartAllContainers", "exitCodes": {"operator": "Has"}},
	{"action": "Restart"},
	"no",
]

spec := {
	"initContainers": [{"name": "proxy", "restartPolicy": "Always", "restartPolicyRules": [rules[0]]}, {"name": "setup", "restartPolicyRules": [rules[0]]}],
	"containers": [{"name": "app", "restartPolicyRules": rules}],
}

undecodable_entry := bad("spec.containers[0].restartPolicyRules[3]", "value", "cannot unmarshal string into Go struct field Container.spec.containers.restartPolicyRules of type v1.ContainerRestartRule.")

test_1_35 if {
	lint(h.pod(spec), {"kubernetesVersion": "1.35"}) == {
		bad("spec.initContainers[0].restartPolicyRules", "entry", "Forbidden: restartPolicyRules are not allowed for init containers with restart policy Always."),
		bad("spec.initContainers[1].restartPolicy", "missing", "Required value: must specify restartPolicy when restart rules are used."),
		bad("spec.containers[0].restartPolicy", "missing", "Required value: must specify restartPolicy when restart rules are used."),
		h.ordered("restart-policy-rules", "error", "spec.containers[0].restartPolicyRules[1].action", "value", "Rejected", "Unsupported value: \"RestartAllContainers\": supported values: \"Restart\".", 1),
		h.ordered("restart-policy-rules", "error", "spec.containers[0].restartPolicyRules[1].exitCodes.operator", "value", "Rejected", "Unsupported value: \"Has\": supported values: \"In\", \"NotIn\".", 3),
		h.ordered("restart-policy-rules", "error", "spec.containers[0].restartPolicyRules[2].exitCodes", "missing", "Rejected", "Required value: must be specified.", 2),
		undecodable_entry,
	}
}

test_1_34_leaves_init_containers_without_policy_alone if {
	lint(h.pod(spec), {"kubernetesVersion": "1.34", "featureGates": {"ContainerRestartRules": true}}) == {
		bad("spec.initContainers[0].restartPolicyRules", "entry", "Forbidden: restartPolicyRules are not allowed for init containers with restart policy Always."),
		bad("spec.containers[0].restartPolicy", "missing", "Required value: must specify restartPolicy when restart rules are used."),
		h.ordered("restart-policy-rules", "error", "spec.containers[0].restartPolicyRules[1].action", "value", "Rejected", "Unsupported value: \"RestartAllContainers\": supported values: \"Restart\".", 1),
		h.ordered("restart-policy-rules", "error", "spec.containers[0].restartPolicyRules[1].exitCodes.operator", "value", "Rejected", "Unsupported value: \"Has\": supported values: \"In\", \"NotIn\".", 3),
		h.ordered("restart-policy-rules", "error", "spec.containers[0].restartPolicyRules[2].exitCodes", "missing", "Rejected", "Required value: must be specified.", 2),
		undecodable_entry,
	}
}

test_1_36_restart_all_and_too_many if {
	many := [r | some _ in numbers.range(1, 21); r := rules[0]]
	lint(h.pod({"initContainers": [{"name": "proxy", "restartPolicy": "Always", "restartPolicyRules": many}], "containers": [{"name": "app", "restartPolicy": "Never", "restartPolicyRules": [{"action": "Stop", "exitCodes": {"operator": "In"}}]}]}), {"kubernetesVersion": "1.36"}) == {
		bad("spec.initContainers[0].restartPolicyRules", "entry", "Too many: 21: must have at most 20 items."),
		h.ordered("restart-policy-rules", "error", "spec.containers[0].restartPolicyRules[0].action", "value", "Rejected", "Unsupported value: \"Stop\": supported values: \"Restart\", \"RestartAllContainers\".", 1),
	}
}

# Decoding comes before the gate's drop; validation only with the gate on; 1.33 does not know the field.
test_gate_off_means_decoded_but_not_validated if {
	lint(h.pod(spec), {"kubernetesVersion": "1.34"}) == {undecodable_entry}
	lint(h.pod(spec), {"kubernetesVersion": "1.35", "featureGates": {"ContainerRestartRules": false}}) == {undecodable_entry}
	lint(h.pod(spec), {"kubernetesVersion": "1.33"}) == set()
	lint(h.pod({"containers": [{"name": "app", "restartPolicyRules": {"action": "Restart"}}]}), {"kubernetesVersion": "1.34"}) == {
		bad("spec.containers[0].restartPolicyRules", "value", "cannot unmarshal object into Go struct field Container.spec.containers.restartPolicyRules of type []v1.ContainerRestartRule."),
	}
}

# A null entry decodes as an empty rule; a container with another decoding error is not decoded further.
test_null_entries_and_decoding_errors if {
	lint(h.pod({"containers": [{"name": "app", "restartPolicy": "Never", "restartPolicyRules": [null, 7]}]}), {"kubernetesVersion": "1.35"}) == {
		h.ordered("restart-policy-rules", "error", "spec.containers[0].restartPolicyRules[0].action", "value", "Rejected", "Unsupported value: \"\": supported values: \"Restart\".", 1),
		h.ordered("restart-policy-rules", "error", "spec.containers[0].restartPolicyRules[0].exitCodes", "missing", "Rejected", "Required value: must be specified.", 2),
		bad("spec.containers[0].restartPolicyRules[1]", "value", "cannot unmarshal number into Go struct field Container.spec.containers.restartPolicyRules of type v1.ContainerRestartRule."),
	}
	# restartPolicy: false is a decoding error (restart-policy-app-container's), not a missing restartPolicy.
	lint(h.pod({"containers": [{"name": "app", "restartPolicy": false, "restartPolicyRules": ["x"]}]}), {"kubernetesVersion": "1.35"}) == set()
}

