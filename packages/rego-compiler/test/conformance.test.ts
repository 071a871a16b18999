import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
// @ts-ignore: built output
import { loadCases, runCase, sharedDir } from "../dist/conformance.js";

const pkg = join(dirname(fileURLToPath(import.meta.url)), "..");
const repo = join(pkg, "..", "..");
const dir = join(sharedDir(repo), "opa-conformance", "v1");
const present = existsSync(dir);
if (!present) {
  if (process.env.CI === "true") throw new Error(`conformance cases not found at ${dir} (set SIDECAR_LINT_SHARED)`);
  console.warn(`NOTICE: ${dir} not found; the conformance check is skipped`);
}

describe.skipIf(!present)("conformance", () => {
  it("every case in conformance-passing.txt still passes", () => {
    const passing = new Set(readFileSync(join(pkg, "conformance-passing.txt"), "utf8").split("\n").filter(Boolean));
    const cases = loadCases(dir) as { id: string; topic: string; c: unknown }[];
    const broken: string[] = [];
    let ran = 0;
    for (const { id, topic, c } of cases) {
      if (!passing.has(id)) continue;
      ran++;
      const r = runCase(id, topic, c);
      if (r.status !== "pass") broken.push(`${id} (${r.note}): ${r.reason}`);
    }
    expect(ran).toBe(passing.size);
    expect(broken).toEqual([]);
  }, 240_000);
});
