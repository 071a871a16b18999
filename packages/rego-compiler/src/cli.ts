#!/usr/bin/env node
// sidecar-lint-rego: build policies to wasm, and run their tests.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { compile, parseAll, type SourceModule } from "./compiler.js";

const USAGE = `usage:
  sidecar-lint-rego build -e <entrypoint> [-e ...] -o <policy.wasm> <files or dirs>
  sidecar-lint-rego test [-v] <files or dirs>`;

function collect(paths: string[]): SourceModule[] {
  const out: SourceModule[] = [];
  const walk = (p: string): void => {
    if (statSync(p).isDirectory()) { for (const n of readdirSync(p).sort()) walk(join(p, n)); return; }
    if (p.endsWith(".rego")) out.push({ file: p, source: readFileSync(p, "utf8") });
  };
  for (const p of paths) walk(p);
  return out;
}

async function main(argv: string[]): Promise<number> {
  const cmd = argv[0];
  const eps: string[] = [];
  let out = "policy.wasm";
  let verbose = false;
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "-e" || a === "--entrypoint") eps.push(argv[++i] ?? "");
    else if (a === "-o" || a === "--output") out = argv[++i] ?? out;
    else if (a === "-v" || a === "--verbose") verbose = true;
    else files.push(a);
  }
  if (cmd === "build") {
    if (eps.length === 0 || files.length === 0) { console.error(USAGE); return 2; }
    const modules = collect(files).filter((m) => !m.file.endsWith("_test.rego"));
    const r = compile({ modules, entrypoints: eps });
    writeFileSync(out, r.wasm);
    console.log(`wrote ${out} (${r.wasm.length} bytes), entrypoints ${JSON.stringify(r.entrypoints)}`);
    return 0;
  }
  if (cmd === "test") {
    if (files.length === 0) { console.error(USAGE); return 2; }
    const modules = collect(files);
    const parsed = parseAll(modules);
    const tests: string[] = [];
    parsed.forEach((m, i) => {
      if (!modules[i]!.file.endsWith("_test.rego")) return;
      for (const r of m.rules) {
        const name = (r.head.ref[0] as { name: string }).name;
        if (name.startsWith("test_") && !r.head.args && r.head.ref.length === 1) {
          const ep = [...m.pkg, name].join("/");
          if (!tests.includes(ep)) tests.push(ep);
        }
      }
    });
    if (tests.length === 0) { console.log("no tests found"); return 0; }
    const { wasm, entrypoints } = compile({ modules, entrypoints: tests });
    const req = createRequire(import.meta.url);
    const opa = req("@open-policy-agent/opa-wasm") as { loadPolicySync(b: Uint8Array): { evaluate(i: unknown, e: number): { result: unknown }[] } };
    const policy = opa.loadPolicySync(wasm);
    let pass = 0, fail = 0;
    for (const t of tests) {
      let ok = false, why = "";
      try {
        const rs = policy.evaluate(undefined, entrypoints[t]!);
        ok = rs.length > 0 && rs[0]!.result === true;
        if (!ok) why = rs.length ? `result ${JSON.stringify(rs[0]!.result)}` : "undefined";
      } catch (e) { why = typeof e === "string" ? e : String((e as { message?: string }).message ?? e); }
      if (ok) pass++; else fail++;
      if (!ok || verbose) console.log(`${ok ? "PASS" : "FAIL"}: data.${t.replace(/\//g, ".")}${why ? ` (${why})` : ""}`);
    }
    console.log("-".repeat(40));
    console.log(`${pass} passed, ${fail} failed`);
    return fail ? 1 : 0;
  }
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then((c) => process.exit(c), (e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
