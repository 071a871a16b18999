import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
// @ts-ignore: built output
import { compile, parseModule, RegoError } from "../dist/index.js";
// @ts-ignore: no types
import opa from "@open-policy-agent/opa-wasm";

const here = dirname(fileURLToPath(import.meta.url));

function run(src: string, entry: string, input?: unknown, data?: unknown, builtins?: Record<string, (...a: unknown[]) => unknown>): unknown {
  const { wasm } = compile({ modules: { "p.rego": src }, entrypoints: [entry], builtins: builtins ? Object.fromEntries(Object.entries(builtins).map(([k, f]) => [k, f.length])) : undefined });
  const p = opa.loadPolicySync(wasm, undefined, builtins ?? {});
  if (data !== undefined) p.setData(data);
  const rs = p.evaluate(input, entry);
  return rs.length ? rs[0].result : undefined;
}

describe("parser", () => {
  it("reports file, line, column and what was expected", () => {
    expect(() => parseModule("package a\n\np := [1, 2\n", "x.rego")).toThrow(/x\.rego:4:1: rego_parse_error: expected ',' or '\]'/);
    expect(() => parseModule("p := 1", "y.rego")).toThrow(/y\.rego:1:1: rego_parse_error: expected package declaration/);
  });
  it("parses rules, ref heads, else, every, some-in, raw strings and comments", () => {
    const m = parseModule("package a.b\nimport rego.v1\n# c\na.b[x] := 1 if { some x in [1] }\nf(x) := `raw` if { x > 1 } else := \"no\"\ns if { every y in [1] { y > 0 } }\n", "m.rego");
    expect(m.pkg).toEqual(["a", "b"]);
    expect(m.rules).toHaveLength(3);
    expect(m.rules[1].else).not.toBeNull();
  });
});

describe("compiler through the SDK", () => {
  it("evaluates partial sets and objects, functions, comprehensions, not, every and with", () => {
    const src = `package t
import rego.v1
s contains x if { some x in input.xs; x > 1 }
o[k] := v if { some k, v in input.m }
f(x) := y if { y := x * 2 }
arr := [f(x) | some x in input.xs]
none if { not s[100] }
all_pos if { every x in input.xs { x > 0 } }
w := v if { v := count(s) with input.xs as [5, 6, 7, 8] }
str := sprintf("%s has %d items: %v", ["xs", count(input.xs), input.xs])
`;
    const input = { xs: [1, 2, 3], m: { a: 1 } };
    expect(run(src, "t/s", input)).toEqual([2, 3]);
    expect(run(src, "t/o", input)).toEqual({ a: 1 });
    expect(run(src, "t/arr", input)).toEqual([2, 4, 6]);
    expect(run(src, "t/none", input)).toBe(true);
    expect(run(src, "t/all_pos", input)).toBe(true);
    expect(run(src, "t/w", input)).toBe(4);
    expect(run(src, "t/str", input)).toBe("xs has 3 items: [1, 2, 3]");
  });
  it("reports conflicts at run time", () => {
    expect(() => run("package t\np := x if { some x in [1, 2] }", "t/p")).toThrow(/complete rules must not produce multiple outputs/);
  });
  it("raises built-in errors in strict mode, as OPA writes them, and gives undefined otherwise", () => {
    const src = 'package t\n\np := substring("abc", input.at, 1)\nq := strings.any_prefix_match(input.xs, "a")\n';
    const evalWith = (strictBuiltinErrors: boolean | undefined, input: unknown, entry: string): unknown => {
      const { wasm } = compile({ modules: { "p.rego": src }, entrypoints: [entry], strictBuiltinErrors });
      const rs = opa.loadPolicySync(wasm).evaluate(input, entry);
      return rs.length ? rs[0].result : undefined;
    };
    expect(() => evalWith(true, { at: -1 }, "t/p")).toThrow("p.rego:3: eval_builtin_error: substring: negative offset");
    expect(() => evalWith(true, { xs: [1] }, "t/q")).toThrow("p.rego:4: eval_type_error: strings.any_prefix_match: operand 1 must be array of strings but got array containing number");
    expect(() => evalWith(true, { at: "x" }, "t/p")).toThrow("p.rego:3: eval_type_error: substring: operand 2 must be number but got string");
    expect(evalWith(false, { at: "x" }, "t/p")).toBeUndefined();
    expect(evalWith(undefined, { at: -1 }, "t/p")).toBeUndefined();
    expect(() => evalWith(undefined, { at: "x" }, "t/p")).toThrow("p.rego:3: eval_type_error: substring: operand 2 must be number but got string");
    expect(evalWith(true, { at: 1 }, "t/p")).toBe("b");
    const div = compile({ modules: { "d.rego": "package d\n\nq := 1 / input.n\n" }, entrypoints: ["d/q"], strictBuiltinErrors: true });
    expect(() => opa.loadPolicySync(div.wasm).evaluate({ n: 0 }, "d/q")).toThrow("d.rego:3: eval_builtin_error: div: divide by zero");
  });
  it("iterates walk(x) used as a value, and shifts past 2^53 exactly", () => {
    expect(run("package t\np := {path: v | [path, v] := walk({\"a\": [7]}); is_number(v)}", "t/p")).toEqual({ '["a",0]': 7 });
    expect(run("package t\np := json.marshal(bits.lsh(9223372036854775807, 1))", "t/p")).toBe("18446744073709551614");
  });
  it("replaces functions and built-ins with `with`: by a value, a function or a built-in; replacements see no mocks", () => {
    const src = `package t
f(x) := x + 1
g(x) := f(x) * 10
h(x) := count(x) + 100
a := y if { y := f(1) with f as 7 }
b := y if { y := f(1) with f as g }
c := y if { y := count([1, 2]) with count as h }
d := y if { y := f([1, 2, 3]) with f as count }
e := [f(1), count([1])]
`;
    expect(run(src, "t/a")).toBe(7);
    expect(run(src, "t/b")).toBe(20);
    expect(run(src, "t/c")).toBe(102);
    expect(run(src, "t/d")).toBe(3);
    expect(run(src, "t/e")).toEqual([2, 1]);
  });
  it("merges a rule with variables in its ref head with the rules below it, and reports their conflicts", () => {
    const src = `package t
p[q].r := i if { some i, q in ["a", "b"] }
p.c.r := 3
p.a.r := 0
`;
    expect(run(src, "t/p")).toEqual({ a: { r: 0 }, b: { r: 1 }, c: { r: 3 } });
    expect(run(src, "t/p/c/r")).toBe(3);
    expect(() => run(src.replace("p.a.r := 0", "p.a.r := 42"), "t/p")).toThrow("p.rego:4: eval_conflict_error: object keys must be unique");
    expect(() => run("package t\np[q].r.s := i if { some i, q in [\"a\", \"a\"] }\n", "t/p")).toThrow(/eval_conflict_error/);
  });
  it("resolves package rules in else levels of rules and functions", () => {
    const src = "package t\nd := 5\nq := 1 if { input.x } else := d\nf(x) := 2 if { x == 1 } else := d\nr := f(3)\n";
    expect(run(src, "t/q", {})).toBe(5);
    expect(run(src, "t/r", {})).toBe(5);
  });
  it("reads data[k] for a known k from the document below k only", () => {
    const src = "package t\np := data[first].q if first := \"t\"\nq := 3\nr := [data.t[n] | some n in [\"q\", \"nope\"]]\n";
    expect(run(src, "t/p")).toBe(3);
    expect(run(src, "t/r")).toEqual([3]);
  });
  it("calls host built-ins through opa_builtinN", () => {
    expect(run('package t\np := regex.split("[.]", "a.b")', "t/p")).toEqual(["a", "b"]);
    expect(run('package t\np := my.double(21)', "t/p", undefined, undefined, { "my.double": (x: unknown) => (x as number) * 2 })).toBe(42);
  });
  it("rejects an unsupported built-in with file, line and name", () => {
    expect(() => compile({ modules: { "u.rego": "package t\np := time.now_ns()" }, entrypoints: ["t/p"] })).toThrow(/u\.rego:2:6: rego_compile_error: unsupported built-in function time\.now_ns/);
  });
  it("reads data and keeps working after setData", () => {
    expect(run("package t\np := data.d.x + 1", "t/p", undefined, { d: { x: 41 } })).toBe(42);
  });
  it("fails compile on unsafe vars", () => {
    expect(() => compile({ modules: { "v.rego": "package t\np if { x > 1 }" }, entrypoints: ["t/p"] })).toThrow(RegoError);
  });
});

describe("cli", () => {
  it("runs test_ rules of *_test.rego files", () => {
    const out = execFileSync(process.execPath, [join(here, "../dist/cli.js"), "test", join(here, "fixtures")], { encoding: "utf8" });
    expect(out).toMatch(/2 passed, 0 failed/);
  });
});
