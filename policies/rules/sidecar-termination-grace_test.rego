package sidecar_lint.rules.sidecar_termination_grace_test

import rego.v1

import data.sidecar_lint.rules.sidecar_termination_grace as rule
import data.sidecar_lint.test.helpers as h

lint(doc) := h.findings(rule.rule_id, rule.reports(h.ctx(doc, "1.31")))

proxy := {"name": "proxy", "restartPolicy": "Always"}

sleeping(name, seconds) := {"name": name, "lifecycle": {"preStop": {"sleep": {"seconds": seconds}}}}

test_default_grace_period_used_up_by_an_app_container if {
	lint(h.pod({"initContainers": [proxy], "containers": [sleeping("app", 30)]})) == {h.finding("sidecar-termination-grace", "warning", "spec.terminationGracePeriodSeconds", "missing", null, "the pod's terminationGracePeriodSeconds is 30 (the default) but the preStop hook of \"app\" sleeps 30 seconds, so sidecar \"proxy\" gets SIGTERM only when the grace period has run out and is killed 2 seconds later.")}
}

test_exec_sleeps_of_a_sidecar if {
	sidecar := {"name": "proxy", "restartPolicy": "Always", "lifecycle": {"preStop": {"exec": {"command": ["sh", "-c", "sleep 5; sleep 10"]}}}}
	lint(h.pod({"terminationGracePeriodSeconds": 15, "initContainers": [sidecar], "containers": [{"name": "app"}]})) == {h.finding("sidecar-termination-grace", "warning", "spec.terminationGracePeriodSeconds", "value", null, "the pod's terminationGracePeriodSeconds is 15 but the preStop hook of sidecar \"proxy\" sleeps 15 seconds, so it gets SIGTERM only when the grace period has run out and is killed 2 seconds later.")}
	lint(h.pod({"terminationGracePeriodSeconds": 15, "initContainers": [sidecar, proxy], "containers": [{"name": "app"}]})) == {h.finding("sidecar-termination-grace", "warning", "spec.terminationGracePeriodSeconds", "value", null, "the pod's terminationGracePeriodSeconds is 15 but the preStop hook of sidecar \"proxy\" sleeps 15 seconds, so the sidecars get SIGTERM only when the grace period has run out and are killed 2 seconds later.")}
}

test_time_left_or_no_sidecar if {
	lint(h.pod({"terminationGracePeriodSeconds": 45, "initContainers": [proxy], "containers": [sleeping("app", 30)]})) == set()
	lint(h.pod({"containers": [sleeping("app", 60)]})) == set()
}

test_written_grace_period_used_up_by_an_app_container if {
	lint(h.pod({"terminationGracePeriodSeconds": 20, "initContainers": [proxy], "containers": [sleeping("app", 25)]})) == {h.finding("sidecar-termination-grace", "warning", "spec.terminationGracePeriodSeconds", "value", null, "the pod's terminationGracePeriodSeconds is 20 but the preStop hook of \"app\" sleeps 25 seconds, so sidecar \"proxy\" gets SIGTERM only when the grace period has run out and is killed 2 seconds later.")}
}
