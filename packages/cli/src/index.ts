/** @sidecar-lint/cli as a library: the run behind the command, and its seams. */
export { run, type CliIo } from './run.js';
export { parseCli, type CliOptions } from './args.js';
export { coreEngine, loadEngine, type Engine } from './engine.js';
export { formatters, loadFormatter, type FormatterLoader, type FormatterOptions } from './formatters/index.js';
export type { Formatter, ReportContext } from './formatters/types.js';
export { exitCodeFor, exitCodes } from './exit-codes.js';
export { toolName, toolVersion } from './version.js';
export { workflowCommands, escapeData, escapeProperty, type AnnotatedFile, type AnnotatedFinding } from './formatters/github.js';
export type { JsonFinding, JsonSuppressedFinding } from './formatters/json.js';
