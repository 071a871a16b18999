// Bench for @sidecar-lint/rego-compiler: compile and eval time per conformance case, and per
// document on a policy that walks Kubernetes manifests from shared/corpus. Run after `pnpm -r build`:
//   node bench/rego-compiler/bench.mjs [--cases]     (writes bench/rego-compiler/RESULTS.md)
import { createRequire } from "node:module";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..");
const pkg = join(repo, "packages", "rego-compiler");
const req = createRequire(join(pkg, "package.json"));
const opa = req("@open-policy-agent/opa-wasm");
const YAML = createRequire(join(repo, "bench", "package.json"))("yaml");
const { compile } = await import(join(pkg, "dist", "index.js"));
const { runAll } = await import(join(pkg, "dist", "conformance.js"));
const env = process.env.SIDECAR_LINT_SHARED;
const shared = env ? (env.startsWith("/") ? env : join(repo, env)) : join(repo, "..", "shared");

const POLICY = `package bench.pods
import rego.v1

pod_specs contains s if { input.kind == "Pod"; s := input.spec }
pod_specs contains s if { input.kind in {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"}; s := input.spec.template.spec }
pod_specs contains s if { input.kind == "CronJob"; s := input.spec.jobTemplate.spec.template.spec }

native_sidecars contains c.name if {
	some s in pod_specs
	some c in s.initContainers
	c.restartPolicy == "Always"
}

findings contains f if {
	some s in pod_specs
	some i, c in s.containers
	is_object(c)
	object.get(c, "restartPolicy", null) == "Always"
	f := {"ruleId": "restart-policy-app-container", "path": sprintf("containers[%d].restartPolicy", [i]), "message": sprintf("container %q sets restartPolicy", [c.name])}
}

findings contains f if {
	some s in pod_specs
	some i, c in s.initContainers
	c.restartPolicy == "Always"
	not c.startupProbe
	f := {"ruleId": "sidecar-startup-probe", "path": sprintf("initContainers[%d]", [i]), "message": sprintf("native sidecar %q has no startupProbe", [c.name])}
}

summary := {"sidecars": count(native_sidecars), "findings": count(findings), "images": [lower(c.image) | some s in pod_specs; some c in s.containers]}
`;

function walk(d, out) {
  for (const n of readdirSync(d)) {
    const p = join(d, n);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (n.endsWith(".yaml")) out.push(p);
  }
  return out;
}

const lines = ["# rego-compiler bench", "", `Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`, ""];
// 1. the manifest policy
let t0 = performance.now();
const { wasm } = compile({ modules: { "pods.rego": POLICY }, entrypoints: ["bench/pods/findings", "bench/pods/summary"] });
const compileMs = performance.now() - t0;
const policy = opa.loadPolicySync(wasm);
const docs = [];
for (const f of walk(join(shared, "corpus"), [])) {
  try { for (const d of YAML.parseAllDocuments(readFileSync(f, "utf8"))) { const j = d.toJS(); if (j && typeof j === "object" && !Array.isArray(j)) docs.push(j); } } catch { /* skip bad YAML */ }
}
const ev = (d, e) => { try { return policy.evaluate(d, e); } catch { errors++; return []; } };
let errors = 0;
for (const d of docs.slice(0, 200)) ev(d, 0); // warm up
errors = 0;
t0 = performance.now();
let findings = 0;
for (const d of docs) { findings += ev(d, 0)[0]?.result.length ?? 0; ev(d, 1); }
const evalMs = performance.now() - t0;
lines.push("## Manifest policy (findings + summary entrypoints, per document)", "",
  `| documents | compile | wasm size | eval total | per document (2 entrypoints) | findings | eval errors |`, `|---:|---:|---:|---:|---:|---:|---:|`,
  `| ${docs.length} | ${compileMs.toFixed(1)} ms | ${wasm.length} B | ${evalMs.toFixed(0)} ms | ${((evalMs / docs.length) * 1000).toFixed(1)} µs | ${findings} | ${errors} |`, "");
console.log(lines.slice(-2).join("\n"));

// 2. conformance cases: compile and load+eval per case
if (process.argv.includes("--cases")) {
  const rs = runAll(join(shared, "opa-conformance", "v1"));
  const c = rs.map((r) => r.compileMs).sort((a, b) => a - b), e = rs.map((r) => r.evalMs).sort((a, b) => a - b);
  const q = (a, p) => a[Math.min(a.length - 1, Math.floor(a.length * p))].toFixed(2);
  lines.push("## Conformance cases (compile; load + setData + evaluate through the SDK)", "",
    "| cases | compile median | compile p95 | eval median | eval p95 |", "|---:|---:|---:|---:|---:|",
    `| ${rs.length} | ${q(c, 0.5)} ms | ${q(c, 0.95)} ms | ${q(e, 0.5)} ms | ${q(e, 0.95)} ms |`, "");
  console.log(lines.slice(-2).join("\n"));
}
writeFileSync(join(here, "RESULTS.md"), lines.join("\n") + "\n");
