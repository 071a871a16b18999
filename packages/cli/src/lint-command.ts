/**
 * The linting part of a run: inputs -> config per file -> lint (and fix) -> report -> exit code.
 * Every user mistake is a one-line message on stderr and exit 2; the other files are still
 * linted and reported. Loaded by run.ts only when a run lints, so --version and --help load no core.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { resolveTarget, ruleMetas, TargetError, type FileResult, type ResolvedTarget } from '@sidecar-lint/core';
import { ConfigError, ConfigLoader, type ConfigValues, type LoadedConfig } from '@sidecar-lint/config';
import type { CliOptions } from './args.js';
import type { CliIo } from './run.js';
import { coreEngine, loadEngine, type Engine } from './engine.js';
import { lintFile, type FileJob } from './lint-file.js';
import { UsageError } from './errors.js';
import { exitCodeFor, exitCodes } from './exit-codes.js';
import { collectInputs, STDIN, type InputFile } from './files.js';
import { loadFormatter } from './formatters/index.js';
import type { ReportContext } from './formatters/types.js';
import { informationUri, toolName, toolVersion } from './version.js';

export class Problems {
  private readonly seen = new Set<string>();
  count = 0;

  constructor(private readonly io: CliIo) {}

  /** A usage, config or path problem: reported once, and the run ends with 2. */
  add(message: string): void {
    this.count++;
    this.note(message);
  }

  /** A message that does not change the exit code (a minor newer than the table, a refused fix). */
  note(message: string): void {
    if (this.seen.has(message)) return;
    this.seen.add(message);
    this.io.stderr.write(`${toolName}: ${message}\n`);
  }
}

function explicitValues(options: CliOptions): ConfigValues {
  const values: ConfigValues = {};
  if (options.kubernetesVersion !== undefined) values.kubernetesVersion = options.kubernetesVersion;
  if (options.featureGates !== undefined) values.featureGates = options.featureGates;
  if (options.fieldValidation !== undefined) values.fieldValidation = options.fieldValidation;
  if (options.kubeletVersion !== undefined) values.kubeletVersion = options.kubeletVersion;
  if (Object.keys(options.rules).length > 0) values.rules = options.rules;
  return values;
}

function errorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (code ?? String(error));
}

function printConfig(loaded: LoadedConfig, file: string, jsonTarget: (target: ResolvedTarget) => unknown): string {
  const report = {
    file,
    configFile: loaded.configFile,
    kubernetesVersion: loaded.values.kubernetesVersion ?? null,
    featureGates: loaded.values.featureGates ?? {},
    fieldValidation: loaded.target.fieldValidation,
    kubeletVersion: loaded.values.kubeletVersion ?? null,
    rules: loaded.rules,
    ignorePatterns: loaded.ignorePatterns,
    podSpecPaths: loaded.podSpecPaths,
    target: jsonTarget(loaded.target),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

interface Linted {
  input: InputFile;
  result: FileResult;
  text: string;
  fixedText?: string;
}

export async function lintCommand(options: CliOptions, io: CliIo): Promise<number> {
  const problems = new Problems(io);
  let engine: Engine;
  let loader: ConfigLoader;
  try {
    if (options.listRules) {
      io.stdout.write((await import('./list-rules.js')).listRules(options.formatGiven && options.format === 'json'));
      return exitCodes.ok;
    }
    engine = await loadEngine(options.engine, { policies: options.policies });
    checkExplicitVersions(options);
    loader = new ConfigLoader({ explicit: explicitValues(options), cwd: io.cwd, ...(options.config === undefined ? {} : { configPath: options.config }) });
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof TargetError) {
      problems.add(error.message);
      return exitCodes.usage;
    }
    throw error;
  }

  if (options.printConfig !== undefined) {
    try {
      const { jsonTarget } = await import('./formatters/json.js');
      const loaded = loader.loadFor(options.printConfig);
      io.stdout.write(printConfig(loaded, options.printConfig, jsonTarget));
      return exitCodes.ok;
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.add(error.message);
      return exitCodes.usage;
    }
  }

  const inputs = await collectInputs(options.paths, io.cwd);
  inputs.problems.forEach((message) => problems.add(message));
  if (inputs.files.length === 0 && inputs.problems.length === 0) problems.add('No files to lint (*.yaml, *.yml and *.json are linted).');

  const fixing = options.fix || options.fixDryRun;
  // Fixed files are written as soon as they are fixed, so no fixed text waits in memory for the end.
  const writer = options.fix && !options.fixDryRun ? await import('./fix-writer.js') : undefined;
  const linted: Linted[] = [];
  let reportTarget: ResolvedTarget | undefined;
  const jobs: Array<{ input: InputFile; job: FileJob }> = [];
  for (const input of inputs.files) {
    const config = configFor(loader, input, io.cwd, problems);
    if (!config || (input.path !== STDIN && loader.isIgnored(input.path, config))) continue;
    reportTarget ??= config.target;
    config.target.warnings.forEach((warning) => problems.note(warning));
    const lintOptions = { target: config.target, rules: config.rules, podSpecPaths: config.podSpecPaths, checkSyntax: options.checkSyntax };
    jobs.push({ input, job: { path: input.path, display: input.display, options: lintOptions, fix: fixing ? { suggestions: options.fixSuggestions } : null } });
  }
  const withStdin = jobs.some(({ input }) => input.path === STDIN);
  const workers = engine === coreEngine && !withStdin ? (await import('./workers.js')) : undefined;
  const count = workers ? workers.workerCount(jobs.map(({ input }) => input.path), io.env) : 0;
  let stdinText: string | undefined;
  async function* inThisThread() {
    for (const { input, job } of jobs) {
      yield lintFile(job, engine, input.path === STDIN ? { text: (stdinText ??= await io.readStdin()) } : undefined);
      // A turn of the event loop between files, so a SIGINT ends the run there rather than at its end.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  const outcomes = count > 0 ? workers!.lintInWorkers(jobs.map(({ job }) => job), count, options.fixDryRun) : inThisThread();
  let next = 0;
  for await (const outcome of outcomes) {
    const { input, job } = jobs[next++]!;
    if (!outcome.result) {
      problems.add(`Cannot read ${input.display}: ${errorText({ code: outcome.readError })}.`);
      continue;
    }
    outcome.notes.forEach((note) => problems.note(note));
    let { result, fixedText } = outcome;
    if (writer && input.path !== STDIN && fixedText !== undefined) {
      try {
        writer.writeFileAtomic(input.path, fixedText);
      } catch (error) {
        problems.add(`Cannot write ${input.display}: ${errorText(error)}; it was not fixed.`);
        result = engine.lint({ uri: input.display, text: outcome.text! }, job.options);
        fixedText = undefined;
      }
    }
    // Only texts that the report quotes, a diff shows or stdout prints are kept: many clean files cost no memory.
    const keep = options.fixDryRun || input.path === STDIN || result.findings.length + result.suppressed.length > 0;
    linted.push({ input, result, text: keep ? (outcome.text ?? '') : '', ...(keep && fixedText !== undefined ? { fixedText } : {}) });
  }

  const results = linted.map((entry) => entry.result);
  const code = exitCodeFor(results, problems.count, options.maxWarnings);
  const target = reportTarget ?? defaultTarget(loader, io.cwd);
  const stdinFix = options.fix && !options.fixDryRun && inputs.files.some((file) => file.path === STDIN);
  const reportToStdout = options.outputFile === undefined && !options.fixDryRun && !stdinFix;
  io.announceExitCode?.(code);

  if (options.fixDryRun) {
    const { unifiedDiff } = await import('./diff.js');
    for (const entry of linted) {
      if (entry.fixedText !== undefined && entry.fixedText !== entry.text) io.stdout.write(unifiedDiff(entry.result.file, entry.text, entry.fixedText));
    }
  } else if (options.fix) {
    for (const entry of linted) {
      if (entry.input.path === STDIN) io.stdout.write(entry.fixedText ?? entry.text);
    }
  }

  // Nothing was linted because of the problems already told: a report of nothing would only add noise.
  const nothingLinted = linted.length === 0 && problems.count > 0;
  if (!nothingLinted && (reportToStdout || options.outputFile !== undefined)) {
    const sources = new Map(linted.map((entry) => [entry.result.file, entry.fixedText ?? entry.text]));
    const formatter = await loadFormatter(options.format, { sourceOf: (file) => sources.get(file) });
    if (!formatter) {
      problems.add(`The ${options.format} format is not available yet.`);
      return exitCodes.usage;
    }
    const context: ReportContext = {
      tool: { name: toolName, version: toolVersion, informationUri },
      target,
      cwd: io.cwd,
      rules: ruleMetas,
      color: reportToStdout && options.format === 'stylish' && io.stdout.isTTY === true && !io.env['NO_COLOR'],
    };
    const report = formatter(results, context);
    if (options.outputFile !== undefined) {
      const path = resolve(io.cwd, options.outputFile);
      try {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, report);
      } catch (error) {
        problems.add(`Cannot write ${options.outputFile}: ${errorText(error)}.`);
        return exitCodes.usage;
      }
    } else {
      io.stdout.write(report);
    }
  }
  return code;
}

/** Versions given as flags are wrong whatever the config says: a usage error before any file is read. */
function checkExplicitVersions(options: CliOptions): void {
  const input = { ...(options.kubernetesVersion === undefined ? {} : { kubernetesVersion: options.kubernetesVersion }), ...(options.kubeletVersion === undefined ? {} : { kubeletVersion: options.kubeletVersion }) };
  if (Object.keys(input).length > 0) resolveTarget(input);
}

function configFor(loader: ConfigLoader, input: InputFile, cwd: string, problems: Problems): LoadedConfig | undefined {
  try {
    return input.path === STDIN ? loader.loadForDirectory(cwd) : loader.loadFor(input.path);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.add(error.message);
    return undefined;
  }
}

/** The report's target when no file was linted: the config of the cwd, or the explicit values alone. */
function defaultTarget(loader: ConfigLoader, cwd: string): ResolvedTarget {
  try {
    return loader.loadFor(join(cwd, 'x.yaml')).target;
  } catch {
    return resolveTarget();
  }
}
