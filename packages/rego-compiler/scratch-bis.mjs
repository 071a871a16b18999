import { loadCases } from "./dist/conformance.js";
import { compile } from "./dist/index.js";
import opa from "@open-policy-agent/opa-wasm";
const [id, q] = process.argv.slice(2);
const x = loadCases("/work/shared/opa-conformance/v1").find((x) => x.id === id);
const bad = (mods) => {
  try {
    const { wasm } = compile({ modules: mods.map((source, i) => ({ file: `mod${i}.rego`, source })), query: q });
    const p = opa.loadPolicySync(wasm);
    p.setData(x.c.data);
    const r = JSON.stringify(p.evaluate(x.c.input, 0));
    return r.includes('"{}"') || r.includes('""');
  } catch (e) { return String(e).includes("memory"); }
};
let mods = x.c.modules.slice();
console.log("start bad", bad(mods));
for (let i = mods.length - 1; i >= 0; i--) {
  const m = mods.slice(0, i).concat(mods.slice(i + 1));
  if (bad(m)) mods = m;
}
console.log(mods.join("\n-----\n"));
