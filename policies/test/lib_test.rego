package sidecar_lint.test.lib

import rego.v1

import data.lib.sidecar_lint.context
import data.lib.sidecar_lint.discovery
import data.lib.sidecar_lint.paths
import data.lib.sidecar_lint.target

test_format_path if {
	paths.format(["spec", "template", "spec", "initContainers", 1, "restartPolicy"]) == "spec.template.spec.initContainers[1].restartPolicy"
	paths.format(["metadata", "annotations", "ignore.sidecar-lint.io/all"]) == "metadata.annotations[ignore.sidecar-lint.io/all]"
	paths.format(["items", 0, "9lives"]) == "items[0][9lives]"
}

test_unsupported_value if {
	paths.unsupported_value("always", ["Always", "Never"]) == "Unsupported value: \"always\": supported values: \"Always\", \"Never\"."
}

test_parse_minor if {
	target.parse_minor("1.31") == 31
	target.parse_minor("v1.29.4") == 29
	not target.parse_minor("1.31-1.33")
	not target.parse_minor("2.1")
	not target.parse_minor(131)
}

test_default_target_is_first_minor_of_default_range if {
	t := target.resolve({})
	t.version == "1.31"
	t.fieldValidation == "strict"
	t.gates == {"SidecarContainers": true, "InPlacePodVerticalScaling": false}
	t.sidecarsEverywhere == true
}

test_gate_overrides_respect_locks if {
	t := target.resolve({"kubernetesVersion": "1.33", "featureGates": {"SidecarContainers": false, "InPlacePodVerticalScaling": false, "Unknown": true}})
	t.gates == {"SidecarContainers": true, "InPlacePodVerticalScaling": false}
}

test_gate_off_in_1_28 if {
	t := target.resolve({"kubernetesVersion": "1.28"})
	t.gates.SidecarContainers == false
	t.kubeletSupportsSidecars == false
	t.sidecarsEverywhere == false
}

test_minor_newer_than_table_uses_newest_gates if {
	t := target.resolve({"kubernetesVersion": "1.40"})
	t.minor == 40
	t.gates.RestartAllContainersOnContainerExits == true
}

test_old_kubelet if {
	t := target.resolve({"kubernetesVersion": "1.31", "kubeletVersion": "1.27"})
	t.kubeletSupportsSidecars == false
	t.kubeletVersion == "1.27"
	t.sidecarsEverywhere == false
}

test_host_passes_sidecars_everywhere if {
	t := target.resolve({"kubernetesVersion": "1.31", "sidecarsEverywhere": false})
	t.sidecarsEverywhere == false
}

test_invalid_targets if {
	not target.resolve({"kubernetesVersion": "1.26"})
	target.errors({"kubernetesVersion": "1.26"}) == {"Kubernetes 1.26 is older than the oldest version sidecar-lint knows (1.27)."}
	target.errors({"kubernetesVersion": "x"}) == {"Invalid Kubernetes version \"x\": expected a minor such as \"1.31\"."}
	not target.resolve({"fieldValidation": "ignore"})
}

deployment := {
	"apiVersion": "apps/v1",
	"kind": "Deployment",
	"metadata": {"name": "web", "annotations": {"ignore.sidecar-lint.io/sidecar-order": "known"}},
	"spec": {"template": {
		"metadata": {"annotations": {"ignore.sidecar-lint.io/all": ""}},
		"spec": {"containers": [{"name": "app"}]},
	}},
}

test_discovery_builtin if {
	[s] := discovery.sites(deployment, [])
	s.spec_path == ["spec", "template", "spec"]
	s.workload == "controller"
	s.builtin == true
	s.completes == false
	s.item == null
	s.template_metadata_path == ["spec", "template", "metadata"]
	s.job_spec_path == null
	s.ignored == {"sidecar-order", "all"}
	s.resource == {"apiVersion": "apps/v1", "kind": "Deployment", "name": "web", "namespace": null}
}

test_discovery_matches_group_and_kind if {
	count(discovery.sites({"apiVersion": "batch.volcano.sh/v1alpha1", "kind": "Job", "spec": {"template": {"spec": {"containers": []}}}}, [])) == 0
	[s] := discovery.sites({"apiVersion": "batch/v1", "kind": "Job", "spec": {"template": {"spec": {"containers": []}}}}, [])
	s.job_spec_path == ["spec"]
	s.completes == true
}

test_discovery_cronjob_and_extensions_alias if {
	[c] := discovery.sites({"apiVersion": "batch/v1", "kind": "CronJob", "spec": {"jobTemplate": {"spec": {"template": {"spec": {"containers": []}}}}}}, [])
	c.spec_path == ["spec", "jobTemplate", "spec", "template", "spec"]
	c.job_spec_path == ["spec", "jobTemplate", "spec"]
	[d] := discovery.sites({"apiVersion": "extensions/v1beta1", "kind": "Deployment", "spec": {"template": {"spec": {"containers": []}}}}, [])
	d.workload == "controller"
}

test_discovery_wildcards if {
	doc := {"apiVersion": "kubeflow.org/v1", "kind": "PyTorchJob", "spec": {"pytorchReplicaSpecs": {
		"Master": {"template": {"spec": {"containers": [{"name": "m"}]}}},
		"Worker": {"template": {"spec": {"containers": [{"name": "w"}]}}},
	}}}
	{s.spec_path | some s in discovery.sites(doc, [])} == {
		["spec", "pytorchReplicaSpecs", "Master", "template", "spec"],
		["spec", "pytorchReplicaSpecs", "Worker", "template", "spec"],
	}
}

test_discovery_list_items if {
	doc := {"apiVersion": "v1", "kind": "List", "items": [
		{"apiVersion": "v1", "kind": "ConfigMap"},
		{"apiVersion": "v1", "kind": "Pod", "spec": {"containers": []}},
	]}
	[s] := discovery.sites(doc, [])
	s.item == 1
	s.spec_path == ["spec"]
	s.template_metadata_path == ["metadata"]
}

test_discovery_fallback if {
	doc := {"apiVersion": "example.com/v1", "kind": "Thing", "spec": {"runner": {"template": {"spec": {"containers": [], "x": {"template": {"spec": {"containers": []}}}}}}}, "metadata": {"template": {"spec": {"containers": []}}}}
	[s] := discovery.sites(doc, [])
	s.spec_path == ["spec", "runner", "template", "spec"]
	s.builtin == false
	s.workload == "other"
}

test_discovery_fallback_excluded if {
	count(discovery.sites({"apiVersion": "kyverno.io/v1", "kind": "ClusterPolicy", "spec": {"template": {"spec": {"containers": []}}}}, [])) == 0
	count(discovery.sites({"apiVersion": "constraints.gatekeeper.sh/v1beta1", "kind": "Anything", "spec": {"template": {"spec": {"containers": []}}}}, [])) == 0
	count(discovery.sites({"apiVersion": "v1", "kind": "ConfigMap", "data": {"template": {"spec": {"containers": []}}}}, [])) == 0
}

test_discovery_config_paths if {
	extra := [{"apiVersion": "example.com", "kind": "Thing", "path": "spec.pods[*].spec", "workload": "job"}]
	doc := {"apiVersion": "example.com/v2", "kind": "Thing", "spec": {"pods": [{"spec": {"containers": []}}]}}
	[s] := discovery.sites(doc, extra)
	s.spec_path == ["spec", "pods", 0, "spec"]
	s.completes == true
}

test_view_roles_and_drops if {
	doc := {"apiVersion": "v1", "kind": "Pod", "spec": {
		"initContainers": [
			{"name": "proxy", "restartPolicy": "Always"},
			{"name": "setup", "restartPolicy": "OnFailure"},
			"not an object",
			{"name": "typed", "restartPolicy": true},
		],
		"containers": [{"name": "app", "restartPolicy": "Always"}],
	}}
	c128 := context.make(doc, {"kubernetesVersion": "1.28"})
	[site128] := c128.sites
	[r.role | some r in site128.all] == ["init", "init", "init", "app"]
	site128.by_list.initContainers[0].states.restartPolicy == {"kind": "dropped", "gate": "SidecarContainers", "value": "Always"}
	site128.by_list.initContainers[2].index == 3
	site128.by_list.initContainers[2].states.restartPolicy == {"kind": "decode", "got": "bool", "expected": "string"}
	site128.by_list.containers[0].states.restartPolicy == {"kind": "effective", "value": "Always"}
	c134 := context.make(doc, {"kubernetesVersion": "1.34"})
	[site134] := c134.sites
	[r.role | some r in site134.all] == ["sidecar", "init", "init", "app"]
	site134.by_list.initContainers[1].states.restartPolicy.kind == "dropped"
	site134.by_list.containers[0].states.restartPolicy.gate == "ContainerRestartRules"
	c127 := context.make(doc, {"kubernetesVersion": "1.27"})
	c127.sites[0].by_list.initContainers[0].states.restartPolicy == {"kind": "unknown", "value": "Always"}
}

test_report_outputs if {
	import_ctx := context.make(deployment, {"kubernetesVersion": "1.29"})
	[site] := import_ctx.sites
	r := data.lib.sidecar_lint.report.make(site, ["spec", "template", "spec", "containers", 0, "restartPolicy"], "entry", "Rejected", "error", "Forbidden: may not be set for non-init containers.")
	data.lib.sidecar_lint.report.deny("restart-policy-app-container", import_ctx, {r}) == set()
	data.lib.sidecar_lint.report.finding("x", r) == {"ruleId": "x", "severity": "error", "path": "spec.template.spec.containers[0].restartPolicy", "span": "entry", "effect": "Rejected", "message": "Forbidden: may not be set for non-init containers.", "item": null}
	unsuppressed := object.union(r, {"ignored": set()})
	data.lib.sidecar_lint.report.deny("restart-policy-app-container", import_ctx, {unsuppressed}) == {"Deployment/web: spec.template.spec.containers[0].restartPolicy: Rejected on 1.29: Forbidden: may not be set for non-init containers. [restart-policy-app-container]"}
	data.lib.sidecar_lint.report.warn("restart-policy-app-container", import_ctx, {unsuppressed}) == set()
	[v] := [x | some x in data.lib.sidecar_lint.report.violation("restart-policy-app-container", import_ctx, {unsuppressed})]
	v.details.version == "1.29"
	v.details.resource.name == "web"
	advice := object.union(unsuppressed, {"effect": null, "severity": "info", "message": "a sidecar could help."})
	data.lib.sidecar_lint.report.warn("r", import_ctx, {advice}) == {"Deployment/web: spec.template.spec.containers[0].restartPolicy: A sidecar could help. [r]"}
}
