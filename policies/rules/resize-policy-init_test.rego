package sidecar_lint.rules.resize_policy_init_test

import rego.v1

import data.sidecar_lint.rules.resize_policy_init as rule
import data.sidecar_lint.test.helpers as h

lint(doc, raw) := h.findings(rule.rule_id, rule.reports(data.lib.sidecar_lint.context.make(doc, raw)))

spec := {"initContainers": [
	{"name": "setup", "resizePolicy": [{"resourceName": "cpu", "restartPolicy": "RestartContainer"}]},
	{"name": "proxy", "restartPolicy": "Always", "resizePolicy": [{"resourceName": "cpu", "restartPolicy": "RestartContainer"}]},
], "containers": [{"name": "app"}]}

test_dropped_where_the_gate_is_off if {
	lint(h.pod(spec), {"kubernetesVersion": "1.31"}) == {
		h.finding("resize-policy-init", "warning", "spec.initContainers[0].resizePolicy", "entry", "Silently dropped", "the InPlacePodVerticalScaling feature gate is off, so the container cannot be resized in place."),
		h.finding("resize-policy-init", "warning", "spec.initContainers[1].resizePolicy", "entry", "Silently dropped", "the InPlacePodVerticalScaling feature gate is off, so the container cannot be resized in place."),
	}
}

test_rejected_before_1_33_with_the_gate_on if {
	lint(h.pod(spec), {"kubernetesVersion": "1.32", "featureGates": {"InPlacePodVerticalScaling": true}}) == {
		h.finding("resize-policy-init", "error", "spec.initContainers[0].resizePolicy", "entry", "Rejected", "Invalid value: must not be set for init containers."),
		h.finding("resize-policy-init", "error", "spec.initContainers[1].resizePolicy", "entry", "Rejected", "Invalid value: must not be set for init containers."),
	}
}

test_accepted_from_1_33_and_restart_container_refused_on_1_36 if {
	lint(h.pod(spec), {"kubernetesVersion": "1.35"}) == set()
	lint(h.pod(spec), {"kubernetesVersion": "1.36"}) == {h.finding("resize-policy-init", "error", "spec.initContainers[0].resizePolicy[0].restartPolicy", "value", "Rejected", "RestartContainer is not allowed on init containers without restartPolicy: Always (only NotRequired is).")}
}
