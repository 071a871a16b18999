package sidecar_lint.rules.legacy_sidecar_in_job_test

import rego.v1

import data.sidecar_lint.rules.legacy_sidecar_in_job as rule
import data.sidecar_lint.test.helpers as h

lint(doc) := h.findings(rule.rule_id, rule.reports(h.ctx(doc, "1.31")))

spec(extra) := {"restartPolicy": "Never", "containers": array.concat([{"name": "main", "image": "example/batch:1"}, {"name": "proxy", "image": "gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11"}], extra)}

test_job_never_completes if {
	lint(h.job(spec([]))) == {h.finding("legacy-sidecar-in-job", "warning", "spec.template.spec.containers[1]", "missing", null, "container \"proxy\" does not exit on its own (its image is Cloud SQL Auth Proxy), so after \"main\" finishes the pod keeps running and the Job never completes.")}
	lint(h.cronjob(spec([{"name": "idle", "image": "busybox", "command": ["sleep", "infinity"]}]))) == {
		h.finding("legacy-sidecar-in-job", "warning", "spec.jobTemplate.spec.template.spec.containers[1]", "missing", null, "container \"proxy\" does not exit on its own (its image is Cloud SQL Auth Proxy), so after \"main\" finishes the pod keeps running and the Jobs of the CronJob never complete."),
		h.finding("legacy-sidecar-in-job", "warning", "spec.jobTemplate.spec.template.spec.containers[2]", "missing", null, "container \"idle\" does not exit on its own (it runs sleep infinity), so after \"main\" finishes the pod keeps running and the Jobs of the CronJob never complete."),
	}
}

test_pods_that_stop_their_helpers_and_deployments if {
	lint(h.job(spec([{"name": "stop", "image": "curlimages/curl", "command": ["curl", "-X", "POST", "localhost:9091/quitquitquit"]}]))) == set()
	lint(h.deployment(spec([]))) == set()
}
