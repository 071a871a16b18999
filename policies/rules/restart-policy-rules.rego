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

reports(ctx) := decode_reports(ctx) | rule_reports(ctx) if target.gate_on(ctx.target, "ContainerRestartRules")

reports(ctx) := set() if not target.gate_on(ctx.target, "ContainerRestartRules")

restart_all(t) if target.gate_on(t, "RestartAllContainersOnContainerExits")

checked(site) := array.concat(site.by_list.initContainers, site.by_list.containers)

rejected(site, path, span, msg) := report.make(site, path, span, "Rejected", "error", msg)

decode_reports(ctx) := {r |
	some site in ctx.sites
	some c in checked(site)
	state := c.states.restartPolicyRules
	state.kind == "decode"
	r := rejected(site, array.concat(c.path, ["restartPolicyRules"]), "value", view.decode_message(c, "restartPolicyRules", state))
}

rule_reports(ctx) := {r |
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

policy_missing(c) if not c.spec.restartPolicy

policy_missing(c) if c.spec.restartPolicy == null

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

# JavaScript's typeof, which the core's message for a rule that is not an object uses.
js_type(v) := "array" if is_array(v)

js_type(v) := "object" if is_null(v)

js_type(v) := "boolean" if is_boolean(v)

js_type(v) := "number" if is_number(v)

js_type(v) := "string" if is_string(v)

or_empty(v) := "" if v == null

or_empty(v) := v if v != null

validate_rules(t, site, c, rules) := ((((count_reports | shape_reports) | action_reports) | exit_code_reports) | operator_reports) | values_reports if {
	rules_path := array.concat(c.path, ["restartPolicyRules"])
	count_reports := {rejected(site, rules_path, "entry", too_many(t, count(rules), max_rules)) | count(rules) > max_rules}
	shape_reports := {rejected(site, array.concat(rules_path, [i]), "value", msg) |
		some i, rule in rules
		not is_object(rule)
		msg := sprintf("cannot unmarshal %s into Go struct field Container.restartPolicyRules of type v1.ContainerRestartRule (container %s).", [js_type(rule), view.label(c)])
	}
	action_reports := {rejected(site, array.concat(rules_path, [i, "action"]), "value", paths.unsupported_value(action, listed_actions(t))) |
		some i, rule in rules
		is_object(rule)
		action := or_empty(object.get(rule, "action", null))
		not action in actions(t)
	}
	exit_code_reports := {rejected(site, array.concat(rules_path, [i, "exitCodes"]), "missing", "Required value: must be specified.") |
		some i, rule in rules
		is_object(rule)
		object.get(rule, "exitCodes", null) == null
	}
	operator_reports := {rejected(site, array.concat(rules_path, [i, "exitCodes", "operator"]), "value", paths.unsupported_value(operator, ["In", "NotIn"])) |
		some i, rule in rules
		is_object(rule.exitCodes)
		operator := or_empty(object.get(rule.exitCodes, "operator", null))
		not operator in {"In", "NotIn"}
	}
	values_reports := {rejected(site, array.concat(rules_path, [i, "exitCodes", "values"]), "entry", too_many(t, count(rule.exitCodes.values), max_exit_codes)) |
		some i, rule in rules
		is_object(rule.exitCodes)
		is_array(rule.exitCodes.values)
		count(rule.exitCodes.values) > max_exit_codes
	}
}
