package sidecar_lint.rules.job_failure_policy_exit_codes_test

import rego.v1

import data.sidecar_lint.rules.job_failure_policy_exit_codes as rule
import data.sidecar_lint.test.helpers as h

lint(doc) := h.findings(rule.rule_id, rule.reports(h.ctx(doc, "1.31")))

job(rules) := {"apiVersion": "batch/v1", "kind": "Job", "spec": {"podFailurePolicy": {"rules": rules}, "template": {"spec": {
	"restartPolicy": "Never",
	"initContainers": [{"name": "proxy", "restartPolicy": "Always"}],
	"containers": [{"name": "main"}],
}}}}

test_rules_that_match_a_stopped_sidecar if {
	lint(job([
		{"action": "FailJob", "onExitCodes": {"operator": "NotIn", "values": [0]}},
		{"action": "Ignore", "onExitCodes": {"operator": "In", "values": [143]}},
		{"action": "FailJob", "onExitCodes": {"operator": "In", "values": [1]}},
		{"action": "FailJob", "onExitCodes": {"containerName": "main", "operator": "NotIn", "values": [0]}},
		{"action": "FailJob", "onExitCodes": {"operator": "NotIn", "values": [0, 137, 143]}},
	])) == {
		h.finding("job-failure-policy-exit-codes", "warning", "spec.podFailurePolicy.rules[0].onExitCodes", "missing", null, "this rule has no containerName, so it also matches sidecar \"proxy\", which exits with 137 or 143 when it is stopped after the app containers finish."),
		h.finding("job-failure-policy-exit-codes", "warning", "spec.podFailurePolicy.rules[1].onExitCodes", "missing", null, "this rule has no containerName, so it also matches sidecar \"proxy\", which exits with 137 or 143 when it is stopped after the app containers finish."),
	}
}
