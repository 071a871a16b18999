// One measurement in a fresh process, so its peak RSS is its own: lints one input with the core
// (`core <file>`) or runs the CLI's run() in-process on a folder (`cli <folder>`), then prints
// {seconds, peakRssMB} as JSON. process.resourceUsage().maxRSS is the kernel's high-water mark.
import { readFileSync } from 'node:fs';
import { lintSource, resolveTarget } from '@sidecar-lint/core';
import { run } from '@sidecar-lint/cli';

const [mode, path] = process.argv.slice(2);
const baseline = process.resourceUsage().maxRSS / 1024;
const started = process.hrtime.bigint();
if (mode === 'core') {
  const text = readFileSync(path, 'utf8');
  const result = lintSource({ uri: path, text }, { target: resolveTarget({ kubernetesVersion: '1.31' }) });
  if (result.documents < 1) throw new Error('nothing read');
} else {
  const discard = { write: () => true };
  await run(['--kube-version', '1.31', '--format', 'json', path], { cwd: process.cwd(), env: { SIDECAR_LINT_WORKERS: '0' }, stdout: discard, stderr: discard, readStdin: async () => '' });
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(JSON.stringify({ seconds, peakRssMB: process.resourceUsage().maxRSS / 1024, startRssMB: baseline }));
