# Reports of the rules and their three outputs: the aggregate findings (what the host merges over
# minors exactly as the core does), conftest's deny/warn messages and Gatekeeper's violations.
package lib.sidecar_lint.report

import rego.v1

import data.lib.sidecar_lint.paths

# One rule's report at a path (segments from the resource root, or the List item's root).
# span: value | entry | missing; effect: the core's effect verb phrase or null; message: the
# core's per-minor detail, a sentence ending with a period.
make(site, path, span, effect, severity, message) := {
	"item": site.item,
	"resource": site.resource,
	"ignored": site.ignored,
	"path": path,
	"span": span,
	"effect": effect,
	"severity": severity,
	"message": message,
}

# A report whose rule can give several messages at one path in one minor: `order` is the check's
# place in the core's order (a negative successThreshold: "must be greater than or equal to 0"
# before "must be 1").
make_ordered(site, path, span, effect, severity, message, order) := object.union(make(site, path, span, effect, severity, message), {"order": order})

finding(rule_id, r) := object.union({
	"ruleId": rule_id,
	"severity": r.severity,
	"path": paths.format(r.path),
	"span": r.span,
	"effect": r.effect,
	"message": r.message,
	"item": r.item,
}, check_order(r))

# A set is ordered by its values and an object by its sorted keys, so `checkOrder`, the first key,
# keeps several messages at one path in the core's order when the host merges them.
check_order(r) := {"checkOrder": r.order} if is_number(r.order)

else := {}

findings(rule_id, reports) := {finding(rule_id, r) | some r in reports}

# The core's merged message for one minor: "<effect> on <version>: <detail>", or the detail alone.
text(version, r) := sprintf("%s on %s: %s", [r.effect, version, r.message]) if is_string(r.effect)

text(_, r) := paths.capitalize(r.message) if not is_string(r.effect)

resource_label(resource) := concat("/", [resource.kind, resource.name]) if is_string(resource.name)

else := resource.kind

# Annotations `ignore.sidecar-lint.io/<rule-id>` or `/all` on the resource or its pod template.
suppressed(rule_id, r) if rule_id in r.ignored

suppressed(_, r) if "all" in r.ignored

message(rule_id, version, r) := sprintf("%s: %s: %s [%s]", [resource_label(r.resource), paths.format(r.path), text(version, r), rule_id])

deny(rule_id, ctx, reports) := {message(rule_id, ctx.target.version, r) |
	some r in reports
	r.severity == "error"
	not suppressed(rule_id, r)
}

warn(rule_id, ctx, reports) := {message(rule_id, ctx.target.version, r) |
	some r in reports
	r.severity != "error"
	not suppressed(rule_id, r)
}

violation(rule_id, ctx, reports) := {{"msg": message(rule_id, ctx.target.version, r), "details": details} |
	some r in reports
	r.severity in ctx.target.severities
	not suppressed(rule_id, r)
	details := object.union(finding(rule_id, r), {"version": ctx.target.version, "resource": r.resource})
}
