/**
 * Microsoft's SARIF validator (npm @microsoft/sarif-multitool, a self-contained .NET binary; a
 * devDependency of packages/action). Run in .NET's invariant globalization mode, so it needs no
 * ICU library on the machine (validation uses no culture data). Runs both its SARIF rules and its
 * GitHub rules and returns every error and warning it reports.
 */
import { accessSync, chmodSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../shared-dir.js';

export interface ValidatorIssue {
  ruleId: string;
  level: string;
  message: string;
}

function multitoolBinary(): string {
  const require = createRequire(join(repoRoot, 'packages/action/package.json'));
  const binary = require('@microsoft/sarif-multitool') as string;
  try {
    accessSync(binary, constants.X_OK);
  } catch {
    // The package's only install script is this chmod; pnpm skips dependency scripts it was not told to run.
    chmodSync(binary, 0o755);
  }
  return binary;
}

export function validateSarif(log: string): ValidatorIssue[] {
  const dir = mkdtempSync(join(tmpdir(), 'sarif-validate-'));
  try {
    const input = join(dir, 'input.sarif');
    const output = join(dir, 'validation.sarif');
    writeFileSync(input, log);
    const run = spawnSync(
      multitoolBinary(),
      ['validate', input, '--output', output, '--level', 'Error;Warning', '--rule-kind', 'Sarif;Gh', '--log', 'ForceOverwrite'],
      { encoding: 'utf8', env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' } },
    );
    if (run.error) throw run.error;
    const report = JSON.parse(readFileSync(output, 'utf8')) as {
      runs: { results?: { ruleId: string; level?: string; message: { text?: string; id?: string; arguments?: string[] } }[] }[];
      };
    const issues = (report.runs[0]?.results ?? []).map((result) => ({
      ruleId: result.ruleId,
      level: result.level ?? 'warning',
      message: result.message.text ?? `${result.message.id ?? ''} ${(result.message.arguments ?? []).join(' | ')}`,
    }));
    if (run.status !== 0 && issues.length === 0) {
      throw new Error(`the SARIF validator failed (exit ${run.status}): ${run.stdout}\n${run.stderr}`);
    }
    return issues;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
