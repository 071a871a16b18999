/**
 * One run of the command: parse the flags, answer --help and --version at once, and load the
 * linting part (the core, yaml, the config lookup) only for runs that need it, for cold start.
 * Process-level concerns (signals, broken pipes) stay in bin.ts.
 */
import { parseCli, type CliOptions } from './args.js';
import { UsageError } from './errors.js';
import { exitCodes } from './exit-codes.js';
import { toolName, toolVersion } from './version.js';

export interface CliIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  readStdin(): Promise<string>;
  /** Told the exit code before the report is written, so a broken pipe can still end with it. */
  announceExitCode?(code: number): void;
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCli(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`${toolName}: ${error.message}\n`);
    return exitCodes.usage;
  }
  if (options.help) {
    io.stdout.write((await import('./usage.js')).usage);
    return exitCodes.ok;
  }
  if (options.version) {
    io.stdout.write(`${toolVersion}\n`);
    return exitCodes.ok;
  }
  const { lintCommand } = await import('./lint-command.js');
  return lintCommand(options, io);
}
