/**
 * One Action run: inputs in; annotations, the chosen log format, a SARIF file, step outputs and a
 * job summary out; the exit status decided by `fail-on`. Linting is the CLI's own `run`: once for
 * the JSON report the Action reads, once per other output (SARIF file, log format). Each run
 * re-reads the files; that costs little next to a CI job and keeps one code path for config
 * lookup, ignore patterns and exit codes.
 */
import { resolve } from 'node:path';
import { escapeData, run, workflowCommands } from '@sidecar-lint/cli';
import { InputError, readInputs, type ActionInputs } from './inputs.js';
import type { Report } from './report.js';
import { appendSummary, setOutputs } from './runner-files.js';
import { failureSummary, summaryMarkdown } from './summary.js';

export interface ActionIo {
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
}

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(argv: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    cwd,
    env,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    readStdin: async () => '',
  });
  return { code, stdout, stderr };
}

function cliArguments(inputs: ActionInputs): string[] {
  const argv: string[] = [];
  if (inputs.kubeVersion) argv.push('--kube-version', inputs.kubeVersion);
  if (inputs.featureGates) argv.push('--feature-gates', inputs.featureGates);
  if (inputs.config) argv.push('--config', inputs.config);
  return [...argv, '--', ...inputs.paths];
}

function errorCommand(message: string): string {
  return `::error::${escapeData(message)}\n`;
}

function stderrLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line !== '');
}

/** The CLI's notes on a run that went on (a minor newer than the table) as warnings without a file. */
function warningAnnotations(stderr: string): string {
  return stderrLines(stderr)
    .map((line) => `::warning::${escapeData(line)}\n`)
    .join('');
}

/** A run that cannot lint or cannot write its report: error annotations, a summary that says why, exit 2. */
function stopped(io: ActionIo, messages: readonly string[]): number {
  io.stdout(messages.map(errorCommand).join(''));
  appendSummary(io.env, failureSummary(messages));
  return 2;
}

export function failed(summary: Report['summary'], failOn: ActionInputs['failOn']): boolean {
  if (failOn === 'never') return false;
  return summary.errors > 0 || (failOn === 'warning' && summary.warnings > 0);
}

/** Returns the process exit status. */
export async function runAction(io: ActionIo): Promise<number> {
  const workspace = resolve(io.env['GITHUB_WORKSPACE'] ?? process.cwd());
  let inputs: ActionInputs;
  try {
    inputs = readInputs(io.env);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return stopped(io, [error.message]);
  }
  const args = cliArguments(inputs);
  const json = await cli(['--format', 'json', ...args], workspace, io.env);
  if (json.code === 2) return stopped(io, stderrLines(json.stderr));
  io.stdout(warningAnnotations(json.stderr));
  const report = JSON.parse(json.stdout) as Report;

  io.stdout(workflowCommands(report.results, workspace));
  if (inputs.format === 'json') io.stdout(json.stdout);
  else if (inputs.format !== 'github') io.stdout((await cli(['--format', inputs.format, ...args], workspace, io.env)).stdout);

  if (inputs.sarifFile) {
    const sarif = await cli(['--format', 'sarif', '--output-file', resolve(workspace, inputs.sarifFile), ...args], workspace, io.env);
    if (sarif.code === 2) return stopped(io, stderrLines(sarif.stderr));
  }
  setOutputs(io.env, {
    errors: String(report.summary.errors),
    warnings: String(report.summary.warnings),
    'sarif-file': inputs.sarifFile ?? '',
  });
  appendSummary(io.env, summaryMarkdown(report, inputs.featureGates));

  if (!failed(report.summary, inputs.failOn)) return 0;
  const counted = inputs.failOn === 'warning' ? `${report.summary.errors} error(s) and ${report.summary.warnings} warning(s)` : `${report.summary.errors} error(s)`;
  io.stdout(errorCommand(`sidecar-lint found ${counted}.`));
  return 1;
}
