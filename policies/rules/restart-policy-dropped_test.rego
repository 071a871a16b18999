package sidecar_lint.rules.restart_policy_dropped_test

import rego.v1

import data.sidecar_lint.rules.restart_policy_dropped as rule
import data.sidecar_lint.test.helpers as h

lint(doc, raw) := h.findings(rule.rule_id, rule.reports(data.lib.sidecar_lint.context.make(doc, raw)))

spec := {"initContainers": [{"name": "proxy", "restartPolicy": "Always"}, {"name": "setup", "restartPolicy": "OnFailure"}], "containers": [{"name": "app", "restartPolicy": "Never", "restartPolicyRules": []}]}

test_sidecar_lost_with_sidecar_containers_off if {
	lint(h.deployment(spec), {"kubernetesVersion": "1.28"}) == {
		h.finding("restart-policy-dropped", "error", "spec.template.spec.initContainers[0].restartPolicy", "entry", "Silently dropped", "the SidecarContainers feature gate is off, so sidecar \"proxy\" becomes a plain init container that blocks the pod until it exits."),
		h.finding("restart-policy-dropped", "warning", "spec.template.spec.initContainers[1].restartPolicy", "entry", "Silently dropped", "the SidecarContainers feature gate is off, so init container \"setup\" runs as a plain init container."),
	}
	lint(h.deployment(spec), {"kubernetesVersion": "1.31", "featureGates": {"SidecarContainers": false}}) == lint(h.deployment(spec), {"kubernetesVersion": "1.28"})
}

test_container_restart_rules_off_on_1_34 if {
	lint(h.deployment(spec), {"kubernetesVersion": "1.34"}) == {
		h.finding("restart-policy-dropped", "warning", "spec.template.spec.initContainers[1].restartPolicy", "entry", "Silently dropped", "the ContainerRestartRules feature gate is off, so init container \"setup\" runs as a plain init container."),
		h.finding("restart-policy-dropped", "warning", "spec.template.spec.containers[0].restartPolicy", "entry", "Silently dropped", "the ContainerRestartRules feature gate is off, so container \"app\" follows the pod's restartPolicy."),
		h.finding("restart-policy-dropped", "warning", "spec.template.spec.containers[0].restartPolicyRules", "entry", "Silently dropped", "the ContainerRestartRules feature gate is off, so the restart rules of container \"app\" are ignored."),
	}
}

test_nothing_dropped_with_gates_on if {
	lint(h.deployment(spec), {"kubernetesVersion": "1.35"}) == set()
	lint(h.deployment(spec), {"kubernetesVersion": "1.34", "featureGates": {"ContainerRestartRules": true}}) == set()
}

resize := [{"resourceName": "cpu", "restartPolicy": "NotRequired"}]

resizable := {
	"initContainers": [{"name": "proxy", "restartPolicy": "Always", "resizePolicy": resize}, {"name": "setup", "resizePolicy": null}],
	"containers": [{"name": "app", "resizePolicy": resize}],
	"ephemeralContainers": [{"name": "debug", "resizePolicy": resize}],
}

dropped_resize(path) := h.finding("restart-policy-dropped", "warning", path, "entry", "Silently dropped", "the InPlacePodVerticalScaling feature gate is off, so the container cannot be resized in place.")

# Every container kind loses resizePolicy where in-place resize is off (a null one is no field at all).
test_resize_policy_of_every_container_kind if {
	lint(h.pod(resizable), {"kubernetesVersion": "1.32"}) == {
		dropped_resize("spec.initContainers[0].resizePolicy"),
		dropped_resize("spec.containers[0].resizePolicy"),
		dropped_resize("spec.ephemeralContainers[0].resizePolicy"),
	}
	lint(h.pod(resizable), {"kubernetesVersion": "1.34", "featureGates": {"InPlacePodVerticalScaling": false}}) == lint(h.pod(resizable), {"kubernetesVersion": "1.32"})
	lint(h.pod(resizable), {"kubernetesVersion": "1.33"}) == set()
	lint(h.pod(resizable), {"kubernetesVersion": "1.30", "featureGates": {"InPlacePodVerticalScaling": true}}) == set()
}

test_unnamed_container_is_named_by_its_position if {
	lint(h.pod({"containers": [{"restartPolicy": "Always"}]}), {"kubernetesVersion": "1.34"}) == {h.finding("restart-policy-dropped", "warning", "spec.containers[0].restartPolicy", "entry", "Silently dropped", "the ContainerRestartRules feature gate is off, so container containers[0] follows the pod's restartPolicy.")}
}
