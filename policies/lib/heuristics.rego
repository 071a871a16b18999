# Reading intent from a container, as the core's heuristics.ts and rules/runtime-shared.ts: a known
# long-running helper image, a command that never ends or runs to completion, the legacy
# workarounds. The patterns come from schemas/heuristics.json through the generated module.
package lib.sidecar_lint.heuristics

import rego.v1

import data.lib.sidecar_lint.data_heuristics as table

# "docker.io/istio/proxyv2:1.22@sha256:..." -> "docker.io/istio/proxyv2".
image_name(image) := untagged(split(trim_space(image), "@")[0]) if is_string(image)

image_name(image) := "" if not is_string(image)

untagged(name) := concat(":", array.slice(parts, 0, count(parts) - 1)) if {
	parts := split(name, ":")
	count(parts) > 1
	not contains(parts[count(parts) - 1], "/")
}

untagged(name) := name if not tagged(name)

tagged(name) if {
	parts := split(name, ":")
	count(parts) > 1
	not contains(parts[count(parts) - 1], "/")
}

# The command line as one string: command and args joined by spaces.
command_line(spec) := concat(" ", array.concat(strings_of(spec, "command"), strings_of(spec, "args")))

strings_of(spec, field) := [part | some part in spec[field]; is_string(part)] if is_array(spec[field])

strings_of(spec, field) := [] if not is_array(spec[field])

# The first entry whose pattern matches the text, as a one-element array ([] for none). `any` is
# the table's patterns in one alternation: one question for the many texts that match nothing.
first_match(_, _, "") := []

first_match(_, any, text) := [] if {
	text != ""
	not regex.match(any, text)
}

first_match(entries, any, text) := array.slice(matches, 0, 1) if {
	text != ""
	regex.match(any, text)
	matches := [entry | some entry in entries; regex.match(entry.pattern, text)]
}

known_long_running_image(spec) := first_match(table.long_running_images, table.long_running_images_any, image_name(spec.image))

long_running_command(spec) := array.slice(array.concat(
	first_match(table.long_running_commands, table.long_running_commands_any, command_line(spec)),
	first_match(table.server_commands, table.server_commands_any, command_line(spec)),
), 0, 1)

one_shot_command(spec) := first_match(table.one_shot_commands, table.one_shot_commands_any, command_line(spec))

declares_ports(spec) if {
	is_array(spec.ports)
	count(spec.ports) > 0
}

image_reason(spec) := [sprintf("its image is %s", [e.name]) | some e in known_long_running_image(spec)]

command_reason(spec) := [sprintf("it runs %s", [e.name]) | some e in long_running_command(spec)]

ports_reason(spec) := ["it declares ports"] if declares_ports(spec)

ports_reason(spec) := [] if not declares_ports(spec)

# Why an init container will not exit on its own ([] for no reason). A one-shot command wins, and
# an image counts only with its own entrypoint (no `command` key at all).
never_exits_reason(spec) := [] if count(one_shot_command(spec)) > 0

never_exits_reason(spec) := array.slice(array.concat(array.concat(entrypoint_image_reason(spec), command_reason(spec)), ports_reason(spec)), 0, 1) if {
	count(one_shot_command(spec)) == 0
}

entrypoint_image_reason(spec) := image_reason(spec) if not has_key(spec, "command")

entrypoint_image_reason(spec) := [] if has_key(spec, "command")

has_key(o, key) if _ := o[key]

# A helper that runs beside the app for the pod's life: a known image or a command that never ends.
helper_reason(spec) := [] if count(one_shot_command(spec)) > 0

helper_reason(spec) := array.slice(array.concat(image_reason(spec), command_reason(spec)), 0, 1) if {
	count(one_shot_command(spec)) == 0
}

proxy_kinds := {"mesh-proxy", "db-proxy", "auth-proxy"}

known_proxy(spec) := [e | some e in known_long_running_image(spec); e.kind in proxy_kinds]

# Something later containers wait for: a known proxy or agent (not a log shipper), or a server of ports.
provides_service(spec) if {
	some e in known_long_running_image(spec)
	e.kind != "log-shipper"
}

provides_service(spec) if declares_ports(spec)

command_workarounds := [e | some e in table.legacy_workarounds; e.kind == "command"; is_string(e.pattern)]

annotation_workarounds := [e | some e in table.legacy_workarounds; e.kind == "annotation"; is_string(e.key)]

# The legacy shutdown or await workaround a command line uses ([] for none).
command_workaround("") := []

command_workaround(text) := [] if {
	text != ""
	not regex.match(table.command_workarounds_any, text)
}

command_workaround(text) := array.slice([e | some e in command_workarounds; regex.match(e.pattern, text)], 0, 1) if {
	text != ""
	regex.match(table.command_workarounds_any, text)
}

# Does some container of the pod stop its legacy sidecars itself (/quitquitquit, linkerd-await --shutdown, ...)?
stops_helpers_itself(containers) if {
	some c in containers
	count(command_workaround(command_line(c.spec))) > 0
}

# The seconds a command line sleeps in total (a preStop hook's `sleep 5`), 0 when it does not.
pre_stop_sleep_seconds(line) := sum([to_number(m[2]) | some m in regex.find_all_string_submatch_n(table.sleep_command, line, -1)]) if {
	is_string(table.sleep_command)
}

pre_stop_sleep_seconds(_) := 0 if not is_string(table.sleep_command)
