#!/usr/bin/env node
/**
 * The sidecar-lint command: process concerns only. A closed stdout (`| head`) ends the run
 * quietly with the computed exit code; SIGINT exits 130 (fixed files are written synchronously
 * and renamed into place, so no file is ever half-written); a bug is one line, not a stack trace
 * (SIDECAR_LINT_DEBUG=1 shows it).
 */
import { run } from './run.js';

let computed = 0;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(computed);
  throw error;
});
process.on('SIGINT', () => process.exit(130));

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

try {
  process.exitCode = await run(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin,
    announceExitCode(code) {
      computed = code;
    },
  });
} catch (error) {
  const detail = process.env['SIDECAR_LINT_DEBUG'] ? (error as Error).stack : (error as Error).message;
  process.stderr.write(`sidecar-lint: internal error: ${detail} (please report it).\n`);
  process.exitCode = 2;
}
