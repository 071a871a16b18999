# A sidecar without cpu or memory requests.
# The Rego twin of packages/core/src/rules/sidecar-resources.ts: same paths, spans, effects, severities and
# per-minor messages.
package sidecar_lint.rules.sidecar_resources

import rego.v1

import data.lib.sidecar_lint.context
import data.lib.sidecar_lint.paths
import data.lib.sidecar_lint.report
import data.lib.sidecar_lint.target
import data.lib.sidecar_lint.view

rule_id := "sidecar-resources"

all_reports := reports(context.ctx)

# The aggregate's share: {ruleId, severity, path, span, effect, message, item}.
findings := report.findings(rule_id, all_reports)

deny contains msg if some msg in report.deny(rule_id, context.ctx, all_reports)

warn contains msg if some msg in report.warn(rule_id, context.ctx, all_reports)

violation contains v if {
	context.gatekeeper
	some v in report.violation(rule_id, context.ctx, all_reports)
}

resource_names := ["cpu", "memory"]

quantity_pattern := `^\+?([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:([eE][+-]?[0-9]+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?)$`

multipliers := {
	"Ki": 1024, "Mi": 1048576, "Gi": 1073741824, "Ti": 1099511627776, "Pi": 1125899906842624, "Ei": 1152921504606846976,
	"n": 0.000000001, "u": 0.000001, "m": 0.001, "": 1, "k": 1000, "M": 1000000, "G": 1000000000, "T": 1000000000000,
	"P": 1000000000000000, "E": 1000000000000000000,
}

binary_suffixes := [["Ei", 1152921504606846976], ["Pi", 1125899906842624], ["Ti", 1099511627776], ["Gi", 1073741824], ["Mi", 1048576], ["Ki", 1024]]

reports(ctx) := {r |
	some site in ctx.sites
	not pod_level_requests(site.spec)
	some c in site.by_list.initContainers
	c.role == "sidecar"
	not requests_something(c.spec)
	# A pod where no container requests anything has a problem that is not the sidecar's.
	count(request_parts(site)) > 0
	msg := sprintf("sidecar %s has no cpu or memory requests, so the scheduler reserves nothing for it although it runs for the whole life of the pod; the pod requests %s (sidecars + app containers, or the largest init container step).", [view.label(c), pod_request_text(site)])
	r := report.make(site, array.concat(c.path, ["resources", "requests"]), "missing", null, "info", msg)
}

# Pod-level resources (PodLevelResources) replace the sum of the containers.
pod_level_requests(spec) if {
	is_object(spec.resources)
	is_object(spec.resources.requests)
}

requests_something(spec) if {
	some name in resource_names
	request_of(spec, name) != null
}

has_key(o, key) if _ := o[key]

# A container's request of one resource, or null; the API server defaults a missing request to the limit.
request_of(spec, name) := parse_quantity(spec.resources.requests[name]) if requested(spec, "requests", name)

request_of(spec, name) := parse_quantity(spec.resources.limits[name]) if {
	not requested(spec, "requests", name)
	requested(spec, "limits", name)
}

request_of(spec, name) := null if {
	not requested(spec, "requests", name)
	not requested(spec, "limits", name)
}

requested(spec, field, name) if {
	is_object(spec.resources)
	is_object(spec.resources[field])
	has_key(spec.resources[field], name)
}

# A Kubernetes quantity ("100m", "0.5", "128Mi", "1e3", 2) in base units, or null when it is not one.
parse_quantity(v) := v if {
	is_number(v)
	v >= 0
}

parse_quantity(v) := null if {
	is_number(v)
	v < 0
}

parse_quantity(v) := quantity_value(regex.find_all_string_submatch_n(quantity_pattern, trim_space(v), 1)) if is_string(v)

parse_quantity(v) := null if {
	not is_number(v)
	not is_string(v)
}

quantity_value([]) := null

quantity_value([m]) := to_number(concat("", [leading_zero(m[1]), m[2]])) * multipliers[m[3]]

leading_zero(digits) := concat("", ["0", digits]) if startswith(digits, ".")

leading_zero(digits) := digits if not startswith(digits, ".")

amount(spec, name) := q if {
	q := request_of(spec, name)
	q != null
}

amount(spec, name) := 0 if request_of(spec, name) == null

# max(app containers + sidecars, each init container plus the sidecars started before it), per resource.
effective_request(site, name) := max([running, largest]) if {
	init := [{"sidecar": c.role == "sidecar", "amount": amount(c.spec, name)} | some c in site.by_list.initContainers]
	steps := [step(init, k) | some k, _ in init]
	largest := max(array.concat([0], steps))
	sidecars := sum([e.amount | some e in init; e.sidecar])
	running := sum([amount(c.spec, name) | some c in site.by_list.containers]) + sidecars
}

step(init, k) := own + sum([e.amount | some j, e in init; j <= k; e.sidecar]) if {
	own := plain_amount(init[k])
}

plain_amount(e) := 0 if e.sidecar

plain_amount(e) := e.amount if not e.sidecar

pod_request_text(site) := concat(" and ", request_parts(site))

request_parts(site) := [sprintf("%s %s", [name, formatted(name, total)]) |
	some name in resource_names
	total := effective_request(site, name)
	total > 0
]

# CPU in cores as Kubernetes prints it: "800m", "2", "1500m".
formatted("cpu", cores) := format_cpu(ceil(round(cores * 1000000) / 1000))

formatted("memory", bytes) := format_memory(ceil(bytes))

format_cpu(millis) := paths.number_text(millis / 1000) if millis % 1000 == 0

format_cpu(millis) := concat("", [paths.number_text(millis), "m"]) if millis % 1000 != 0

# Memory in bytes with the largest binary suffix that divides it: "256Mi", "1Gi", "1500".
format_memory(bytes) := concat("", [paths.number_text(bytes / s[1]), s[0]]) if {
	some s in memory_suffix(bytes)
}

format_memory(bytes) := paths.number_text(bytes) if count(memory_suffix(bytes)) == 0

memory_suffix(bytes) := array.slice([s | some s in binary_suffixes; bytes >= s[1]; bytes % s[1] == 0], 0, 1)
