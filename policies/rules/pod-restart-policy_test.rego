package sidecar_lint.rules.pod_restart_policy_test

import rego.v1

import data.sidecar_lint.rules.pod_restart_policy as rule
import data.sidecar_lint.test.helpers as h

lint(doc) := h.findings(rule.rule_id, rule.reports(h.ctx(doc, "1.31")))

spec(policy) := {"restartPolicy": policy, "containers": [{"name": "app"}]}

app := {"containers": [{"name": "app"}]}

test_values_and_case if {
	lint(h.pod(spec("never"))) == {h.finding("pod-restart-policy", "error", "spec.restartPolicy", "value", "Rejected", "Unsupported value: \"never\": supported values: \"Always\", \"OnFailure\", \"Never\".")}
	lint(h.pod(spec(false))) == {h.finding("pod-restart-policy", "error", "spec.restartPolicy", "value", "Rejected", "cannot unmarshal bool into Go struct field PodSpec.spec.restartPolicy of type v1.RestartPolicy.")}
	lint(h.pod(spec("Never"))) == set()
}

test_controllers_only_always if {
	lint(h.deployment(spec("OnFailure"))) == {h.finding("pod-restart-policy", "error", "spec.template.spec.restartPolicy", "value", "Rejected", "Unsupported value: \"OnFailure\": supported values: \"Always\".")}
	lint(h.deployment(app)) == set()
}

test_jobs_need_on_failure_or_never if {
	lint(h.job(app)) == {h.finding("pod-restart-policy", "error", "spec.template.spec.restartPolicy", "missing", "Rejected", "Required value: valid values: \"OnFailure\", \"Never\".")}
	lint(h.cronjob(spec("Always"))) == {h.finding("pod-restart-policy", "error", "spec.jobTemplate.spec.template.spec.restartPolicy", "value", "Rejected", "Required value: valid values: \"OnFailure\", \"Never\".")}
	lint(h.job(spec("OnFailure"))) == set()
}

test_pod_failure_policy_needs_never if {
	doc := {"apiVersion": "batch/v1", "kind": "Job", "spec": {"podFailurePolicy": {"rules": []}, "template": {"spec": spec("OnFailure")}}}
	lint(doc) == {h.finding("pod-restart-policy", "error", "spec.template.spec.restartPolicy", "value", "Rejected", "Invalid value: \"OnFailure\": only \"Never\" is supported when podFailurePolicy is specified.")}
}
