# restartPolicyRules (KEP-5307) that the API server rejects.
# The Rego twin of packages/core/src/rules/restart-policy-rules.ts: same paths, spans, effects, severities and
# per-minor messages.
package sidecar_lint.rules.restart_policy_rules

import rego.v1

import data.lib.sidecar_lint.context
import data.lib.sidecar_lint.paths
import data.lib.sidecar_lint.report
import data.lib.sidecar_lint.target
import data.lib.sidecar_lint.view

rule_id := "restart-policy-rules"

all_reports := reports(context.ctx)

# The aggregate's share: {ruleId, severity, path, span, effect, message, item}.
findings := report.findings(rule_id, all_reports)

deny contains msg if some msg in report.deny(rule_id, context.ctx, all_reports)

warn contains msg if some msg in report.warn(rule_id, context.ctx, all_reports)

violation contains v if {
	context.gatekeeper
	some v in report.violation(rule_id, context.ctx, all_reports)
}

max_rules := 20

max_exit_codes := 255

# Decoding comes before the gate's drop: a value of the wrong type is refused even where the field would be cleared.
reports(ctx) := (decode_reports(ctx) | entry_decode_reports(ctx)) | rule_reports(ctx)

restart_all(t) if target.gate_on(t, "RestartAllContainersOnContainerExits")

checked(site) := array.concat(site.by_list.initContainers, site.by_list.containers)

rejected(site, path, span, msg) := report.make(site, path, span, "Rejected", "error", msg)

# The checks of one rule entry can point at one place (an empty or null entry): `order` keeps the core's order.
rejected_in_order(site, path, span, order, msg) := report.make_ordered(site, path, span, "Rejected", "error", msg, order)

decode_reports(ctx) := {r |
	some site in ctx.sites
	some c in checked(site)
	state := c.states.restartPolicyRules
	state.kind == "decode"
	r := rejected(site, array.concat(c.path, ["restartPolicyRules"]), "value", view.decode_message(c, "restartPolicyRules", state))
}

# A rule entry that is neither an object nor null, in the decoder's words; a container with a
# decoding error of its own is not decoded further.
entry_decode_reports(ctx) := {r |
	some site in ctx.sites
	some c in checked(site)
	not decode_error(c)
	c.states.restartPolicyRules.kind != "unknown"
	rules := c.spec.restartPolicyRules
	is_array(rules)
	some i, rule in rules
	rule != null
	not is_object(rule)
	msg := sprintf("cannot unmarshal %s into Go struct field %s.%s of type v1.ContainerRestartRule.", [
		paths.go_json_type(rule),
		view.go_container_struct(c),
		paths.go_field_path(array.concat(c.path, ["restartPolicyRules"])),
	])
	r := rejected(site, array.concat(c.path, ["restartPolicyRules", i]), "value", msg)
}

decode_error(c) if {
	some state in c.states
	state.kind == "decode"
}

rule_reports(ctx) := {r |
	target.gate_on(ctx.target, "ContainerRestartRules")
	some site in ctx.sites
	some c in checked(site)
	rules := view.effective(c, "restartPolicyRules")
	count(rules) > 0
	some r in container_reports(ctx.target, site, c, rules)
}

container_reports(t, site, c, _) := {rejected(site, array.concat(c.path, ["restartPolicyRules"]), "entry", "Forbidden: restartPolicyRules are not allowed for init containers with restart policy Always.")} if {
	c.role == "sidecar"
	not restart_all(t)
}

container_reports(t, site, c, rules) := required | validate_rules(t, site, c, rules) if {
	not forbidden_on_sidecar(t, c)
	not unchecked_init(t, c)
	required := {rejected(site, array.concat(c.path, ["restartPolicy"]), "missing", "Required value: must specify restartPolicy when restart rules are used.") |
		policy_missing(c)
	}
}

container_reports(t, _, c, _) := set() if unchecked_init(t, c)

forbidden_on_sidecar(t, c) if {
	c.role == "sidecar"
	not restart_all(t)
}

policy_missing(c) if not has_key(c.spec, "restartPolicy")

policy_missing(c) if c.spec.restartPolicy == null

has_key(o, key) if _ := o[key]

# 1.34 does not validate the rules of an init container without restartPolicy at all.
unchecked_init(t, c) if {
	c.role == "init"
	policy_missing(c)
	not target.behaviour_applies(t, "initContainerRulesRequireRestartPolicy")
}

# Up to 1.35 count limits are worded as apimachinery's TooLong; 1.36 switched to TooMany.
too_many(t, n, max) := sprintf("Too many: %d: must have at most %d items.", [n, max]) if {
	target.behaviour_applies(t, "restartRulesTooManyMessage")
}

too_many(t, _, max) := sprintf("Too long: may not be more than %d bytes.", [max]) if {
	not target.behaviour_applies(t, "restartRulesTooManyMessage")
}

actions(t) := ["Restart", "RestartAllContainers"] if restart_all(t)

actions(t) := ["Restart"] if not restart_all(t)

# Up to 1.35 the message lists only "Restart", even where RestartAllContainers is accepted.
listed_actions(t) := actions(t) if target.behaviour_applies(t, "restartRuleActionMessageListsAllowedActions")

listed_actions(t) := ["Restart"] if not target.behaviour_applies(t, "restartRuleActionMessageListsAllowedActions")

or_empty(v) := "" if v == null

or_empty(v) := v if v != null

# A null entry decodes as an empty rule; other entries that are not objects are decoding errors (above).
decoded_rules(rules) := [{"index": i, "rule": object_or_empty(rule)} |
	some i, rule in rules
	object_or_null(rule)
]

object_or_null(v) if is_object(v)

object_or_null(v) if v == null

object_or_empty(v) := v if is_object(v)

object_or_empty(v) := {} if v == null

validate_rules(t, site, c, rules) := (((count_reports | action_reports) | exit_code_reports) | operator_reports) | values_reports if {
	rules_path := array.concat(c.path, ["restartPolicyRules"])
	entries := decoded_rules(rules)
	count_reports := {rejected(site, rules_path, "entry", too_many(t, count(rules), max_rules)) | count(rules) > max_rules}
	action_reports := {rejected_in_order(site, array.concat(rules_path, [e.index, "action"]), "value", 1, paths.unsupported_value(action, listed_actions(t))) |
		some e in entries
		action := or_empty(object.get(e.rule, "action", null))
		not action in actions(t)
	}
	exit_code_reports := {rejected_in_order(site, array.concat(rules_path, [e.index, "exitCodes"]), "missing", 2, "Required value: must be specified.") |
		some e in entries
		object.get(e.rule, "exitCodes", null) == null
	}
	operator_reports := {rejected_in_order(site, array.concat(rules_path, [e.index, "exitCodes", "operator"]), "value", 3, paths.unsupported_value(operator, ["In", "NotIn"])) |
		some e in entries
		is_object(e.rule.exitCodes)
		operator := or_empty(object.get(e.rule.exitCodes, "operator", null))
		not operator in {"In", "NotIn"}
	}
	values_reports := {rejected_in_order(site, array.concat(rules_path, [e.index, "exitCodes", "values"]), "entry", 4, too_many(t, count(e.rule.exitCodes.values), max_exit_codes)) |
		some e in entries
		is_object(e.rule.exitCodes)
		is_array(e.rule.exitCodes.values)
		count(e.rule.exitCodes.values) > max_exit_codes
	}
}
