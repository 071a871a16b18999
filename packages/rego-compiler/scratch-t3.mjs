import { compile } from "./dist/index.js";
import opa from "@open-policy-agent/opa-wasm";
const mods = { "b.rego": `package topdown.a.b.c
p := [1, 2]

r["a"] := 1
r["b"] := 2
`, "c.rego": process.argv[3] ?? `package topdown.a.b.c.empty
` };
const { wasm } = compile({ modules: mods, query: process.argv[2] ?? "x = data.topdown.a.b" });
const p = await opa.loadPolicy(wasm);
p.setData({"topdown": {"a": {"b": {"c": {"true": false, "x": [100, 200], "z": {"a": "b"}}}}}});
console.log(JSON.stringify(p.evaluate({}, 0)));
