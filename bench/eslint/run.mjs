// ESLint overhead of @sidecar-lint/eslint-plugin on a 200-file mix (100 YAML manifests, 100 cdk8s TypeScript files):
// the same ESLint run with and without our rules on the YAML files. Each configuration runs in processes of its own
// (warmed up, best of several runs inside), alternating: configurations that share one process change each other's
// timings through the garbage collector and the JIT by more than the effect measured.
// Usage: node bench/eslint/run.mjs [--rounds 8] [--append]   (after `pnpm -r build`); --append adds a row to bench/RESULTS-eslint.md.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const pluginDir = path.resolve(here, '../../packages/eslint-plugin');
const requireFromPlugin = createRequire(path.join(pluginDir, 'package.json'));
const { ESLint } = await import(pathToFileURL(requireFromPlugin.resolve('eslint')).href);
const yml = (await import(pathToFileURL(requireFromPlugin.resolve('eslint-plugin-yml')).href)).default;
const tsParser = requireFromPlugin('@typescript-eslint/parser');
const plugin = (await import(pathToFileURL(path.join(pluginDir, 'dist/index.js')).href)).default;

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const rounds = Number(option('--rounds')) || 8;
/** Timed runs inside one process, after the warm-up. */
const runsPerProcess = 5;

function workload(i) {
  const name = `app-${i}`;
  const proxy = i % 3 === 0 ? `        - name: proxy\n          image: envoyproxy/envoy:v1.31\n          restartPolicy: Always\n` : '';
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels: {app: ${name}}
spec:
  replicas: 2
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
${proxy ? `      initContainers:\n${proxy}` : ''}      containers:
        - name: app
          image: example/${name}:1
          ports: [{containerPort: 8080}]
          resources: {requests: {cpu: 100m, memory: 128Mi}}
---
apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec:
  selector: {app: ${name}}
  ports: [{port: 80, targetPort: 8080}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: ${name}-config}
data:
${Array.from({ length: 30 }, (_, k) => `  key${k}: "value ${k} for ${name}"`).join('\n')}
`;
}

function chart(i) {
  return `import { App, Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-33';
const chart = new Chart(new App(), 'c${i}');
const sidecar = (name: string) => ({ name, image: 'envoyproxy/envoy:v1.31', restartPolicy: 'Always' });
new k8s.KubeDeployment(chart, 'web', {
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { initContainers: [sidecar('proxy')], containers: [{ name: 'app', image: 'app:${i}' }] } },
  },
});
export const value${i} = ${i};
`;
}

const typeScript = { files: ['**/*.ts'], plugins: { 'sidecar-lint': plugin }, languageOptions: { parser: tsParser }, rules: plugin.configs.recommended[1].rules };
const yamlWithoutRules = { files: ['**/*.yaml'], plugins: { yml }, language: 'yml/yaml', rules: {} };
/** A rule that does nothing: what ESLint itself costs once any rule runs on the YAML files. */
const probe = { rules: { nothing: { meta: { type: 'problem', schema: [] }, create: () => ({ 'Program:exit'() {} }) } } };
const configs = {
  baseline: [yamlWithoutRules, typeScript],
  withNoOpRule: [{ ...yamlWithoutRules, plugins: { yml, probe }, rules: { 'probe/nothing': 'error' } }, typeScript],
  withPlugin: [...plugin.configs.recommended.slice(0, 1), typeScript],
  // For the TypeScript side's own cost: the same run with no rule of ours at all.
  withoutOurRules: [yamlWithoutRules, { ...typeScript, rules: {} }],
};

async function time(dir, config) {
  // A fresh ESLint instance per run, as an editor's or CI's run starts cold on the files.
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config, cache: false });
  const start = process.hrtime.bigint();
  const results = await eslint.lintFiles(['.']);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, messages: results.reduce((n, r) => n + r.messages.length, 0), files: results.length };
}

if (option('--child')) {
  // One configuration in this process: warm up (module loading and JIT are not what we measure), then the best run.
  const config = configs[option('--child')];
  const dir = option('--dir');
  for (let i = 0; i < 3; i++) await time(dir, config);
  let best = { ms: Infinity };
  for (let i = 0; i < runsPerProcess; i++) {
    const run = await time(dir, config);
    if (run.ms < best.ms) best = run;
  }
  console.log(JSON.stringify(best));
  process.exit(0);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidecar-lint-eslint-bench-'));
for (let i = 0; i < 100; i++) {
  fs.writeFileSync(path.join(dir, `m${i}.yaml`), workload(i));
  fs.writeFileSync(path.join(dir, `c${i}.ts`), chart(i));
}
const yamlBytes = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);

function measure(name) {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', name, '--dir', dir], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`the ${name} run failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1));
}

const names = Object.keys(configs);
const best = Object.fromEntries(names.map((name) => [name, Infinity]));
/** Each round runs every configuration once, back to back, so its ratios share the machine's state of the moment. */
const perRound = [];
let last;
for (let round = 0; round < rounds; round++) {
  const times = {};
  // Alternate the order, so no configuration always runs on a warmer machine.
  for (const name of round % 2 === 0 ? names : [...names].reverse()) {
    last = measure(name);
    times[name] = last.ms;
    best[name] = Math.min(best[name], last.ms);
  }
  perRound.push(times);
}
fs.rmSync(dir, { recursive: true, force: true });
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
/** How much slower `a` is than `b`, in percent: the median over the rounds of each round's ratio. */
const slower = (a, b) => (median(perRound.map((times) => times[a] / times[b])) - 1) * 100;
const overhead = slower('withPlugin', 'baseline');
const noOpOverhead = slower('withNoOpRule', 'baseline');
const typeScriptOverhead = slower('baseline', 'withoutOurRules');
const summary = [
  `files ${last.files} (100 YAML, ${(yamlBytes / 1024).toFixed(0)} KiB; 100 TS), baseline ${best.baseline.toFixed(0)} ms, with sidecar-lint on YAML ${best.withPlugin.toFixed(0)} ms (best runs), overhead ${overhead.toFixed(1)}% (median of the rounds; limit 20%)`,
  `a rule that does nothing on the YAML files instead: ${best.withNoOpRule.toFixed(0)} ms, ${noOpOverhead.toFixed(1)}% (ESLint's own cost of running any rule there)`,
  `our TypeScript rules: the baseline is ${typeScriptOverhead.toFixed(1)}% over the run with none of our rules (${best.withoutOurRules.toFixed(0)} ms)`,
].join('\n');
console.log(summary);
if (args.includes('--append')) {
  const results = path.resolve(here, '../RESULTS-eslint.md');
  if (!fs.existsSync(results)) {
    fs.writeFileSync(results, '# ESLint plugin overhead\n\n`node bench/eslint/run.mjs --append`: one ESLint run over 200 files (100 YAML manifests with 3 documents each, 100 cdk8s TypeScript files with our TypeScript rules on in both runs), with and without our rules on the YAML files; each configuration in processes of its own (warmed up, best of 5 runs, fresh ESLint instance per run); a round runs every configuration once, back to back, and the percentages are the median over the rounds of the ratios within each round; the ms columns are the best runs. \"no-op rule\": a rule that does nothing in place of ours (ESLint\'s own cost of running any rule on YAML); \"TypeScript rules\": the baseline against the same run with none of our rules.\n\n| date | machine | node | eslint | rounds | baseline ms | with plugin ms | overhead | no-op rule | TypeScript rules |\n|---|---|---|---|---|---|---|---|---|---|\n');
  }
  const machine = `${os.cpus()[0]?.model.trim() ?? 'unknown'} x${os.cpus().length}, ${os.platform()}`;
  fs.appendFileSync(results, `| ${new Date().toISOString().slice(0, 10)} | ${machine} | ${process.version} | ${ESLint.version} | ${rounds} | ${best.baseline.toFixed(0)} | ${best.withPlugin.toFixed(0)} | ${overhead.toFixed(1)}% | ${noOpOverhead.toFixed(1)}% | ${typeScriptOverhead.toFixed(1)}% |\n`);
}
if (overhead > 20) process.exitCode = 1;
