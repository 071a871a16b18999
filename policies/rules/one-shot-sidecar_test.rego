package sidecar_lint.rules.one_shot_sidecar_test

import rego.v1

import data.sidecar_lint.rules.one_shot_sidecar as rule
import data.sidecar_lint.test.helpers as h

lint(doc, version) := h.findings(rule.rule_id, rule.reports(h.ctx(doc, version)))

spec := {"initContainers": [{"name": "migrate", "command": ["python", "manage.py", "migrate"], "restartPolicy": "Always"}], "containers": [{"name": "app"}]}

test_completing_command_marked_always if {
	lint(h.pod(spec), "1.31") == {h.finding("one-shot-sidecar", "warning", "spec.initContainers[0].restartPolicy", "entry", null, "sidecar \"migrate\" runs a database migration, which completes: it is restarted every time it exits, and the containers after it start without waiting for it to finish.")}
}

test_not_a_sidecar_where_always_is_dropped if {
	lint(h.pod(spec), "1.28") == set()
}
