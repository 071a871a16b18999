/**
 * Property-based tests on random manifests of the real shapes: lintSource never throws, every
 * finding points inside the file (its line and column agree with its offset), the JSON report
 * validates against schemas/report.schema.json, the CLI says what the core says, and the same
 * input gives the same bytes.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Ajv } from 'ajv';
import { lintSource, resolveTarget, ruleMetas, type FileResult } from '@sidecar-lint/core';
import { loadFormatter, run, toolName, toolVersion, type CliIo } from '@sidecar-lint/cli';
import { repoRoot } from '../shared-dir.js';
import { manifestText } from './manifests.js';

const target = resolveTarget({ kubernetesVersion: '1.29-1.35' });
const validateReport = new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(join(repoRoot, 'schemas', 'report.schema.json'), 'utf8')));
const scratch = mkdtempSync(join(tmpdir(), 'sidecar-lint-property-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The runs are seeded so a failure is reproducible; fast-check prints the seed and the shrunk case. */
const settings = { numRuns: 150, seed: 0x5eed };

function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

async function jsonReport(results: FileResult[]): Promise<string> {
  const formatter = (await loadFormatter('json', { sourceOf: () => undefined }))!;
  return formatter(results, { tool: { name: toolName, version: toolVersion, informationUri: 'https://example.invalid' }, target, cwd: scratch, rules: ruleMetas, color: false });
}

function memoryIo(): { io: CliIo; out: () => string; err: () => string } {
  let stdout = '';
  let stderr = '';
  return {
    io: {
      cwd: scratch,
      env: {},
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      readStdin: async () => '',
    },
    out: () => stdout,
    err: () => stderr,
  };
}

describe('random manifests', () => {
  it('never make the core throw, and every finding points inside the file', () => {
    fc.assert(
      fc.property(manifestText, ({ text }) => {
        const result = lintSource({ uri: 'random.yaml', text }, { target });
        for (const finding of [...result.findings, ...result.suppressed]) {
          expect(finding.offset).toBeGreaterThanOrEqual(0);
          expect(finding.offset).toBeLessThan(finding.endOffset);
          expect(finding.endOffset).toBeLessThanOrEqual(text.length);
          expect({ line: finding.line, column: finding.column }).toEqual(positionOf(text, finding.offset));
          expect({ line: finding.endLine, column: finding.endColumn }).toEqual(positionOf(text, finding.endOffset));
          expect(finding.message).toMatch(/[.]$/);
          expect(finding.versions.length).toBeGreaterThan(0);
        }
      }),
      settings,
    );
  });

  it('give a JSON report that validates against its schema, byte for byte the same twice', async () => {
    await fc.assert(
      fc.asyncProperty(manifestText, async ({ text }) => {
        const first = await jsonReport([lintSource({ uri: 'random.yaml', text }, { target })]);
        const second = await jsonReport([lintSource({ uri: 'random.yaml', text }, { target })]);
        expect(second).toBe(first);
        const valid = validateReport(JSON.parse(first));
        expect(validateReport.errors ?? []).toEqual([]);
        expect(valid).toBe(true);
      }),
      settings,
    );
  });

  it('get the same findings from the CLI as from the core, and the same bytes on a second run', async () => {
    let index = 0;
    await fc.assert(
      fc.asyncProperty(manifestText, async ({ text }) => {
        const file = `m${index++}.yaml`;
        writeFileSync(join(scratch, file), text);
        const runs = [];
        for (let i = 0; i < 2; i++) {
          const memory = memoryIo();
          const code = await run(['--format', 'json', '--kube-version', '1.29-1.35', file], memory.io);
          runs.push({ code, stdout: memory.out(), stderr: memory.err() });
        }
        expect(runs[1]).toEqual(runs[0]);
        const core = lintSource({ uri: file, text }, { target });
        const reported = JSON.parse(runs[0]!.stdout).results[0].findings;
        const comparable = (f: { ruleId: string; severity: string; path: string | null; line: number; column: number; endLine: number; endColumn: number; message: string; versions: string[] }) =>
          `${f.ruleId}|${f.severity}|${f.path}|${f.line}:${f.column}-${f.endLine}:${f.endColumn}|${f.versions.join(',')}|${f.message}`;
        expect(reported.map(comparable)).toEqual(core.findings.map(comparable));
        expect(runs[0]!.code).toBe(core.findings.some((f) => f.severity === 'error') ? 1 : 0);
      }),
      { ...settings, numRuns: 60 },
    );
  });
});

describe('the generator', () => {
  it("reaches the rules: many samples have findings, from most rules, some with fixes", () => {
    const samples = fc.sample(manifestText, { numRuns: 300, seed: settings.seed });
    const rulesSeen = new Set<string>();
    let withFindings = 0;
    let fixes = 0;
    for (const { text } of samples) {
      const result = lintSource({ uri: 'random.yaml', text }, { target });
      if (result.findings.length > 0) withFindings++;
      result.findings.forEach((finding) => {
        rulesSeen.add(finding.ruleId);
        if (finding.fix) fixes++;
      });
    }
    console.log(`property samples: ${withFindings}/300 with findings, ${fixes} fixes, rules: ${[...rulesSeen].sort().join(' ')}`);
    expect(withFindings).toBeGreaterThan(100);
    expect(rulesSeen.size).toBeGreaterThanOrEqual(15);
    expect(fixes).toBeGreaterThan(0);
  });
});
