// Through the ESLint Node API (what editor extensions call): examples/ YAML manifests and the cdk8s app,
// compared with the core on the written and on the synthesized manifests.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it, onTestFinished } from 'vitest';
import { lintSource, resolveTarget } from '@sidecar-lint/core';
import plugin from '../src/index.js';

const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../examples');
const app = path.join(examples, 'cdk8s-app');
const kubernetesVersion = '1.31-1.35';

const eslint = new ESLint({
  cwd: examples,
  overrideConfigFile: true,
  overrideConfig: [
    ...plugin.configs['recommended-type-checked']!,
    { files: ['**/*.ts'], languageOptions: { parserOptions: { tsconfigRootDir: app } } },
    { settings: { 'sidecar-lint': { kubernetesVersion } } },
  ],
});

const coreFindings = (file: string, text = fs.readFileSync(file, 'utf8')) =>
  lintSource({ uri: file, text }, { target: resolveTarget({ kubernetesVersion }) }).findings;

describe('ESLint Node API over examples/', () => {
  it('reports the YAML findings at the core\'s ranges, with fixes, and honours eslint-disable comments', async () => {
    const file = path.join(examples, 'eslint-sidecars.yaml');
    const [result] = await eslint.lintFiles([file]);
    const messages = result!.messages.map((m) => ({ ruleId: m.ruleId, severity: m.severity, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn }));
    expect(messages).toContainEqual({ ruleId: 'sidecar-lint/restart-policy-init-value', severity: 2, line: 13, column: 26, endLine: 13, endColumn: 32 });
    expect(messages).toContainEqual({ ruleId: 'sidecar-lint/restart-policy-app-container', severity: 2, line: 19, column: 11, endLine: 19, endColumn: 32 });
    // The disabled line is suppressed by ESLint itself.
    expect(result!.suppressedMessages.map((m) => [m.ruleId, m.line])).toContainEqual(['sidecar-lint/restart-policy-app-container', 30]);
    // Same findings as the core (the CLI's engine), minus the ESLint-disabled one and the info rules that recommended turns off.
    const infoRules = new Set(Object.entries(plugin.configs['recommended']![0]!.rules!).filter(([, level]) => level === 'off').map(([id]) => id));
    const expected = coreFindings(file)
      .map((f) => ({ ruleId: `sidecar-lint/${f.ruleId}`, severity: f.severity === 'error' ? 2 : 1, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn }))
      .filter((f) => !infoRules.has(f.ruleId) && !(f.ruleId === 'sidecar-lint/restart-policy-app-container' && f.line === 30));
    expect(messages).toEqual(expected);
    expect(result!.output).toBeUndefined();
    const fixed = await new ESLint({ cwd: examples, overrideConfigFile: true, fix: true, overrideConfig: plugin.configs['recommended'] }).lintFiles([file]);
    expect(fixed[0]!.output).toContain('          restartPolicy: Always\n      containers:');
  });

  it('runs a rule that recommended has off once an inline comment turns it on, and only then', async () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers:\n    - name: proxy\n      image: envoyproxy/envoy:v1.31\n      restartPolicy: Always\n  containers:\n    - name: app\n      image: app\n      resources: {requests: {cpu: 100m, memory: 128Mi}}\n';
    const own = (results: ESLint.LintResult[]) => results[0]!.messages.filter((m) => m.ruleId === 'sidecar-lint/sidecar-resources').map((m) => [m.line, m.column, m.severity]);
    // An info rule (off in recommended) at the core's place, one line down for the comment.
    const expected = coreFindings('pod.yaml', text).filter((f) => f.ruleId === 'sidecar-resources').map((f) => [f.line + 1, f.column, 1]);
    expect(expected).toEqual([[7, 7, 1]]);
    expect(own(await eslint.lintText(`# eslint sidecar-lint/sidecar-resources: warn\n${text}`, { filePath: path.join(examples, 'inline.yaml') }))).toEqual(expected);
    expect(own(await eslint.lintText(text, { filePath: path.join(examples, 'inline.yaml') }))).toEqual([]);
  });

  it('reports the cdk8s app\'s findings with the rule ids the core gives on its synthesized manifest', async () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidecar-lint-synth-'));
    const main = fs.readFileSync(path.join(app, 'main.ts'), 'utf8');
    const bad = main.replace("initContainers: [proxy],\n            containers: [{ name: 'app', image: 'nginx:1.27' }],", "containers: [{ name: 'app', image: 'nginx:1.27' }, proxy],");
    const badFile = path.join(app, 'e2e-out/eslint-main.ts');
    fs.mkdirSync(path.dirname(badFile), { recursive: true });
    fs.writeFileSync(badFile, bad);
    // Removed afterwards: the cdk8s synth test keeps its own copy there, and two copies would be ambiguous to it.
    onTestFinished(() => fs.rmSync(badFile, { force: true }));
    const synth = spawnSync(path.join(app, 'node_modules/.bin/tsx'), [badFile], { cwd: app, encoding: 'utf8', env: { ...process.env, CDK8S_OUTDIR: outdir } });
    expect(synth.status, synth.stderr).toBe(0);
    const synthesized = coreFindings(path.join(outdir, 'demo.k8s.yaml'));
    const [result] = await new ESLint({
      cwd: app,
      overrideConfigFile: true,
      overrideConfig: [...plugin.configs['recommended']!, { settings: { 'sidecar-lint': { kubernetesVersion } } }],
    }).lintFiles([badFile]);
    const byEslint = result!.messages.map((m) => m.ruleId!.replace('sidecar-lint/', '')).sort();
    const enabled = (id: string) => plugin.configs['recommended']![1]!.rules![`sidecar-lint/${id}`] !== 'off';
    expect(byEslint).toEqual(synthesized.map((f) => f.ruleId).filter(enabled).sort());
    expect(byEslint).toContain('restart-policy-app-container');
    const appContainer = result!.messages.find((m) => m.ruleId === 'sidecar-lint/restart-policy-app-container')!;
    const line = bad.split('\n').findIndex((text) => text.includes("restartPolicy: 'Always' } as const")) + 1;
    expect([appContainer.line, appContainer.severity]).toEqual([line, 2]);
  });
});
