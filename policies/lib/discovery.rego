# Pod spec discovery for one document, as the core's discovery.ts: built-in kinds and known CRDs
# from the generated workload table (API group and kind together), kinds the target maps in
# `podSpecPaths`, the items of any *List, and a fallback for unknown kinds that finds objects
# shaped like a pod template and stays quiet in kinds that only describe pods.
package lib.sidecar_lint.discovery

import rego.v1

import data.lib.sidecar_lint.data_workloads as workloads

annotation_prefix := "ignore.sidecar-lint.io/"

# Old API groups that served the same kinds before apps/v1.
group_aliases := {"extensions": "apps"}

is_list(doc) if {
	is_string(doc.kind)
	endswith(doc.kind, "List")
	is_array(doc.items)
}

resources(doc) := [{"object": o, "item": i} | some i, o in doc.items; is_object(o)] if is_list(doc)

else := [{"object": doc, "item": null}] if is_object(doc)

else := []

group_of(api_version) := split(api_version, "/")[0] if contains(api_version, "/")

else := ""

looks_like_pod_spec(v) if {
	is_object(v)
	is_array(v.containers)
}

looks_like_pod_spec(v) if {
	is_object(v)
	is_array(v.initContainers)
}

# "spec.templates[*].template.spec" -> ["spec", "templates", "[*]", "template", "spec"] (config entries).
parse_spec_path(path) := [segment |
	some part in split(path, ".")
	pieces := split(part, "[")
	some j, piece in pieces
	segment := path_piece(j, piece)
]

path_piece(0, piece) := piece if piece != ""

path_piece(j, piece) := "[*]" if {
	j > 0
	trim_suffix(piece, "]") == "*"
}

path_piece(j, piece) := to_number(trim_suffix(piece, "]")) if {
	j > 0
	inner := trim_suffix(piece, "]")
	inner != "*"
	inner != ""
	trim(inner, "0123456789") == ""
}

segment_matches(s, "*") if is_string(s)

segment_matches(s, "[*]") if is_number(s)

segment_matches(s, p) if {
	not p in {"*", "[*]"}
	s == p
}

matches_pattern(path, pattern) if {
	count(path) == count(pattern)
	every i, p in pattern {
		segment_matches(path[i], p)
	}
}

config_api_matches(entry, api_version, _) if {
	contains(entry.apiVersion, "/")
	entry.apiVersion == api_version
}

config_api_matches(entry, _, group) if {
	not contains(entry.apiVersion, "/")
	entry.apiVersion == group
}

configured(o, extra) := [m |
	some entry in extra
	entry.kind == o.kind
	config_api_matches(entry, o.apiVersion, group_of(o.apiVersion))
	workload := object.get(entry, "workload", "other")
	m := {
		"spec_path": parse_spec_path(entry.path),
		"workload": workload,
		"builtin": false,
		"completes": workload in {"job", "cronjob"},
	}
]

known(o) := object.get(workloads.kinds, concat("/", [object.get(group_aliases, group, group), o.kind]), []) if {
	group := group_of(o.apiVersion)
}

mappings(o, extra) := configured(o, extra) if count(configured(o, extra)) > 0

mappings(o, extra) := known(o) if count(configured(o, extra)) == 0

fallback_excluded(o) if o.kind in workloads.non_workload_kinds

fallback_excluded(o) if concat("/", [group_of(o.apiVersion), o.kind]) in workloads.fallback_excluded

fallback_excluded(o) if concat("/", [group_of(o.apiVersion), "*"]) in workloads.fallback_excluded

template_metadata_path(spec_path) := ["metadata"] if count(spec_path) == 1

else := array.concat(array.slice(spec_path, 0, count(spec_path) - 1), ["metadata"]) if {
	spec_path[count(spec_path) - 1] == "spec"
}

else := null

job_spec_path(workload, spec_path) := array.slice(spec_path, 0, count(spec_path) - 2) if {
	workload in {"job", "cronjob"}
	count(spec_path) >= 3
}

else := null

value_at(o, path) := v if walk(o, [path, v])

# Rule ids that annotations on the resource or its pod template suppress ("all" included).
ignored(o, metadata_path) := {id |
	some metadata in metadata_objects(o, metadata_path)
	some key, _ in metadata.annotations
	startswith(key, annotation_prefix)
	id := substring(key, count(annotation_prefix), count(key))
}

metadata_objects(o, metadata_path) := [m |
	some m in [object.get(o, "metadata", null), template_metadata(o, metadata_path)]
	is_object(m)
	is_object(m.annotations)
]

template_metadata(o, path) := v if {
	is_array(path)
	v := value_at(o, path)
} else := null

text_or_null(v) := v if is_string(v)

else := null

resource_of(o) := {
	"apiVersion": text_or_null(o.apiVersion),
	"kind": text_or_null(o.kind),
	"name": name_of(object.get(o, "metadata", {})),
	"namespace": text_or_null(object.get(object.get(o, "metadata", {}), "namespace", null)),
}

name_of(metadata) := metadata.name if is_string(metadata.name)

else := metadata.generateName if is_string(metadata.generateName)

else := null

site(o, item, mapping, spec_path, spec) := {
	"item": item,
	"resource": resource_of(o),
	"object": o,
	"workload": mapping.workload,
	"builtin": mapping.builtin,
	"completes": mapping.completes,
	"spec_path": spec_path,
	"spec": spec,
	"template_metadata_path": tm,
	"job_spec_path": job_spec_path(mapping.workload, spec_path),
	"ignored": ignored(o, tm),
} if {
	tm := template_metadata_path(spec_path)
}

fallback_mapping := {"workload": "other", "builtin": false, "completes": false}

# A node the core's fallback visits: at most 12 levels deep, never under metadata or status.
fallback_visited(path) if {
	count(path) <= 12
	not "metadata" in path
	not "status" in path
}

fallback_match(v) if {
	is_object(v.template)
	looks_like_pod_spec(v.template.spec)
}

# The fallback does not look inside the template it matched.
inside_match(o, path) if {
	some k, segment in path
	segment == "template"
	fallback_match(value_at(o, array.slice(path, 0, k)))
}

fallback_sites(o, item) := {s |
	walk(o, [path, v])
	is_object(v)
	fallback_visited(path)
	fallback_match(v)
	not inside_match(o, path)
	s := site(o, item, fallback_mapping, array.concat(path, ["template", "spec"]), v.template.spec)
}

resource_sites(o, item, extra) := {s |
	some mapping in mappings(o, extra)
	walk(o, [path, spec])
	matches_pattern(path, mapping.spec_path)
	looks_like_pod_spec(spec)
	s := site(o, item, mapping, path, spec)
} if {
	count(mappings(o, extra)) > 0
}

resource_sites(o, _, extra) := set() if {
	count(mappings(o, extra)) == 0
	fallback_excluded(o)
}

resource_sites(o, item, extra) := fallback_sites(o, item) if {
	count(mappings(o, extra)) == 0
	not fallback_excluded(o)
}

typed(o) if {
	is_string(o.apiVersion)
	is_string(o.kind)
}

# Every pod spec site of a document, in a stable order.
sites(doc, extra) := [s | some s in site_set(doc, extra)]

site_set(doc, extra) := {s |
	some r in resources(doc)
	typed(r.object)
	some s in resource_sites(r.object, r.item, extra)
}
