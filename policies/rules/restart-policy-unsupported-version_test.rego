package sidecar_lint.rules.restart_policy_unsupported_version_test

import rego.v1

import data.sidecar_lint.rules.restart_policy_unsupported_version as rule
import data.sidecar_lint.test.helpers as h

lint(doc, raw) := h.findings(rule.rule_id, rule.reports(data.lib.sidecar_lint.context.make(doc, raw)))

sidecar := {"initContainers": [{"name": "proxy", "restartPolicy": "Always"}], "containers": [{"name": "app", "restartPolicyRules": []}]}

test_strict_decoding_errors_on_1_27 if {
	lint(h.pod(sidecar), {"kubernetesVersion": "1.27"}) == {
		h.finding("restart-policy-unsupported-version", "error", "spec.initContainers[0].restartPolicy", "entry", "Rejected", "strict decoding error: unknown field \"spec.initContainers[0].restartPolicy\"."),
		h.finding("restart-policy-unsupported-version", "error", "spec.containers[0].restartPolicyRules", "entry", "Rejected", "strict decoding error: unknown field \"spec.containers[0].restartPolicyRules\"."),
	}
}

test_dropped_with_a_warning if {
	lint(h.pod(sidecar), {"kubernetesVersion": "1.27", "fieldValidation": "warn"}) == {
		h.finding("restart-policy-unsupported-version", "error", "spec.initContainers[0].restartPolicy", "entry", "Dropped with a warning", "unknown field, so init container \"proxy\" becomes a plain init container that blocks the pod until it exits."),
		h.finding("restart-policy-unsupported-version", "warning", "spec.containers[0].restartPolicyRules", "entry", "Dropped with a warning", "unknown field, the API server ignores it."),
	}
}

test_kubelet_without_sidecars if {
	lint(h.pod(sidecar), {"kubernetesVersion": "1.33", "kubeletVersion": "1.27"}) == {
		h.finding("restart-policy-unsupported-version", "error", "spec.containers[0].restartPolicyRules", "entry", "Rejected", "strict decoding error: unknown field \"spec.containers[0].restartPolicyRules\"."),
		h.finding("restart-policy-unsupported-version", "error", "spec.initContainers[0].restartPolicy", "value", "Not run by kubelet 1.27", "the kubelet does not know restartPolicy, so sidecar \"proxy\" runs as a plain init container that blocks the pod until it exits."),
	}
	lint(h.pod(sidecar), {"kubernetesVersion": "1.29", "kubeletVersion": "1.28"}) == {
		h.finding("restart-policy-unsupported-version", "error", "spec.containers[0].restartPolicyRules", "entry", "Rejected", "strict decoding error: unknown field \"spec.containers[0].restartPolicyRules\"."),
		h.finding("restart-policy-unsupported-version", "error", "spec.initContainers[0].restartPolicy", "value", "Not run by kubelet 1.28", "the kubelet rejects the pod at admission (InitContainerRestartPolicyForbidden) because SidecarContainers is off there."),
	}
}

test_fields_known_and_kubelet_able if {
	lint(h.pod(sidecar), {"kubernetesVersion": "1.34"}) == set()
}
