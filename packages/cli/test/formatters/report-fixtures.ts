/** Hand-built results and a real core run, shared by the formatter tests. */
import { lintSource, resolveTarget, ruleMetas, type FileResult, type Finding } from '@sidecar-lint/core';
import type { ReportContext } from '../../src/formatters/types.js';

export const cwd = '/work/repo';

export function context(overrides: Partial<ReportContext> = {}): ReportContext {
  return {
    tool: { name: 'sidecar-lint', version: '0.1.0', informationUri: 'https://github.com/sidecar-lint/sidecar-lint' },
    target: resolveTarget({ kubernetesVersion: '1.31' }),
    cwd,
    rules: ruleMetas,
    color: false,
    ...overrides,
  };
}

export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'restart-policy-app-container',
    severity: 'error',
    message: 'Rejected on 1.31: Forbidden: may not be set for non-init containers.',
    path: 'spec.template.spec.containers[1].restartPolicy',
    line: 21,
    column: 9,
    endLine: 21,
    endColumn: 30,
    offset: 400,
    endOffset: 421,
    document: 0,
    versions: ['1.31'],
    resource: { apiVersion: 'batch/v1', kind: 'Job', name: 'ingest', namespace: null },
    ...overrides,
  };
}

export function fileResult(file: string, findings: Finding[] = [], overrides: Partial<FileResult> = {}): FileResult {
  return { file, findings, suppressed: [], documents: 1, ...overrides };
}

/** A pod with a lower-case sidecar restartPolicy, an app container restartPolicy and a suppressed duplicate name. */
export const mistakesYaml = `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    ignore.sidecar-lint.io/duplicate-container-name: "Kept for the migration, see TICKET-1."
spec:
  initContainers:
    - name: proxy
      image: envoyproxy/envoy:v1.31
      restartPolicy: always
  containers:
    - name: app
      image: app:1
      restartPolicy: Always
    - name: app
      image: app:2
`;

export function realResult(file = 'deploy/pod.yaml'): FileResult {
  return lintSource({ uri: file, text: mistakesYaml }, { target: resolveTarget({ kubernetesVersion: '1.31' }) });
}
