# conftest: an unusable target is a failure of its own, so a typo never passes silently.
package sidecar_lint.invalid_target

import rego.v1

import data.lib.sidecar_lint.context

deny contains sprintf("sidecar-lint target: %s", [msg]) if some msg in context.target_errors
