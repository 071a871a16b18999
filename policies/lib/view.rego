# The API server view of each container for one minor, as the core's view.ts: decode (fields
# unknown in that version, JSON type errors), drop (fields a gate-off API server clears on
# create), then what validation sees. A sidecar is an init container whose restartPolicy is
# exactly Always after the drops; every rule reads the role from here.
package lib.sidecar_lint.view

import rego.v1

import data.lib.sidecar_lint.paths
import data.lib.sidecar_lint.target

lists := ["initContainers", "containers", "ephemeralContainers"]

restart_fields := ["restartPolicy", "restartPolicyRules"]

versioned_field := {"restartPolicy": "container.restartPolicy", "restartPolicyRules": "container.restartPolicyRules"}

expected_type := {"restartPolicy": "string", "restartPolicyRules": "array"}

has_key(o, key) if _ := o[key]

# The gate whose being off makes the API server clear this field on create, or null.
drop_gate(t, list, field, _) := "SidecarContainers" if sidecar_drop(t, list, field)

drop_gate(t, list, field, value) := "ContainerRestartRules" if {
	not sidecar_drop(t, list, field)
	restart_rules_drop(t, list, field, value)
}

drop_gate(t, list, field, value) := null if {
	not sidecar_drop(t, list, field)
	not restart_rules_drop(t, list, field, value)
}

# 1.28-1.32 with SidecarContainers off: every init container's restartPolicy, whatever its value.
sidecar_drop(t, list, field) if {
	list == "initContainers"
	field == "restartPolicy"
	target.gate_off(t, "SidecarContainers")
}

# 1.34-1.35 with ContainerRestartRules off: everything of KEP-5307 but an init container's exact Always.
restart_rules_drop(t, list, field, value) if {
	target.gate_off(t, "ContainerRestartRules")
	not exact_init_always(list, field, value)
}

exact_init_always(list, field, value) if {
	list == "initContainers"
	field == "restartPolicy"
	value == "Always"
}

# What happens to one restart field of one container: absent, unknown (not in this version), null,
# decode (wrong JSON type), dropped (by a gate) or effective (validation sees it).
field_state(_, _, spec, field) := {"kind": "absent"} if not has_key(spec, field)

field_state(t, _, spec, field) := {"kind": "unknown", "value": spec[field]} if {
	has_key(spec, field)
	not target.field_exists(t, versioned_field[field])
}

field_state(t, list, spec, field) := decoded_state(field, v, paths.go_json_type(v), drop_gate(t, list, field, v)) if {
	has_key(spec, field)
	target.field_exists(t, versioned_field[field])
	v := spec[field]
}

decoded_state(_, _, "null", _) := {"kind": "null"}

decoded_state(field, _, got, _) := {"kind": "decode", "got": got, "expected": expected_type[field]} if {
	got != "null"
	got != expected_type[field]
}

decoded_state(field, v, got, gate) := {"kind": "dropped", "gate": gate, "value": v} if {
	got == expected_type[field]
	gate != null
}

decoded_state(field, v, got, null) := {"kind": "effective", "value": v} if got == expected_type[field]

role(list, states) := "ephemeral" if list == "ephemeralContainers"

else := "app" if list == "containers"

else := "sidecar" if {
	states.restartPolicy.kind == "effective"
	states.restartPolicy.value == "Always"
}

else := "init"

container(t, site, list, index, spec) := {
	"list": list,
	"index": index,
	"path": array.concat(site.spec_path, [list, index]),
	"spec": spec,
	"name": name_of(spec),
	"role": role(list, states),
	"states": states,
} if {
	states := {field: field_state(t, list, spec, field) | some field in restart_fields}
}

name_of(spec) := spec.name if is_string(spec.name)

else := null

# The containers of each list, in order, skipping entries that are not objects (as the core).
by_list(t, site) := {list: [container(t, site, list, index, spec) |
	some index, spec in entries_of(site.spec, list)
	is_object(spec)
] |
	some list in lists
}

entries_of(spec, list) := spec[list] if is_array(spec[list])

else := []

# A site with its containers: `by_list` per list and `all` (init, app, ephemeral in that order).
with_view(t, site) := object.union(site, {"by_list": views, "all": array.concat(array.concat(views.initContainers, views.containers), views.ephemeralContainers)}) if {
	views := by_list(t, site)
}

declared(c, field) if c.states[field].kind != "absent"

effective(c, field) := c.states[field].value if c.states[field].kind == "effective"

# `"name"` of a container for messages, or its position when it has no name.
label(c) := concat("", ["\"", c.name, "\""]) if is_string(c.name)

else := sprintf("%s[%d]", [c.list, c.index])

go_types := {"restartPolicy": "v1.ContainerRestartPolicy", "restartPolicyRules": "[]v1.ContainerRestartRule"}

# The Go struct the decoder fills: ephemeral containers are their own type (its fields are
# promoted from EphemeralContainerCommon, and Go's json names the outer struct).
go_container_struct(c) := "EphemeralContainer" if c.list == "ephemeralContainers"

else := "Container"

# The decoder's words for a value of the wrong JSON type.
decode_message(c, field, state) := sprintf("cannot unmarshal %s into Go struct field %s.%s of type %s.", [
	state.got,
	go_container_struct(c),
	paths.go_field_path(array.concat(c.path, [field])),
	go_types[field],
])
