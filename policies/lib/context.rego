# One evaluation's context: the document (a conftest `input`, or a Gatekeeper
# `input.review.object`), the resolved target, and every pod spec site with its containers'
# API server view. Rules are functions of this context, so tests pass documents and targets in.
package lib.sidecar_lint.context

import rego.v1

import data.lib.sidecar_lint.discovery
import data.lib.sidecar_lint.target
import data.lib.sidecar_lint.target_source
import data.lib.sidecar_lint.view

gatekeeper if is_object(input.review.object)

document := input.review.object if gatekeeper

else := input

default raw_target := {}

raw_target := object.get(input, "parameters", {}) if gatekeeper

raw_target := target_source.document if not gatekeeper

# The context of a document for a raw target ({"kubernetesVersion": "1.31", ...}); undefined when
# the target is invalid.
make(doc, raw) := {
	"target": t,
	"sites": [view.with_view(t, site) | some site in discovery.sites(doc, extra)],
} if {
	t := target.resolve(raw)
	extra := podspec_paths(t)
}

podspec_paths(t) := t.podSpecPaths if is_array(t.podSpecPaths)

else := []

ctx := make(document, raw_target)

target_errors := target.errors(raw_target)
