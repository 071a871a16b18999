import { lintSource, resolveTarget, ruleMetas } from '@sidecar-lint/core';
import { describe, expect, it } from 'vitest';
import { json } from '../src/formatters/json.js';
import { createStylish } from '../src/formatters/stylish.js';
import type { ReportContext } from '../src/formatters/types.js';

const text = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
    - name: proxy
      image: envoy
      restartPolicy: always
      resources: {requests: {cpu: 10m, memory: 8Mi}}
  containers:
    - name: app
      image: nginx
      resources: {requests: {cpu: 10m, memory: 8Mi}}
`;
const target = resolveTarget({ kubernetesVersion: '1.33' });
const results = [lintSource({ uri: 'pod.yaml', text }, { target })];
const context = (color: boolean): ReportContext => ({
  tool: { name: 'sidecar-lint', version: '0.1.0', informationUri: 'https://example.invalid' },
  target,
  cwd: '/work',
  rules: ruleMetas,
  color,
});

describe('stylish', () => {
  it('quotes the line with a marker under the exact span, the versions and the fix, then a summary', () => {
    expect(createStylish(() => text)(results, context(false))).toBe(
      [
        'pod.yaml',
        '  8:22  error  Rejected on 1.33: Unsupported value: "always": supported values: "Always".  restart-policy-init-value',
        '    8 |       restartPolicy: always',
        '      |                      ^^^^^^',
        '    on 1.33',
        '    fix Write restartPolicy: Always on init container "proxy". (--fix)',
        '',
        '1 problem (1 error, 0 warnings, 0 infos) in 1 file; 1 fixable with --fix.',
        '',
      ].join('\n'),
    );
  });

  it('colours only when asked', () => {
    expect(createStylish(() => text)(results, context(true))).toContain('\u001b[31merror\u001b[39m');
    expect(createStylish(() => undefined)(results, context(false))).not.toContain('\u001b[');
  });
});

describe('json', () => {
  it('keeps offsets and fix edits out, and says what is fixable', () => {
    const finding = JSON.parse(json(results, context(false))).results[0].findings[0];
    expect(Object.keys(finding)).toEqual([
      'ruleId', 'severity', 'message', 'path', 'line', 'column', 'endLine', 'endColumn', 'document', 'versions', 'resource', 'fixable', 'fix', 'suggestions',
    ]);
    expect(finding.fix).toEqual({ description: 'Write restartPolicy: Always on init container "proxy".' });
  });
});
