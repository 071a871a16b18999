# Builders for the rule tests: manifests around a pod spec, and expected findings.
package sidecar_lint.test.helpers

import rego.v1

import data.lib.sidecar_lint.context
import data.lib.sidecar_lint.report

pod(spec) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": spec}

deployment(spec) := {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d"}, "spec": {"template": {"spec": spec}}}

job(spec) := {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "j"}, "spec": {"template": {"spec": spec}}}

cronjob(spec) := {"apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "c"}, "spec": {"jobTemplate": {"spec": {"template": {"spec": spec}}}}}

at(version) := {"kubernetesVersion": version}

ctx(doc, version) := context.make(doc, at(version))

# The findings a rule package reports for a document and a raw target.
findings(rule_id, reports) := report.findings(rule_id, reports)

finding(rule_id, severity, path, span, effect, message) := {
	"ruleId": rule_id,
	"severity": severity,
	"path": path,
	"span": span,
	"effect": effect,
	"message": message,
	"item": null,
}

# A finding of a rule that orders several messages at one place (see report.make_ordered).
ordered(rule_id, severity, path, span, effect, message, order) := object.union(finding(rule_id, severity, path, span, effect, message), {"checkOrder": order})
