import { describe, expect, it } from 'vitest';
import { ruleMetas } from '@sidecar-lint/core';
import { sarif } from '../../src/formatters/sarif.js';
import { context, fileResult, finding, realResult } from './report-fixtures.js';

interface Log {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: Record<string, unknown>[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    columnKind: string;
    results: Record<string, unknown>[];
  }[];
}

function run(...args: Parameters<typeof sarif>) {
  const log = JSON.parse(sarif(...args)) as Log;
  return { log, run: log.runs[0]! };
}

describe('sarif formatter', () => {
  it('declares SARIF 2.1.0 and the tool with a descriptor for every rule', () => {
    const { log, run: sarifRun } = run([], context());
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    const driver = sarifRun.tool.driver;
    expect(driver.name).toBe('sidecar-lint');
    expect(driver.version).toBe('0.1.0');
    expect(driver.informationUri).toBe('https://github.com/sidecar-lint/sidecar-lint');
    expect(driver.rules.map((rule) => rule.id)).toEqual(ruleMetas.map((rule) => rule.id));
    expect(sarifRun.originalUriBaseIds).toEqual({ SRCROOT: { uri: 'file:///work/repo/' } });
    expect(sarifRun.columnKind).toBe('utf16CodeUnits');
    expect(sarifRun.results).toEqual([]);
  });

  it('builds a rule descriptor from the rule metadata, with the fix in the help text', () => {
    const { run: sarifRun } = run([], context());
    const meta = ruleMetas.find((rule) => rule.id === 'restart-policy-init-value')!;
    const descriptor = sarifRun.tool.driver.rules.find((rule) => rule.id === 'restart-policy-init-value')!;
    expect(descriptor).toMatchObject({
      id: 'restart-policy-init-value',
      name: 'RestartPolicyInitValue',
      shortDescription: { text: 'An init container restartPolicy value that the target API server rejects.' },
      fullDescription: { text: meta.rationale },
      help: { text: 'Write exactly Always for a sidecar; the fixer corrects the case. `sidecar-lint --fix` applies the certain fixes.' },
      helpUri: 'https://github.com/sidecar-lint/sidecar-lint/blob/main/docs/rules/restart-policy-init-value.md',
      defaultConfiguration: { level: 'error' },
      properties: { category: 'api', tags: ['kubernetes', 'sidecar', 'api'], precision: 'very-high', 'problem.severity': 'error' },
    });
    expect((descriptor.help as { markdown: string }).markdown).toContain('```yaml\ninitContainers:\n  - name: proxy');
    const syntax = sarifRun.tool.driver.rules.find((rule) => rule.id === 'yaml-syntax')!;
    expect(syntax.help).toEqual({ text: 'Correct the YAML syntax at the position given.', markdown: expect.any(String) });
  });

  it('writes results with ruleIndex, level, a relative URI with its base, the full region and a fingerprint', () => {
    const { run: sarifRun } = run([fileResult('deploy/job.yaml', [finding()])], context());
    expect(sarifRun.results).toEqual([
      {
        ruleId: 'restart-policy-app-container',
        ruleIndex: 2,
        level: 'error',
        message: { text: 'Rejected on 1.31: Forbidden: may not be set for non-init containers.' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'deploy/job.yaml', uriBaseId: 'SRCROOT' },
              region: { startLine: 21, startColumn: 9, endLine: 21, endColumn: 30 },
            },
          },
        ],
        partialFingerprints: { 'sidecarLintFinding/v1': expect.stringMatching(/^[0-9a-f]{16}:1$/) },
        properties: {
          versions: ['1.31'],
          document: 0,
          path: 'spec.template.spec.containers[1].restartPolicy',
          resource: { apiVersion: 'batch/v1', kind: 'Job', name: 'ingest', namespace: null },
        },
      },
    ]);
    expect(ruleMetas[2]!.id).toBe('restart-policy-app-container');
  });

  it('maps info to note and percent-encodes URIs; files outside the workspace get an absolute file URI', () => {
    const { run: sarifRun } = run(
      [fileResult('/work/repo/k8s/my app#1.yaml', [finding({ severity: 'info' })]), fileResult('/other/x.yaml', [finding({ severity: 'warning' })])],
      context(),
    );
    const locationOf = (index: number) => (sarifRun.results[index]!.locations as { physicalLocation: { artifactLocation: unknown } }[])[0]!.physicalLocation.artifactLocation;
    expect(sarifRun.results.map((result) => result.level)).toEqual(['note', 'warning']);
    expect(locationOf(0)).toEqual({ uri: 'k8s/my%20app%231.yaml', uriBaseId: 'SRCROOT' });
    expect(locationOf(1)).toEqual({ uri: 'file:///other/x.yaml' });
  });

  it('keeps fingerprints stable when lines move and distinct for repeated resources', () => {
    const known = run([fileResult('a.yaml', [finding()])], context()).run.results[0]!.partialFingerprints;
    // Pinned: a change here re-opens every alert in code scanning, so it must be deliberate.
    expect(known).toEqual({ 'sidecarLintFinding/v1': 'dc698fed83d8c4f6:1' });
    const fingerprint = (result: Record<string, unknown>) => Object.values(result.partialFingerprints as Record<string, string>)[0]!;
    const before = run([fileResult('a.yaml', [finding()])], context()).run.results[0]!;
    const after = run([fileResult('a.yaml', [finding({ line: 40, endLine: 40 })])], context()).run.results[0]!;
    expect(fingerprint(after)).toBe(fingerprint(before));
    const twice = run([fileResult('a.yaml', [finding(), finding({ line: 60, endLine: 60, document: 1 })])], context()).run.results;
    expect(fingerprint(twice[0]!).replace(/:1$/, ':2')).toBe(fingerprint(twice[1]!));
    const otherFile = run([fileResult('b.yaml', [finding()])], context()).run.results[0]!;
    expect(fingerprint(otherFile)).not.toBe(fingerprint(before));
  });

  it('carries suppressed findings as SARIF suppressions and certain fixes as SARIF fixes', () => {
    const { run: sarifRun } = run([realResult()], context());
    expect(sarifRun.results.map((result) => [result.ruleId, result.suppressions ?? null])).toEqual([
      ['restart-policy-init-value', null],
      ['restart-policy-app-container', null],
      ['duplicate-container-name', [{ kind: 'inSource', status: 'accepted', justification: 'Kept for the migration, see TICKET-1.' }]],
    ]);
    expect(sarifRun.results[0]!.fixes).toEqual([
      {
        description: { text: 'Write restartPolicy: Always on init container "proxy".' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'deploy/pod.yaml', uriBaseId: 'SRCROOT' },
            replacements: [{ deletedRegion: { charOffset: 254, charLength: 6 }, insertedContent: { text: 'Always' } }],
          },
        ],
      },
    ]);
    expect(sarifRun.results[1]!.fixes).toBeUndefined();
  });

  it('omits ruleIndex for a rule it has no descriptor for', () => {
    const { run: sarifRun } = run([fileResult('a.yaml', [finding({ ruleId: 'custom-policy' })])], context());
    expect(sarifRun.results[0]!.ruleIndex).toBeUndefined();
    expect(sarifRun.results[0]!.ruleId).toBe('custom-policy');
  });
});
