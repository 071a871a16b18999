import { describe, expect, it } from 'vitest';
import { MAX_ROWS, summaryMarkdown } from '../src/summary.js';
import type { Report, ReportFinding } from '../src/report.js';

function finding(overrides: Partial<ReportFinding> = {}): ReportFinding {
  return {
    ruleId: 'restart-policy-app-container',
    severity: 'error',
    message: 'Rejected on 1.31: Forbidden: may not be set for non-init containers.',
    path: 'spec.containers[1].restartPolicy',
    line: 21,
    column: 7,
    endLine: 21,
    endColumn: 28,
    document: 0,
    versions: ['1.31'],
    resource: { apiVersion: 'v1', kind: 'Pod', name: 'web', namespace: null },
    ...overrides,
  };
}

function report(results: Report['results']): Report {
  const findings = results.flatMap((result) => result.findings);
  return {
    target: { kubernetesVersions: ['1.31', '1.32', '1.33'], kubeletVersion: '1.31', fieldValidation: 'strict' },
    results,
    summary: {
      files: results.length,
      documents: results.length,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      infos: findings.filter((f) => f.severity === 'info').length,
      suppressed: results.reduce((sum, result) => sum + result.suppressed.length, 0),
    },
  };
}

describe('summaryMarkdown', () => {
  it('gives counts, the target, a table per file and the findings of each file', () => {
    const markdown = summaryMarkdown(
      report([
        { file: 'k8s/pod.yaml', findings: [finding(), finding({ severity: 'warning', ruleId: 'restart-policy-dropped', message: 'Dropped | silently.', line: 30, column: 3 })], suppressed: [finding()] },
        { file: 'k8s/clean.yaml', findings: [], suppressed: [] },
      ]),
      'SidecarContainers=true',
    );
    expect(markdown).toBe(
      [
        '## sidecar-lint',
        '',
        '**1 error, 1 warning, 0 infos** in 2 files (1 suppressed).',
        '',
        'Target: Kubernetes 1.31-1.33, field validation strict, oldest kubelet 1.31, feature gates SidecarContainers=true.',
        '',
        '| File | Errors | Warnings | Infos | Suppressed |',
        '|---|---:|---:|---:|---:|',
        '| <code>k8s/pod.yaml</code> | 1 | 1 | 0 | 1 |',
        '',
        '### <code>k8s/pod.yaml</code>',
        '',
        '| Line | Severity | Rule | Field | Message |',
        '|---|---|---|---|---|',
        '| 21:7 | error | <code>restart-policy-app-container</code> | <code>spec.containers[1].restartPolicy</code> | Rejected on 1.31: Forbidden: may not be set for non-init containers. |',
        '| 30:3 | warning | <code>restart-policy-dropped</code> | <code>spec.containers[1].restartPolicy</code> | Dropped \\| silently. |',
        '',
      ].join('\n'),
    );
  });

  it('says so when there is nothing to report', () => {
    expect(summaryMarkdown(report([{ file: 'a.yaml', findings: [], suppressed: [] }]), undefined)).toBe(
      '## sidecar-lint\n\n**0 errors, 0 warnings, 0 infos** in 1 file.\n\nTarget: Kubernetes 1.31-1.33, field validation strict, oldest kubelet 1.31.\n\nNo findings.\n',
    );
  });

  it('keeps HTML and line breaks of linted content out of the markup', () => {
    const markdown = summaryMarkdown(report([{ file: '<b>x</b>.yaml', findings: [finding({ message: 'Name "<img src=x>"\nbad.', path: null, document: 2 })], suppressed: [] }]), undefined);
    expect(markdown).toContain('| <code>&lt;b&gt;x&lt;/b&gt;.yaml</code> |');
    expect(markdown).toContain('| <code>document 3</code> | Name "&lt;img src=x&gt;"<br>bad. |');
    expect(markdown).not.toContain('<img');
  });

  it('stops the findings tables at MAX_ROWS and says where the rest is', () => {
    const many = Array.from({ length: MAX_ROWS + 5 }, (_, index) => finding({ line: index + 1 }));
    const markdown = summaryMarkdown(report([{ file: 'big.yaml', findings: many, suppressed: [] }]), undefined);
    expect(markdown.split('\n').filter((line) => line.startsWith('| ') && /^\| \d+:7 /.test(line))).toHaveLength(MAX_ROWS);
    expect(markdown).toContain(`The first ${MAX_ROWS} of ${MAX_ROWS + 5} findings are shown; the SARIF report and the log have them all.`);
  });
});
