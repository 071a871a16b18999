// End to end: `cdk8s synth` of examples/cdk8s-app with this plugin configured in its cdk8s.yaml.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';

const app = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../examples/cdk8s-app');
const cdk8s = path.join(app, 'node_modules/.bin/cdk8s');

function synth(appCommand?: string) {
  const args = ['synth', '--no-check-upgrade', ...(appCommand ? ['--app', appCommand] : [])];
  const result = spawnSync(cdk8s, args, { cwd: app, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  return { status: result.status, output: `${result.stdout}${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, '') };
}

describe('cdk8s synth with @sidecar-lint/cdk8s', () => {
  it('succeeds on the example app (warnings do not fail it)', () => {
    const { status, output } = synth();
    expect(output).toContain('sidecar-lint/sidecar-startup-probe');
    expect(status).toBe(0);
  });

  it('fails with exit 2 and our report when a sidecar sits in containers', () => {
    const main = fs.readFileSync(path.join(app, 'main.ts'), 'utf8');
    const bad = main.replace("initContainers: [proxy],\n            containers: [{ name: 'app', image: 'nginx:1.27' }],", "containers: [{ name: 'app', image: 'nginx:1.27' }, proxy],");
    expect(bad).not.toBe(main);
    // A copy next to the real app (its construct ids are the same: the field decides which one is meant).
    fs.mkdirSync(path.join(app, 'e2e-out'), { recursive: true });
    fs.writeFileSync(path.join(app, 'e2e-out/main.ts'), bad);
    onTestFinished(() => fs.rmSync(path.join(app, 'e2e-out/main.ts'), { force: true }));
    const { status, output } = synth('npx tsx e2e-out/main.ts');
    expect(status).toBe(2);
    expect(output).toContain('sidecar-lint/restart-policy-app-container (1 occurrences)');
    expect(output).toContain('Construct Path: demo/web');
    expect(output).toContain('Resource Name: web');
    // The TypeScript place is where the field is written: in the `proxy` constant.
    const lines = bad.split('\n');
    const line = lines.findIndex((text) => text.includes("restartPolicy: 'Always' } as const")) + 1;
    const column = lines[line - 1]!.indexOf("restartPolicy: 'Always'") + 1;
    expect(output).toContain(`spec.template.spec.containers[1].restartPolicy (line: 19:11) at e2e-out/main.ts:${line}:${column}`);
    expect(output).toContain('Recommendation: Rejected on 1.31-1.33: Forbidden: may not be set for non-init containers. Severity error on Kubernetes 1.31-1.33.');
  });
});
