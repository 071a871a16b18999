# The target of one evaluation: one Kubernetes minor with its feature gates resolved against the
# generated version table (defaults, then overrides that the table allows), fieldValidation, the
# kubelet minor, and whether every minor of the caller's whole range runs native sidecars.
package lib.sidecar_lint.target

import rego.v1

import data.lib.sidecar_lint.data_versions as versions

# Without a target: the first minor of the table's defaultRange.
default_version := split(versions.default_range, "-")[0]

digits(s) if {
	s != ""
	trim(s, "0123456789") == ""
}

# "1.31", "v1.31" or "1.31.4" (patch ignored) -> 31, as the core's parseMinor.
parse_minor(text) := to_number(parts[1]) if {
	is_string(text)
	parts := split(trim_prefix(trim_space(text), "v"), ".")
	count(parts) >= 2
	count(parts) <= 3
	parts[0] == "1"
	digits(parts[1])
	count(parts[1]) <= 3
	patch_ok(parts)
}

patch_ok(parts) if count(parts) == 2

patch_ok(parts) if digits(parts[2])

table_gates(minor) := object.get(versions.gates, format_int(min([minor, versions.newest_minor]), 10), {})

# An override applies where the gate exists and is not locked to the other value.
gate_value(state, override) := override if {
	is_boolean(override)
	override_allowed(state, override)
} else := state.default

override_allowed(state, _) if not state.locked

override_allowed(state, value) if state.default == value

resolve_gates(minor, overrides) := {name: gate_value(state, object.get(overrides, name, null)) |
	some name, state in table_gates(minor)
}

# Which kubelets run native sidecars: the API server's own minor with its gates, or another minor's default.
kubelet_runs_sidecars(kubelet, api, gates) if {
	kubelet == api
	gates.SidecarContainers == true
}

kubelet_runs_sidecars(kubelet, api, _) if {
	kubelet != api
	kubelet >= versions.oldest_minor
	table_gates(kubelet).SidecarContainers.default == true
}

field_exists_in(minor, field) if not versions.fields_since[field]

field_exists_in(minor, field) if minor >= versions.fields_since[field]

# Does this minor run native sidecars (API server and kubelet)? The core's sidecarsEverywhere for one minor.
sidecars_here(minor, gates, kubelet_supports) if {
	field_exists_in(minor, "container.restartPolicy")
	gates.SidecarContainers == true
	kubelet_supports
}

field_validation(raw) := v if {
	v := object.get(raw, "fieldValidation", "strict")
	v in {"strict", "warn"}
}

kubelet_minor(raw, minor) := minor if not raw.kubeletVersion

kubelet_minor(raw, _) := parse_minor(raw.kubeletVersion) if raw.kubeletVersion

# The resolved target, or undefined when `raw` is not a valid target (see `errors`).
resolve(raw) := t if {
	is_object(raw)
	minor := parse_minor(object.get(raw, "kubernetesVersion", default_version))
	minor >= versions.oldest_minor
	overrides := object.get(raw, "featureGates", {})
	is_object(overrides)
	gates := resolve_gates(minor, overrides)
	fv := field_validation(raw)
	kubelet := kubelet_minor(raw, minor)
	kubelet_supports := kubelet_supports_sidecars(kubelet, minor, gates)
	t := {
		"version": concat(".", ["1", format_int(minor, 10)]),
		"minor": minor,
		"gates": gates,
		"fieldValidation": fv,
		"kubeletVersion": concat(".", ["1", format_int(kubelet, 10)]),
		"kubeletMinor": kubelet,
		"kubeletSupportsSidecars": kubelet_supports,
		"sidecarsEverywhere": sidecars_everywhere(raw, minor, gates, kubelet_supports),
		"podSpecPaths": object.get(raw, "podSpecPaths", []),
		"severities": object.get(raw, "severities", ["error", "warning", "info"]),
	}
}

kubelet_supports_sidecars(kubelet, minor, gates) := true if kubelet_runs_sidecars(kubelet, minor, gates)

else := false

# The host passes the answer for its whole range; alone, a minor answers for itself.
sidecars_everywhere(raw, _, _, _) := raw.sidecarsEverywhere if is_boolean(raw.sidecarsEverywhere)

sidecars_everywhere(raw, minor, gates, kubelet_supports) := sidecars_here_value(minor, gates, kubelet_supports) if {
	not is_boolean(raw.sidecarsEverywhere)
}

sidecars_here_value(minor, gates, kubelet_supports) := true if sidecars_here(minor, gates, kubelet_supports)

else := false

# Why a target cannot be resolved, in the core's words where it has them.
errors(raw) := {"The target must be an object."} if not is_object(raw)

errors(raw) := union({
	version_errors(raw),
	{sprintf("Invalid fieldValidation %s: expected \"strict\" or \"warn\".", [json.marshal(raw.fieldValidation)]) | not field_validation(raw)},
	{sprintf("Invalid kubelet version %s: expected a minor such as \"1.31\".", [json.marshal(raw.kubeletVersion)]) |
		raw.kubeletVersion
		not parse_minor(raw.kubeletVersion)
	},
	{"featureGates must be an object of gate names to booleans." | not is_object(object.get(raw, "featureGates", {}))},
}) if is_object(raw)

version_errors(raw) := {sprintf("Invalid Kubernetes version %s: expected a minor such as \"1.31\".", [json.marshal(text)]) |
	text := object.get(raw, "kubernetesVersion", default_version)
	not parse_minor(text)
} | {sprintf("Kubernetes 1.%d is older than the oldest version sidecar-lint knows (1.%d).", [minor, versions.oldest_minor]) |
	minor := parse_minor(object.get(raw, "kubernetesVersion", default_version))
	minor < versions.oldest_minor
}

# Target questions the rules ask.
gate_on(t, gate) if t.gates[gate] == true

gate_off(t, gate) if t.gates[gate] == false

field_exists(t, field) if field_exists_in(t.minor, field)

behaviour_applies(t, name) if t.minor >= versions.behaviours_since[name]
