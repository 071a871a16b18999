package sidecar_lint.rules.restart_policy_misplaced_test

import rego.v1

import data.sidecar_lint.rules.restart_policy_misplaced as rule
import data.sidecar_lint.test.helpers as h

lint(manifest, raw) := h.findings(rule.rule_id, rule.reports(data.lib.sidecar_lint.context.make(manifest, raw)))

doc := {
	"apiVersion": "apps/v1",
	"kind": "Deployment",
	"restartPolicy": "Always",
	"metadata": {"name": "d", "labels": {"restartPolicy": "fine"}},
	"spec": {"restartPolicy": "Always", "template": {"spec": {
		"restartPolicy": "Always",
		"containers": [{"name": "app", "restartPolicy": "Always", "resources": {"restartPolicy": "x"}, "resizePolicy": [{"resourceName": "cpu", "restartPolicy": "NotRequired"}]}],
	}}},
}

test_strict if {
	lint(doc, {"kubernetesVersion": "1.31"}) == {
		h.finding("restart-policy-misplaced", "error", "restartPolicy", "entry", "Rejected", "strict decoding error: unknown field \"restartPolicy\"."),
		h.finding("restart-policy-misplaced", "error", "spec.restartPolicy", "entry", "Rejected", "strict decoding error: unknown field \"spec.restartPolicy\"."),
		h.finding("restart-policy-misplaced", "error", "spec.template.spec.containers[0].resources.restartPolicy", "entry", "Rejected", "strict decoding error: unknown field \"spec.template.spec.containers[0].resources.restartPolicy\"."),
	}
}

test_warn if {
	lint(h.pod({"containers": [{"name": "app", "livenessProbe": {"restartPolicyRules": []}}]}), {"kubernetesVersion": "1.35", "fieldValidation": "warn"}) == {
		h.finding("restart-policy-misplaced", "warning", "spec.containers[0].livenessProbe.restartPolicyRules", "entry", "Dropped with a warning", "unknown field, the API server ignores it."),
	}
}

test_custom_resources_are_only_checked_inside_the_pod_spec if {
	rollout := {"apiVersion": "argoproj.io/v1alpha1", "kind": "Rollout", "spec": {"restartPolicy": "Always", "template": {"spec": {"containers": [{"name": "app", "env": [{"name": "x", "restartPolicy": 1}]}]}}}}
	lint(rollout, {"kubernetesVersion": "1.31"}) == {h.finding("restart-policy-misplaced", "error", "spec.template.spec.containers[0].env[0].restartPolicy", "entry", "Rejected", "strict decoding error: unknown field \"spec.template.spec.containers[0].env[0].restartPolicy\".")}
}
