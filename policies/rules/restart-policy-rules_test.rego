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

test_1_35 if {
	lint(h.pod(spec), {"kubernetesVersion": "1.35"}) == {
		bad("spec.initContainers[0].restartPolicyRules", "entry", "Forbidden: restartPolicyRules are not allowed for init containers with restart policy Always."),
		bad("spec.initContainers[1].restartPolicy", "missing", "Required value: must specify restartPolicy when restart rules are used."),
		bad("spec.containers[0].restartPolicy", "missing", "Required value: must specify restartPolicy when restart rules are used."),
		bad("spec.containers[0].restartPolicyRules[1].action", "value", "Unsupported value: \"RestartAllContainers\": supported values: \"Restart\"."),
		bad("spec.containers[0].restartPolicyRules[1].exitCodes.operator", "value", "Unsupported value: \"Has\": supported values: \"In\", \"NotIn\"."),
		bad("spec.containers[0].restartPolicyRules[2].exitCodes", "missing", "Required value: must be specified."),
		bad("spec.containers[0].restartPolicyRules[3]", "value", "cannot unmarshal string into Go struct field Container.restartPolicyRules of type v1.ContainerRestartRule (container \"app\")."),
	}
}

test_1_34_leaves_init_containers_without_policy_alone if {
	lint(h.pod(spec), {"kubernetesVersion": "1.34", "featureGates": {"ContainerRestartRules": true}}) == {
		bad("spec.initContainers[0].restartPolicyRules", "entry", "Forbidden: restartPolicyRules are not allowed for init containers with restart policy Always."),
		bad("spec.containers[0].restartPolicy", "missing", "Required value: must specify restartPolicy when restart rules are used."),
		bad("spec.containers[0].restartPolicyRules[1].action", "value", "Unsupported value: \"RestartAllContainers\": supported values: \"Restart\"."),
		bad("spec.containers[0].restartPolicyRules[1].exitCodes.operator", "value", "Unsupported value: \"Has\": supported values: \"In\", \"NotIn\"."),
		bad("spec.containers[0].restartPolicyRules[2].exitCodes", "missing", "Required value: must be specified."),
		bad("spec.containers[0].restartPolicyRules[3]", "value", "cannot unmarshal string into Go struct field Container.restartPolicyRules of type v1.ContainerRestartRule (container \"app\")."),
	}
}

test_1_36_restart_all_and_too_many if {
	many := [r | some _ in numbers.range(1, 21); r := rules[0]]
	lint(h.pod({"initContainers": [{"name": "proxy", "restartPolicy": "Always", "restartPolicyRules": many}], "containers": [{"name": "app", "restartPolicy": "Never", "restartPolicyRules": [{"action": "Stop", "exitCodes": {"operator": "In"}}]}]}), {"kubernetesVersion": "1.36"}) == {
		bad("spec.initContainers[0].restartPolicyRules", "entry", "Too many: 21: must have at most 20 items."),
		bad("spec.containers[0].restartPolicyRules[0].action", "value", "Unsupported value: \"Stop\": supported values: \"Restart\", \"RestartAllContainers\"."),
	}
}

test_gate_off_means_not_validated if {
	lint(h.pod(spec), {"kubernetesVersion": "1.34"}) == set()
	lint(h.pod(spec), {"kubernetesVersion": "1.33"}) == set()
}
