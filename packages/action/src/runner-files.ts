/**
 * The runner's file commands: step outputs go to the file named by GITHUB_OUTPUT, the job summary
 * to GITHUB_STEP_SUMMARY. Values are written with a heredoc delimiter that cannot occur in them, so
 * a value with a line break stays one output.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';

export function outputRecord(name: string, value: string, delimiter = `ghadelimiter_${randomUUID()}`): string {
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}

export function setOutputs(env: NodeJS.ProcessEnv, outputs: Record<string, string>): void {
  const file = env['GITHUB_OUTPUT'];
  if (!file) return;
  appendFileSync(file, Object.entries(outputs).map(([name, value]) => outputRecord(name, value)).join(''));
}

export function appendSummary(env: NodeJS.ProcessEnv, markdown: string): void {
  const file = env['GITHUB_STEP_SUMMARY'];
  if (!file) return;
  appendFileSync(file, markdown);
}
