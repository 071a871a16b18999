// The plugin on its own: a ValidationContext over a manifest, as cdk8s-cli builds it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationContext } from 'cdk8s-cli/plugins';
import { SidecarLintValidation } from '../src/index.js';

const manifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: app
          image: nginx:1.27
        - name: proxy
          image: envoyproxy/envoy:v1.31
          restartPolicy: Always
`;

function contextFor(text: string): ValidationContext {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidecar-lint-cdk8s-'));
  const file = path.join(dir, 'demo.k8s.yaml');
  fs.writeFileSync(file, text);
  return new ValidationContext([file], '@sidecar-lint/cdk8s', '0.1.0', { web: { path: 'demo/web' } });
}

describe('SidecarLintValidation', () => {
  it('fails on an error finding, naming rule, resource, field path and line', async () => {
    const context = contextFor(manifest);
    await new SidecarLintValidation({ kubernetesVersion: '1.33', sourceLines: false }).validate(context);
    const report = context.report.toJson();
    expect(report.summary.status).toBe('failure');
    expect(report.summary.metadata).toEqual({ Kubernetes: '1.33', Errors: '1', Warnings: '0' });
    const violation = report.violations.find((v) => v.ruleName === 'sidecar-lint/restart-policy-app-container');
    expect(violation?.recommendation).toBe('Rejected on 1.33: Forbidden: may not be set for non-init containers. Severity error on Kubernetes 1.33.');
    expect(violation?.violatingConstructs).toEqual([
      {
        resourceName: 'web',
        manifestPath: path.relative(process.cwd(), context.manifests[0]!),
        locations: ['spec.template.spec.containers[1].restartPolicy (line: 15:11)'],
        constructPath: 'demo/web',
      },
    ]);
  });

  it('succeeds when only warnings remain', async () => {
    const context = contextFor(manifest);
    await new SidecarLintValidation({ kubernetesVersion: '1.35', sourceLines: false }).validate(context);
    expect(context.report.toJson().summary.status).toBe('success');
  });

  it('reports bad properties as a failure with a clear message', async () => {
    const context = contextFor(manifest);
    await new SidecarLintValidation({ kubernetesVersion: '1.2x' }).validate(context);
    const report = context.report.toJson();
    expect(report.summary.status).toBe('failure');
    expect(report.violations[0]?.recommendation).toBe(
      'Invalid sidecar-lint properties in cdk8s.yaml: Invalid Kubernetes version "1.2x": expected a minor such as "1.31" or a range such as "1.31-1.35".',
    );
  });
});
