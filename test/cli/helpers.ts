/** Runs the built CLI (packages/cli/dist/bin.js) in a scratch folder, and checks every JSON report against schemas/report.schema.json. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { expect } from 'vitest';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const bin = join(repo, 'packages', 'cli', 'dist', 'bin.js');

const reportSchema = JSON.parse(readFileSync(join(repo, 'schemas', 'report.schema.json'), 'utf8'));
const validateReport = new Ajv({ allErrors: true, strict: true }).compile(reportSchema);

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function scratch(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'sidecar-lint-cli-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

export function cli(args: readonly string[], options: { cwd: string; input?: string; env?: Record<string, string> }): CliRun {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Parses a JSON report and fails unless it matches schemas/report.schema.json. */
export function report(stdout: string): any {
  const parsed = JSON.parse(stdout);
  const valid = validateReport(parsed);
  expect(validateReport.errors ?? [], 'report.schema.json').toEqual([]);
  expect(valid).toBe(true);
  return parsed;
}

export const fixtures = {
  /** A native sidecar done right: no finding on any minor. */
  clean: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      initContainers:
        - name: proxy
          image: envoyproxy/envoy:v1.30
          restartPolicy: Always
          startupProbe:
            tcpSocket: {port: 15000}
          resources:
            requests: {cpu: 100m, memory: 64Mi}
      containers:
        - name: app
          image: nginx
          resources:
            requests: {cpu: 100m, memory: 64Mi}
`,
  /** An init value the API server rejects (fixable) and restartPolicy on an app container. */
  bad: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
    - name: proxy
      image: envoyproxy/envoy:v1.30
      restartPolicy: always
      resources:
        requests: {cpu: 100m, memory: 64Mi}
  containers:
    - name: app
      image: nginx
      restartPolicy: Always
      resources:
        requests: {cpu: 100m, memory: 64Mi}
`,
  broken: 'apiVersion: v1\nkind: Pod\nspec:\n  containers: [\n',
};
