export { compile, type CompileOptions, type CompileResult, type SourceModule } from "./compiler.js";
export { parseModule, parseQuery } from "./parser.js";
export { RegoError } from "./ast.js";
