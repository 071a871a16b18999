/**
 * The version x gate x container kind x value matrix of notes/k8s-semantics.md §3a-3c and §6.
 * The expected outcome is written here from the note's tables, independently of the core's view,
 * and every cell is checked: rule, severity, path, line, column and message.
 */
import { describe, expect, it } from 'vitest';
import { lintSource, resolveTarget, type Finding } from '../src/index.js';

type Kind = 'init' | 'app' | 'ephemeral';
type Value = 'Always' | 'OnFailure' | 'Never' | '' | 'always' | undefined;

const minors = [27, 28, 29, 30, 31, 32, 33, 34, 35];
const values: Value[] = ['Always', 'OnFailure', 'Never', '', 'always', undefined];
const kinds: Kind[] = ['init', 'app', 'ephemeral'];

/** The gate states worth checking in a minor: the defaults, and each gate that can be flipped. */
function gateStates(minor: number): Array<Record<string, boolean>> {
  const states: Array<Record<string, boolean>> = [{}];
  if (minor >= 28 && minor <= 32) states.push({ SidecarContainers: minor === 28 });
  if (minor === 34 || minor === 35) states.push({ ContainerRestartRules: minor === 34 });
  return states;
}

type Outcome =
  | { kind: 'none' }
  | { kind: 'unknown' }
  | { kind: 'dropped'; gate: string; lost: boolean }
  | { kind: 'unsupported'; supported: string[] }
  | { kind: 'forbidden-app' }
  | { kind: 'forbidden-ephemeral' };

/** The note's tables, cell by cell. */
function expectedOutcome(minor: number, gates: Record<string, boolean>, kind: Kind, value: Value): Outcome {
  if (value === undefined) return { kind: 'none' };
  if (minor === 27) return { kind: 'unknown' };
  const sidecarGate = minor >= 33 ? true : gates['SidecarContainers'] ?? minor >= 29;
  const restartRules = minor >= 34 ? gates['ContainerRestartRules'] ?? minor >= 35 : undefined;
  const threeValues = ['Always', 'Never', 'OnFailure'];
  if (kind === 'init') {
    if (!sidecarGate) return { kind: 'dropped', gate: 'SidecarContainers', lost: value === 'Always' };
    if (restartRules === undefined) return value === 'Always' ? { kind: 'none' } : { kind: 'unsupported', supported: ['Always'] };
    if (restartRules === false) return value === 'Always' ? { kind: 'none' } : { kind: 'dropped', gate: 'ContainerRestartRules', lost: false };
    return threeValues.includes(value) ? { kind: 'none' } : { kind: 'unsupported', supported: threeValues };
  }
  if (restartRules === false) return { kind: 'dropped', gate: 'ContainerRestartRules', lost: false };
  if (kind === 'app') {
    if (restartRules === undefined) return { kind: 'forbidden-app' };
    return threeValues.includes(value) ? { kind: 'none' } : { kind: 'unsupported', supported: threeValues };
  }
  return { kind: 'forbidden-ephemeral' };
}

const listOf: Record<Kind, string> = { init: 'initContainers', app: 'containers', ephemeral: 'ephemeralContainers' };

function manifest(kind: Kind, value: Value): string {
  const policy = value === undefined ? '' : `\n      restartPolicy: ${value === '' ? '""' : value}`;
  const subject = `    - name: subject\n      image: example/subject:1${policy}\n`;
  const lines = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: matrix', 'spec:'];
  if (kind === 'init') lines.push('  initContainers:', subject.trimEnd());
  lines.push('  containers:');
  if (kind === 'app') lines.push(subject.trimEnd());
  lines.push('    - name: app', '      image: example/app:1');
  if (kind === 'ephemeral') lines.push('  ephemeralContainers:', subject.trimEnd());
  return lines.join('\n') + '\n';
}

const droppedConsequence: Record<Kind, string> = {
  init: 'init container "subject" runs as a plain init container.',
  app: 'container "subject" follows the pod\'s restartPolicy.',
  ephemeral: 'container "subject" follows the pod\'s restartPolicy.',
};

function describeOutcome(outcome: Outcome, minor: number, path: string, kind: Kind): { ruleId: string; severity: string; message: string } | null {
  const on = `1.${minor}`;
  switch (outcome.kind) {
    case 'none':
      return null;
    case 'unknown':
      return { ruleId: 'restart-policy-unsupported-version', severity: 'error', message: `Rejected on ${on}: strict decoding error: unknown field "${path}".` };
    case 'dropped':
      return {
        ruleId: 'restart-policy-dropped',
        severity: outcome.lost ? 'error' : 'warning',
        message: outcome.lost
          ? `Silently dropped on ${on}: the ${outcome.gate} feature gate is off, so sidecar "subject" becomes a plain init container that blocks the pod until it exits.`
          : `Silently dropped on ${on}: the ${outcome.gate} feature gate is off, so ${droppedConsequence[kind]}`,
      };
    case 'unsupported':
      return { ruleId: '', severity: 'error', message: '' };
    case 'forbidden-app':
      return { ruleId: 'restart-policy-app-container', severity: 'error', message: `Rejected on ${on}: Forbidden: may not be set for non-init containers.` };
    case 'forbidden-ephemeral':
      return { ruleId: 'restart-policy-ephemeral', severity: 'error', message: `Rejected on ${on}: Forbidden: cannot be set for an Ephemeral Container.` };
  }
}

function expectedFinding(outcome: Outcome, minor: number, kind: Kind, value: Value, path: string) {
  if (outcome.kind === 'unsupported') {
    const supported = outcome.supported.map((v) => JSON.stringify(v)).join(', ');
    return {
      ruleId: kind === 'init' ? 'restart-policy-init-value' : 'restart-policy-app-container',
      severity: 'error',
      message: `Rejected on 1.${minor}: Unsupported value: ${JSON.stringify(value)}: supported values: ${supported}.`,
    };
  }
  return describeOutcome(outcome, minor, path, kind);
}

describe('restartPolicy matrix (k8s-semantics.md §3a-3c, §6)', () => {
  for (const minor of minors) {
    for (const gates of gateStates(minor)) {
      const gateText = Object.keys(gates).length === 0 ? 'default gates' : JSON.stringify(gates);
      describe(`1.${minor} with ${gateText}`, () => {
        const target = resolveTarget({ kubernetesVersion: `1.${minor}`, featureGates: gates });
        for (const kind of kinds) {
          for (const value of values) {
            it(`${kind} container, restartPolicy ${value === undefined ? 'unset' : JSON.stringify(value)}`, () => {
              const text = manifest(kind, value);
              const path = `spec.${listOf[kind]}[0].restartPolicy`;
              const findings = lintSource({ uri: 'matrix.yaml', text }, { target }).findings.filter((f: Finding) => f.path === path);
              const expected = expectedFinding(expectedOutcome(minor, gates, kind, value), minor, kind, value, path);
              if (expected === null) {
                expect(findings).toEqual([]);
                return;
              }
              const lineIndex = text.split('\n').findIndex((line) => line.includes('restartPolicy:'));
              const line = text.split('\n')[lineIndex]!;
              const keyColumn = line.indexOf('restartPolicy') + 1;
              const valueColumn = line.indexOf(':') + 3;
              const isValueSpan = expected.ruleId === 'restart-policy-init-value' || (expected.message.includes('Unsupported value'));
              expect(findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, line: f.line, column: f.column, endColumn: f.endColumn, versions: f.versions }))).toEqual([
                {
                  ...expected,
                  line: lineIndex + 1,
                  column: isValueSpan ? valueColumn : keyColumn,
                  endColumn: line.length + 1,
                  versions: [`1.${minor}`],
                },
              ]);
            });
          }
        }
      });
    }
  }
});

describe('ephemeral containers are never part of a create', () => {
  it('reports spec.ephemeralContainers on a Pod on every minor', () => {
    const target = resolveTarget({ kubernetesVersion: '1.27-1.35' });
    const findings = lintSource({ uri: 'e.yaml', text: manifest('ephemeral', undefined) }, { target }).findings;
    expect(findings.map((f) => [f.ruleId, f.path, f.line, f.column, f.message])).toEqual([
      ['restart-policy-ephemeral', 'spec.ephemeralContainers', 9, 3, 'Rejected on 1.27-1.35: Forbidden: cannot be set on create.'],
    ]);
  });
});
