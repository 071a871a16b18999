package sidecar_lint.rules.prefer_native_sidecar_test

import rego.v1

import data.sidecar_lint.rules.prefer_native_sidecar as rule
import data.sidecar_lint.test.helpers as h

lint(doc, version) := h.findings(rule.rule_id, rule.reports(h.ctx(doc, version)))

spec := {"containers": [{"name": "app", "image": "example/app:1"}, {"name": "otel", "image": "otel/opentelemetry-collector-contrib:0.110.0"}]}

test_proxy_beside_the_app if {
	lint(h.deployment(spec), "1.31") == {h.finding("prefer-native-sidecar", "info", "spec.template.spec.containers[1]", "missing", null, "container \"otel\" (OpenTelemetry Collector) runs beside \"app\" as an ordinary container; as a native sidecar it would start before the app containers and stop after them.")}
}

test_not_for_jobs_old_targets_or_proxies_only if {
	lint(h.job(spec), "1.31") == set()
	lint(h.deployment(spec), "1.28") == set()
	lint(h.pod({"restartPolicy": "Never", "containers": spec.containers}), "1.31") == set()
	lint(h.deployment({"containers": [spec.containers[1]]}), "1.31") == set()
}
