package sidecar_lint.rules.legacy_sidecar_workarounds_test

import rego.v1

import data.sidecar_lint.rules.legacy_sidecar_workarounds as rule
import data.sidecar_lint.test.helpers as h

lint(doc, version) := h.findings(rule.rule_id, rule.reports(h.ctx(doc, version)))

why := "native sidecars, which every targeted version runs, start before the app containers and stop after them."

doc := {"apiVersion": "apps/v1", "kind": "Deployment", "spec": {"template": {
	"metadata": {"annotations": {"proxy.istio.io/config": "holdApplicationUntilProxyStarts: true"}},
	"spec": {"containers": [
		{"name": "app", "command": ["linkerd-await", "--", "/app"]},
		{"name": "job", "args": ["sh", "-c", "run; curl -X POST http://localhost:15020/quitquitquit"]},
	]},
}}}

test_annotation_and_commands if {
	lint(doc, "1.31") == {
		h.finding("legacy-sidecar-workarounds", "info", "spec.template.metadata.annotations[proxy.istio.io/config]", "entry", null, concat("", ["annotation \"proxy.istio.io/config\" is a legacy sidecar workaround (Istio holdApplicationUntilProxyStarts); ", why])),
		h.finding("legacy-sidecar-workarounds", "info", "spec.template.spec.containers[0].command[0]", "value", null, concat("", ["container \"app\" uses a legacy sidecar workaround (linkerd-await wrapper); ", why])),
		h.finding("legacy-sidecar-workarounds", "info", "spec.template.spec.containers[1].args[2]", "value", null, concat("", ["container \"job\" uses a legacy sidecar workaround (/quitquitquit call (Istio pilot-agent 15020, Envoy admin, Cloud SQL Auth Proxy admin port)); ", why])),
	}
}

test_only_where_sidecars_run_everywhere if {
	lint(doc, "1.28") == set()
}
