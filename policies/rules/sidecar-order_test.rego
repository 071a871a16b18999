package sidecar_lint.rules.sidecar_order_test

import rego.v1

import data.sidecar_lint.rules.sidecar_order as rule
import data.sidecar_lint.test.helpers as h

lint(doc) := h.findings(rule.rule_id, rule.reports(h.ctx(doc, "1.31")))

sql_proxy := {"name": "cloud-sql-proxy", "image": "gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11", "restartPolicy": "Always"}

istio := {"name": "istio-proxy", "image": "docker.io/istio/proxyv2:1.22", "restartPolicy": "Always"}

test_migration_before_its_database_proxy if {
	lint(h.pod({"initContainers": [{"name": "migrate", "command": ["migrate", "-database", "postgres://localhost:5432/app", "up"]}, sql_proxy], "containers": [{"name": "app"}]})) == {h.finding("sidecar-order", "warning", "spec.initContainers[0]", "missing", null, "init container \"migrate\" runs before sidecar \"cloud-sql-proxy\" (Cloud SQL Auth Proxy) has started, so it cannot reach the network through it.")}
}

test_download_behind_a_mesh_proxy if {
	lint(h.pod({"initContainers": [{"name": "fetch", "command": ["curl", "-o", "/data/x", "https://example.com/x"]}, istio], "containers": [{"name": "app"}]})) == {h.finding("sidecar-order", "warning", "spec.initContainers[0]", "missing", null, "init container \"fetch\" runs before sidecar \"istio-proxy\" (Istio proxy (istio-proxy)) has started, so it cannot reach the network through it.")}
}

test_mesh_setup_and_proxy_first if {
	lint(h.pod({"initContainers": [{"name": "istio-init", "args": ["istio-iptables", "-p", "15001"]}, istio], "containers": [{"name": "app"}]})) == set()
	lint(h.pod({"initContainers": [sql_proxy, {"name": "migrate", "env": [{"name": "DB", "value": "127.0.0.1:5432"}]}], "containers": [{"name": "app"}]})) == set()
}
