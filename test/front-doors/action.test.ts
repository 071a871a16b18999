/**
 * The Action end to end, the way the runner calls it: `node dist/action.mjs` (the committed
 * bundle action.yml names) in the workspace, inputs as INPUT_* variables, outputs and the job
 * summary through the files named by GITHUB_OUTPUT and GITHUB_STEP_SUMMARY.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../shared-dir.js';
import { validateSarif } from './sarif-validator.js';

const entry = join(repoRoot, 'dist/action.mjs');
const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  workspace: string;
  runnerTemp: string;
}

/** GITHUB_OUTPUT records: `name<<DELIMITER`, the value's lines, `DELIMITER`. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[index]!);
    if (!match) continue;
    const end = lines.indexOf(match[2]!, index + 1);
    outputs[match[1]!] = lines.slice(index + 1, end).join('\n');
    index = end;
  }
  return outputs;
}

function runAction(inputs: Record<string, string>): ActionRun {
  const root = mkdtempSync(join(tmpdir(), 'sidecar-lint-action-'));
  temps.push(root);
  const workspace = join(root, 'workspace');
  const runnerTemp = join(root, 'runner-temp');
  cpSync(join(repoRoot, 'test/front-doors/fixtures/workspace'), workspace, { recursive: true });
  const outputFile = join(root, 'github-output');
  const summaryFile = join(root, 'step-summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: runnerTemp,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const run = spawnSync(process.execPath, [entry], { cwd: workspace, env, encoding: 'utf8' });
  return {
    status: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    workspace,
    runnerTemp,
  };
}

function annotations(stdout: string): string[] {
  return stdout.split('\n').filter((line) => line.startsWith('::'));
}

describe('the Action (dist/action.mjs)', () => {
  it('matches action.yml: node24, the bundle, the inputs and outputs it reads and writes', () => {
    const metadata = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as {
      runs: { using: string; main: string };
      inputs: Record<string, { default?: string }>;
      outputs: Record<string, unknown>;
    };
    expect(metadata.runs).toEqual({ using: 'node24', main: 'dist/action.mjs' });
    expect(Object.keys(metadata.inputs)).toEqual(['paths', 'kube-version', 'feature-gates', 'config', 'format', 'sarif-file', 'fail-on']);
    expect(metadata.inputs['fail-on']!.default).toBe('error');
    expect(Object.keys(metadata.outputs)).toEqual(['errors', 'warnings', 'sarif-file']);
  });

  it('annotates, writes outputs, SARIF and the summary, and fails on errors', () => {
    const run = runAction({ paths: 'k8s/bad.yaml\nk8s/good.yaml', 'kube-version': '1.31', format: 'github' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(annotations(run.stdout)).toEqual([
      '::error file=k8s/bad.yaml,line=10,col=22,endLine=10,endColumn=28,title=restart-policy-init-value::Rejected on 1.31: Unsupported value: "always": supported values: "Always".',
      '::error file=k8s/bad.yaml,line=14,col=7,endLine=14,endColumn=28,title=restart-policy-app-container::Rejected on 1.31: Forbidden: may not be set for non-init containers.',
      '::error::sidecar-lint found 2 error(s).',
    ]);
    const sarifFile = join(run.runnerTemp, 'sidecar-lint.sarif');
    expect(run.outputs).toEqual({ errors: '2', warnings: '0', 'sarif-file': sarifFile });
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8')) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: unknown } }[] }[] }[] };
    expect(sarif.runs[0]!.results.map((result) => result.ruleId)).toEqual(['restart-policy-init-value', 'restart-policy-app-container']);
    expect(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'k8s/bad.yaml', uriBaseId: 'SRCROOT' });
    expect(validateSarif(readFileSync(sarifFile, 'utf8'))).toEqual([]);
    expect(run.summary).toContain('**2 errors, 0 warnings, 0 infos** in 2 files.\n\nTarget: Kubernetes 1.31, field validation strict, oldest kubelet 1.31.\n');
    expect(run.summary).toContain('| File | Errors | Warnings | Infos | Suppressed |\n|---|---:|---:|---:|---:|\n| <code>k8s/bad.yaml</code> | 2 | 0 | 0 | 0 |\n\n');
    expect(run.summary).toContain(
      '| 14:7 | error | <code>restart-policy-app-container</code> | <code>spec.containers[0].restartPolicy</code> | Rejected on 1.31: Forbidden: may not be set for non-init containers. |',
    );
  });

  it('prints the chosen log format after the annotations and writes SARIF where sarif-file says', () => {
    const run = runAction({ paths: 'k8s/bad.yaml k8s/j*.yaml', 'kube-version': '1.31', 'sarif-file': 'reports/lint.sarif', 'fail-on': 'never' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('k8s/bad.yaml\n  10:22  error  Rejected on 1.31: Unsupported value');
    expect(annotations(run.stdout)).toHaveLength(3);
    expect(run.outputs).toEqual({ errors: '2', warnings: '1', 'sarif-file': 'reports/lint.sarif' });
    expect(existsSync(join(run.workspace, 'reports/lint.sarif'))).toBe(true);
  });

  it('fails on warnings only with fail-on: warning', () => {
    expect(runAction({ paths: 'k8s/job.yaml', 'kube-version': '1.31' }).status).toBe(0);
    const run = runAction({ paths: 'k8s/job.yaml', 'kube-version': '1.31', 'fail-on': 'warning', format: 'github' });
    expect(run.status).toBe(1);
    expect(annotations(run.stdout)).toEqual([
      expect.stringMatching(/^::warning file=k8s\/job\.yaml,line=13,col=11,endLine=13,endColumn=32,title=legacy-sidecar-in-job::Container "cloud-sql-proxy" does not exit/),
      '::error::sidecar-lint found 0 error(s) and 1 warning(s).',
    ]);
    expect(run.outputs.warnings).toBe('1');
  });

  it('passes feature gates through to the target', () => {
    const run = runAction({ paths: 'k8s/good.yaml', 'kube-version': '1.31', 'feature-gates': 'SidecarContainers=false', format: 'github' });
    expect(run.status).toBe(1);
    expect(annotations(run.stdout)[0]).toBe(
      '::error file=k8s/good.yaml,line=16,col=11,endLine=16,endColumn=32,title=restart-policy-dropped::' +
        'Silently dropped on 1.31: the SidecarContainers feature gate is off, so sidecar "proxy" becomes a plain init container that blocks the pod until it exits.',
    );
    expect(run.summary).toContain('feature gates SidecarContainers=false.');
  });

  it('stops with exit 2 when the SARIF report cannot be written', () => {
    const run = runAction({ paths: 'k8s/good.yaml', 'sarif-file': 'k8s/good.yaml/report.sarif', format: 'github' });
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/^::error::sidecar-lint: Cannot write .*report\.sarif: /);
    expect(run.outputs).toEqual({});
  });

  it('turns the CLI\'s notes into warning annotations without failing the step', () => {
    const run = runAction({ paths: 'k8s/good.yaml', 'kube-version': '1.40', format: 'github' });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('::warning::sidecar-lint: Kubernetes 1.40 is newer than the newest version sidecar-lint knows; minors after 1.36 are checked as 1.36.\n');
  });

  it('fails with exit 2 and an error annotation on a bad input or a CLI usage error', () => {
    const badInput = runAction({ 'fail-on': 'sometimes' });
    expect(badInput.status).toBe(2);
    expect(badInput.stdout).toBe('::error::Invalid input fail-on: "sometimes"; expected one of error, warning, never.\n');
    expect(badInput.outputs).toEqual({});
    expect(badInput.summary).toBe(
      '## sidecar-lint\n\nThe run stopped before linting (exit status 2):\n\n- Invalid input fail-on: "sometimes"; expected one of error, warning, never.\n',
    );
    const badVersion = runAction({ paths: 'k8s', 'kube-version': '1.x' });
    expect(badVersion.status).toBe(2);
    expect(badVersion.stdout).toBe(
      '::error::sidecar-lint: Invalid Kubernetes version "1.x": expected a minor such as "1.31" or a range such as "1.31-1.35".\n',
    );
    const missing = runAction({ paths: 'nowhere/' });
    expect(missing.status).toBe(2);
    expect(missing.stdout).toMatch(/^::error::sidecar-lint: .*nowhere/);
    expect(missing.summary).toMatch(/^## sidecar-lint\n\nThe run stopped before linting \(exit status 2\):\n\n- sidecar-lint: .*nowhere/);
  });
});
