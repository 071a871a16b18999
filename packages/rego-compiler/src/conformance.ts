// Runs OPA's conformance cases through our compiler and the real SDK.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { compile } from "./compiler.js";
import { RegoError } from "./ast.js";
// @ts-ignore: the SDK ships no types for this entry in NodeNext resolution
import opa from "@open-policy-agent/opa-wasm";

export interface Case {
  note: string; query: string; modules?: string[]; data?: unknown; input?: unknown; input_term?: string;
  want_result?: Record<string, unknown>[]; want_error_code?: string; want_error?: string;
  strict_error?: boolean; sort_bindings?: boolean; ignore_generated_vars?: boolean;
}
export interface CaseResult {
  id: string; topic: string; note: string;
  status: "pass" | "fail" | "unsupported";
  reason: string;
  compileMs: number; evalMs: number;
}

export function sharedDir(repoRoot: string): string {
  const env = process.env.SIDECAR_LINT_SHARED;
  return env ? (env.startsWith("/") ? env : join(repoRoot, env)) : join(repoRoot, "..", "shared");
}

export function loadCases(dir: string): { id: string; topic: string; c: Case }[] {
  const out: { id: string; topic: string; c: Case }[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith(".json")) {
        const cases = (JSON.parse(readFileSync(p, "utf8")) as { cases: Case[] }).cases;
        const rel = relative(dir, p);
        cases.forEach((c, i) => out.push({ id: `${rel}#${i}`, topic: rel.split("/")[0]!, c }));
      }
    }
  };
  walk(dir);
  return out;
}

function canon(v: unknown, sortArrays: boolean): unknown {
  if (Array.isArray(v)) {
    const a = v.map((x) => canon(x, sortArrays));
    if (sortArrays) a.sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : JSON.stringify(x) > JSON.stringify(y) ? 1 : 0));
    return a;
  }
  if (v && typeof v === "object") {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) o[k] = canon((v as Record<string, unknown>)[k], sortArrays);
    return o;
  }
  return v;
}

function sameResultSets(got: Record<string, unknown>[], want: Record<string, unknown>[], sortArrays: boolean): boolean {
  const g = got.map((x) => JSON.stringify(canon(x, sortArrays))).sort();
  const w = want.map((x) => JSON.stringify(canon(x, sortArrays))).sort();
  // the wasm result set is a set: compare distinct bindings
  const gu = [...new Set(g)], wu = [...new Set(w)];
  return gu.length === wu.length && gu.every((x, i) => x === wu[i]);
}

/** An error passes when it names the wanted code and contains the wanted text. */
function errorMatches(c: Case, msg: string): boolean {
  if (c.want_error_code && !msg.includes(c.want_error_code)) return false;
  if (c.want_error && !msg.includes(c.want_error)) return false;
  return true;
}

function errText(e: unknown): string {
  if (typeof e === "string") return e;
  if (e instanceof Error) return e.message;
  if (e && typeof e === "object" && "message" in e) return String((e as { message: unknown }).message);
  return String(e);
}

export function runCase(id: string, topic: string, c: Case): CaseResult {
  const base = { id, topic, note: c.note, compileMs: 0, evalMs: 0 };
  const wantsError = c.want_error_code !== undefined || c.want_error !== undefined;
  let wasm: Uint8Array;
  const t0 = performance.now();
  try {
    // named as OPA's own case runner names them, since some wanted errors include the file
    const modules = (c.modules ?? []).map((source, i) => ({ file: `test-${i}.rego`, source }));
    wasm = compile({ modules, query: c.query, strictBuiltinErrors: c.strict_error === true }).wasm;
  } catch (e) {
    base.compileMs = performance.now() - t0;
    const msg = errText(e);
    if (wantsError) return errorMatches(c, msg) ? { ...base, status: "pass", reason: `compile error: ${msg}` } : { ...base, status: /unsupported/.test(msg) ? "unsupported" : "fail", reason: `wrong error: ${msg}; want ${c.want_error_code ?? ""} ${c.want_error ?? ""}` };
    const unsupported = /unsupported/.test(msg);
    return { ...base, status: unsupported ? "unsupported" : "fail", reason: `compile error: ${msg}` };
  }
  base.compileMs = performance.now() - t0;
  const t1 = performance.now();
  let got: Record<string, unknown>[];
  try {
    const policy = opa.loadPolicySync(wasm);
    if (c.data !== undefined) policy.setData(c.data);
    let input: unknown = c.input;
    if (c.input_term !== undefined) input = new TextEncoder().encode(c.input_term).buffer;
    got = policy.evaluate(input, 0) as Record<string, unknown>[];
  } catch (e) {
    base.evalMs = performance.now() - t1;
    const msg = errText(e);
    if (wantsError) return errorMatches(c, msg) ? { ...base, status: "pass", reason: `eval error: ${msg}` } : { ...base, status: "fail", reason: `wrong error: ${msg}; want ${c.want_error_code ?? ""} ${c.want_error ?? ""}` };
    if (/not implemented: built-in/.test(msg)) return { ...base, status: "unsupported", reason: msg };
    return { ...base, status: "fail", reason: `eval error: ${msg}` };
  }
  base.evalMs = performance.now() - t1;
  if (wantsError) return { ...base, status: "fail", reason: `expected error ${c.want_error_code ?? ""} ${c.want_error ?? ""}, got result ${JSON.stringify(got).slice(0, 200)}` };
  let res = got;
  if (c.ignore_generated_vars) res = got.map((b) => Object.fromEntries(Object.entries(b).filter(([k]) => !k.startsWith("__") && !k.startsWith("$"))));
  const want = c.want_result ?? [];
  if (sameResultSets(res, want, false) || (c.sort_bindings && sameResultSets(res, want, true)))
    return { ...base, status: "pass", reason: "" };
  return { ...base, status: "fail", reason: `wrong result: got ${JSON.stringify(res).slice(0, 300)}, want ${JSON.stringify(want).slice(0, 300)}` };
}

export function runAll(dir: string, filter?: (id: string) => boolean): CaseResult[] {
  const out: CaseResult[] = [];
  for (const { id, topic, c } of loadCases(dir)) {
    if (filter && !filter(id)) continue;
    out.push(runCase(id, topic, c));
  }
  return out;
}
export { RegoError };
