/**
 * Small helpers for the per-rule test tables: lint a text for a target, keep one rule's findings,
 * and apply a finding's fix or suggestion to the text. Shared by the API and runtime rule tests;
 * keep the API stable.
 */
import { describe, expect, it } from 'vitest';
import { applyFixes, lintSource, resolveTarget, type Finding, type TargetInput } from '../src/index.js';

/** A target from the CLI's inputs; a bare minor ("1.31") or range ("1.29-1.33") string is accepted too. */
export type TargetSpec = TargetInput | string;

export function target(spec: TargetSpec = {}): ReturnType<typeof resolveTarget> {
  return resolveTarget(typeof spec === 'string' ? { kubernetesVersion: spec } : spec);
}

/** Every finding of the text (all rules), for the target. */
export function lint(text: string, spec: TargetSpec = {}): Finding[] {
  return lintSource({ uri: 'test.yaml', text }, { target: target(spec) }).findings;
}

/** The findings of one rule. */
export function only(findings: readonly Finding[], ruleId: string): Finding[] {
  return findings.filter((finding) => finding.ruleId === ruleId);
}

/** The findings of one rule for the text and target. */
export function lintRule(text: string, ruleId: string, spec: TargetSpec = {}): Finding[] {
  return only(lint(text, spec), ruleId);
}

/** The fields of a finding that tests assert exactly (offsets, document and resource left out). */
export interface Expected {
  ruleId: string;
  severity: Finding['severity'];
  path: string | null;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  versions: string[];
  item?: number;
}

/** A finding reduced to the fields of Expected (item only when the finding has one). */
export function essentials(finding: Finding): Expected {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    path: finding.path,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    message: finding.message,
    versions: finding.versions,
    ...(finding.item === undefined ? {} : { item: finding.item }),
  };
}

/** The text after applying the finding's fix; throws when it has none. */
export function withFix(text: string, finding: Finding): string {
  if (!finding.fix) throw new Error(`finding ${finding.ruleId} at ${finding.path} has no fix`);
  return applyFixes(text, [finding.fix]).text;
}

/** The text after applying the finding's suggestion number `index`; throws when it has none. */
export function withSuggestion(text: string, finding: Finding, index = 0): string {
  const suggestion = finding.suggestions?.[index];
  if (!suggestion) throw new Error(`finding ${finding.ruleId} at ${finding.path} has no suggestion ${index}`);
  return applyFixes(text, [suggestion]).text;
}

/** The text of the finding's range, for spans that are easier to read than to count. */
export function spanText(text: string, finding: Finding): string {
  return text.slice(finding.offset, finding.endOffset);
}

/** Joins lines with "\n" and a final newline: manifests in tests stay readable without template indentation. */
export function yaml(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

/** Every known minor from 1.27 to 1.36, as "1.27" ... "1.36". */
export const allMinors: readonly string[] = Array.from({ length: 10 }, (_, i) => `1.${27 + i}`);

export interface ValidCase {
  name: string;
  text: string;
  target?: TargetSpec;
}

/** One expected finding, with what its fix and suggestions do to the text. */
export interface ExpectedFinding extends Omit<Expected, 'ruleId'> {
  /** The whole text after applying the fix; null asserts there is no fix. Default: no fix. */
  fixed?: string | null;
  /** Description and resulting text of each suggestion, in order. Default: no suggestions. */
  suggestions?: Array<{ description: string; output: string }>;
  /** The fix's description, when it matters. */
  fixDescription?: string;
}

export interface InvalidCase {
  name: string;
  text: string;
  target?: TargetSpec;
  /** Every finding of the rule, in report order (by line, then column). */
  findings: ExpectedFinding[];
}

/**
 * An ESLint-RuleTester-like table: each valid case has no finding of the rule; each invalid case
 * has exactly the findings listed, with their fixes and suggestions. Call it inside a test file.
 */
export function ruleTable(ruleId: string, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(`${ruleId}: valid`, () => {
    for (const c of cases.valid) {
      it(c.name, () => {
        expect(lintRule(c.text, ruleId, c.target).map(essentials)).toEqual([]);
      });
    }
  });
  describe(`${ruleId}: invalid`, () => {
    for (const c of cases.invalid) {
      it(c.name, () => {
        const found = lintRule(c.text, ruleId, c.target);
        expect(found.map(essentials)).toEqual(
          c.findings.map(({ fixed: _fixed, suggestions: _suggestions, fixDescription: _description, ...rest }) => ({ ruleId, ...rest })),
        );
        c.findings.forEach((expected, index) => {
          const finding = found[index]!;
          if (expected.fixed === undefined || expected.fixed === null) expect(finding.fix).toBeUndefined();
          else expect(withFix(c.text, finding)).toBe(expected.fixed);
          if (expected.fixDescription !== undefined) expect(finding.fix?.description).toBe(expected.fixDescription);
          const suggestions = (finding.suggestions ?? []).map((suggestion, i) => ({
            description: suggestion.description,
            output: withSuggestion(c.text, finding, i),
          }));
          expect(suggestions).toEqual(expected.suggestions ?? []);
        });
      });
    }
  });
}

/** A Pod whose init container "proxy" has restartPolicy on line 9 (or none), and app container lines after "app" (from line 13). */
export function proxyPod(initPolicy: string | null, ...appExtra: string[]): string {
  return yaml(
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: web',
    'spec:',
    '  initContainers:',
    '    - name: proxy',
    '      image: envoyproxy/envoy:v1.31',
    ...(initPolicy === null ? [] : [`      restartPolicy: ${initPolicy}`]),
    '  containers:',
    '    - name: app',
    '      image: example/app:1',
    ...appExtra,
  );
}
