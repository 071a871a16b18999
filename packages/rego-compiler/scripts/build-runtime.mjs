// Compiles the AssemblyScript runtime to dist/runtime.wasm.
import { main } from "assemblyscript/asc";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { mkdirSync } from "node:fs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
mkdirSync(join(root, "dist"), { recursive: true });
const { error, stderr } = await main([
  join(root, "runtime/index.ts"),
  "--outFile", join(root, "dist/runtime.wasm"),
  "--runtime", join(root, "runtime/rt"),
  "--importMemory", "--noExportMemory",
  "--use", "abort=runtime/index/asAbort",
  "-O3", "--noAssert", "--converge",
  "--exportStart", "_rt_start",
]);
if (error) {
  console.error(stderr.toString());
  console.error(error.message);
  process.exit(1);
}
