package sidecar_lint.rules.restart_policy_dropped_test

import rego.v1

import data.sidecar_lint.rules.restart_policy_dropped as rule
import data.sidecar_lint.test.helpers as h

lint(doc, raw) := h.findings(rule.rule_id, rule.reports(data.lib.sidecar_lint.context.make(doc, raw)))

spec := {"initContainers": [{"name": "proxy", "restartPolicy": "Always"}, {"name": "setup", "restartPolicy": "OnFailure"}], "containers": [{"name": "app", "restartPolicy": "Never", "restartPolicyRules": []}]}

test_sidecar_lost_with_sidecar_containers_off if {
	lint(h.deployment(spec), {"kubernetesVersion": "1.28"}) == {
		h.finding("restart-policy-dropped", "error", "spec.template.spec.initContainers[0].restartPolicy", "entry", "Silently dropped", "the SidecarContainers feature gate is off, so sidecar \"proxy\" becomes a plain init container that blocks the pod until it exits."),
		h.finding("restart-policy-dropped", "warning", "spec.template.spec.initContainers[1].restartPolicy", "entry", "Silently dropped", "the SidecarContainers feature gate is off, so the container runs without it."),
	}
	lint(h.deployment(spec), {"kubernetesVersion": "1.31", "featureGates": {"SidecarContainers": false}}) == lint(h.deployment(spec), {"kubernetesVersion": "1.28"})
}

test_container_restart_rules_off_on_1_34 if {
	lint(h.deployment(spec), {"kubernetesVersion": "1.34"}) == {
		h.finding("restart-policy-dropped", "warning", "spec.template.spec.initContainers[1].restartPolicy", "entry", "Silently dropped", "the ContainerRestartRules feature gate is off, so the container runs without it."),
		h.finding("restart-policy-dropped", "warning", "spec.template.spec.containers[0].restartPolicy", "entry", "Silently dropped", "the ContainerRestartRules feature gate is off, so the container runs without it."),
		h.finding("restart-policy-dropped", "warning", "spec.template.spec.containers[0].restartPolicyRules", "entry", "Silently dropped", "the ContainerRestartRules feature gate is off, so the container runs without it."),
	}
}

test_nothing_dropped_with_gates_on if {
	lint(h.deployment(spec), {"kubernetesVersion": "1.35"}) == set()
	lint(h.deployment(spec), {"kubernetesVersion": "1.34", "featureGates": {"ContainerRestartRules": true}}) == set()
}
