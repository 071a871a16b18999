/** The Action as a library, for tests: the run behind dist/action.mjs and its parts. */
export { runAction, failed, type ActionIo } from './action.js';
export { readInputs, input, InputError, type ActionInputs, type FailOn } from './inputs.js';
export { summaryMarkdown, describeTarget, MAX_ROWS } from './summary.js';
export { outputRecord } from './runner-files.js';
export type { Report, ReportFile, ReportFinding } from './report.js';
