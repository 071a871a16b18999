# Field paths and the API server's message forms, exactly as the core renders them.
package lib.sidecar_lint.paths

import rego.v1

identifier_chars := "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_"

# A segment the core writes as `.name` rather than `[name]`: [A-Za-z_][A-Za-z0-9_]*.
identifier(s) if {
	s != ""
	trim(s, identifier_chars) == ""
	not startswith_digit(s)
}

startswith_digit(s) if {
	some d in ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]
	startswith(s, d)
}

segment_text(_, s) := concat("", ["[", format_int(s, 10), "]"]) if is_number(s)

segment_text(0, s) := s if {
	is_string(s)
	identifier(s)
}

segment_text(i, s) := concat("", [".", s]) if {
	i > 0
	is_string(s)
	identifier(s)
}

segment_text(_, s) := concat("", ["[", s, "]"]) if {
	is_string(s)
	not identifier(s)
}

# ["spec", "containers", 1, "name"] -> "spec.containers[1].name" (the core's formatPath).
format(segments) := concat("", [segment_text(i, s) | some i, s in segments])

# The Go struct path of a JSON type error: the field names without list indices.
go_field_path(segments) := concat(".", [s | some s in segments; is_string(s)])

# JSON quoting, as apimachinery renders values of named string types.
quote(value) := json.marshal(value)

# `Unsupported value: "always": supported values: "Always".`
unsupported_value(value, supported) := sprintf("Unsupported value: %s: supported values: %s.", [
	quote(value),
	concat(", ", [quote(v) | some v in supported]),
])

strict_unknown_field(segments) := sprintf("strict decoding error: unknown field %s.", [quote(format(segments))])

# Go's JSON type name of a value, as the decoder prints it.
go_json_type(v) := "null" if is_null(v)

else := "array" if is_array(v)

else := "bool" if is_boolean(v)

else := "number" if is_number(v)

else := "string" if is_string(v)

else := "object"

capitalize(text) := concat("", [upper(substring(text, 0, 1)), substring(text, 1, count(text))])

# A number as JavaScript's String() prints the ordinary ones (integers without ".0").
number_text(n) := format_int(n, 10) if n == floor(n)

else := sprintf("%v", [n])
