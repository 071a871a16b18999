# Where conftest and the wasm engine pass the target: the data document `sidecar_lint.target`
# (conftest: `--data target.json` with {"sidecar_lint": {"target": {...}}}). The only reference to
# `data` outside `data.lib`: leave this module out of a Gatekeeper ConstraintTemplate, whose
# parameters carry the target instead (see README.md).
package lib.sidecar_lint.target_source

import rego.v1

document := data.sidecar_lint.target
