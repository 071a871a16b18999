/** The Action's entry (action.yml runs the bundle of this file, dist/action.mjs). */
import { runAction } from './action.js';

try {
  process.exitCode = await runAction({ env: process.env, stdout: (text) => void process.stdout.write(text) });
} catch (error) {
  const detail = process.env['SIDECAR_LINT_DEBUG'] ? (error as Error).stack : (error as Error).message;
  process.stdout.write(`::error::sidecar-lint: internal error: ${detail} (please report it).\n`);
  process.exitCode = 2;
}
