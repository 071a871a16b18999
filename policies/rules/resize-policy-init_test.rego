package sidecar_lint.rules.resize_policy_init_test

import rego.v1

import data.sidecar_lint.rules.resize_policy_init as rule
import data.sidecar_lint.test.helpers as h

lint(doc, raw) := h.findings(rule.rule_id, rule.reports(data.lib.sidecar_lint.context.make(doc, raw)))

spec := {"initContainers": [
	{"name": "setup", "resizePolicy": [{"resourceName": "cpu", "restartPolicy": "RestartContainer"}]},
	{"name": "proxy", "restartPolicy": "Always", "resizePolicy": [{"resourceName": "cpu", "restartPolicy": "RestartContainer"}]},
], "containers": [{"name": "app"}]}

# With the gate off the API server clears the field first: restart-policy-dropped reports that.
test_quiet_where_the_gate_is_off if {
	lint(h.pod(spec), {"kubernetesVersion": "1.31"}) == set()
	lint(h.pod(spec), {"kubernetesVersion": "1.34", "featureGates": {"InPlacePodVerticalScaling": false}}) == set()
}

test_rejected_before_1_33_with_the_gate_on if {
	lint(h.pod(spec), {"kubernetesVersion": "1.32", "featureGates": {"InPlacePodVerticalScaling": true}}) == {
		h.finding("resize-policy-init", "error", "spec.initContainers[0].resizePolicy", "entry", "Rejected", "Invalid value: []core.ContainerResizePolicy{core.ContainerResizePolicy{ResourceName:\"cpu\", RestartPolicy:\"RestartContainer\"}}: must not be set for init containers."),
		h.finding("resize-policy-init", "error", "spec.initContainers[1].resizePolicy", "entry", "Rejected", "Invalid value: []core.ContainerResizePolicy{core.ContainerResizePolicy{ResourceName:\"cpu\", RestartPolicy:\"RestartContainer\"}}: must not be set for init containers."),
	}
}

at(policy) := lint(h.pod({"initContainers": [{"name": "setup", "resizePolicy": policy}]}), {"kubernetesVersion": "1.30", "featureGates": {"InPlacePodVerticalScaling": true}})

test_invalid_value_in_go_syntax if {
	at([{"resourceName": "memory"}, {"restartPolicy": null}]) == {h.finding("resize-policy-init", "error", "spec.initContainers[0].resizePolicy", "entry", "Rejected", "Invalid value: []core.ContainerResizePolicy{core.ContainerResizePolicy{ResourceName:\"memory\", RestartPolicy:\"\"}, core.ContainerResizePolicy{ResourceName:\"\", RestartPolicy:\"\"}}: must not be set for init containers.")}
	at([]) == {h.finding("resize-policy-init", "error", "spec.initContainers[0].resizePolicy", "entry", "Rejected", "Invalid value: []core.ContainerResizePolicy{}: must not be set for init containers.")}
	short := {h.finding("resize-policy-init", "error", "spec.initContainers[0].resizePolicy", "entry", "Rejected", "Invalid value: []core.ContainerResizePolicy{...}: must not be set for init containers.")}
	at({"resourceName": "cpu"}) == short
	at([{"resourceName": 1}]) == short
	at(["cpu"]) == short
}

test_accepted_from_1_33_and_restart_container_refused_on_1_36 if {
	lint(h.pod(spec), {"kubernetesVersion": "1.35"}) == set()
	lint(h.pod(spec), {"kubernetesVersion": "1.36"}) == {h.finding("resize-policy-init", "error", "spec.initContainers[0].resizePolicy[0].restartPolicy", "value", "Rejected", "RestartContainer is not allowed on init containers without restartPolicy: Always (only NotRequired is).")}
}
