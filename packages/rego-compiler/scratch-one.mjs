import { loadCases } from "./dist/conformance.js";
import { compile } from "./dist/index.js";
import opa from "@open-policy-agent/opa-wasm";
const [id, q] = process.argv.slice(2);
for (const x of loadCases("/work/shared/opa-conformance/v1")) if (x.id === id) {
  const modules = x.c.modules.map((source, i) => ({ file: `mod${i}.rego`, source }));
  const { wasm } = compile({ modules, query: q ?? x.c.query });
  const p = opa.loadPolicySync(wasm);
  if (x.c.data !== undefined) p.setData(x.c.data);
  try { console.log(JSON.stringify(p.evaluate(x.c.input, 0))); } catch (e) { console.log("ERR", e); }
}
