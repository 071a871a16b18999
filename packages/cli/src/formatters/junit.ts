/**
 * JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure Pipelines, CircleCI):
 * one testsuite per file, one testcase per finding. Errors and warnings are failures; infos are
 * passing testcases with the advice as output (advice should not turn a report red); suppressed
 * findings are skipped with their reason. A clean file gets one passing testcase so it shows up.
 */
import type { FileResult, Finding, SuppressedFinding } from '@sidecar-lint/core';
import type { Formatter } from './types.js';
import { workspacePath } from './workspace-path.js';

/** Characters XML 1.0 cannot carry at all (controls, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join('');
}

/** Element text keeps its line breaks; only markup characters are escaped. */
function text(value: string): string {
  return value.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function testcaseName(finding: Finding): string {
  const where = finding.path ?? `document ${finding.document + 1}`;
  return `${finding.ruleId} ${where} (${finding.line}:${finding.column})`;
}

function details(finding: Finding, file: string): string {
  const lines = [`${file}:${finding.line}:${finding.column}: ${finding.severity}: ${finding.message}`];
  if (finding.resource) {
    const { kind, namespace, name } = finding.resource;
    lines.push(`Resource: ${kind ?? '?'} ${namespace ? `${namespace}/` : ''}${name ?? '(unnamed)'}`);
  }
  lines.push(`Kubernetes versions: ${finding.versions.join(', ')}`);
  if (finding.fix) lines.push(`Fix: ${finding.fix.description}`);
  for (const suggestion of finding.suggestions ?? []) lines.push(`Suggestion: ${suggestion.description}`);
  return lines.join('\n');
}

function testcase(finding: Finding | SuppressedFinding, file: string): string {
  const head = `    <testcase${attributes({ classname: file, name: testcaseName(finding), file, line: finding.line })}>`;
  let body: string;
  if ('suppression' in finding) {
    body = `      <skipped${attributes({ message: `Suppressed by ${finding.suppression.kind}: ${finding.suppression.reason}` })}/>`;
  } else if (finding.severity === 'info') {
    body = `      <system-out>${text(details(finding, file))}</system-out>`;
  } else {
    const failure = attributes({ type: finding.severity, message: finding.message });
    body = `      <failure${failure}>${text(details(finding, file))}</failure>`;
  }
  return `${head}\n${body}\n    </testcase>`;
}

interface Counts {
  tests: number;
  failures: number;
  skipped: number;
}

function suite(result: FileResult, file: string): { xml: string; counts: Counts } {
  const all = [...result.findings, ...result.suppressed].sort((a, b) => a.line - b.line || a.column - b.column);
  const cases = all.map((finding) => testcase(finding, file));
  if (cases.length === 0) cases.push(`    <testcase${attributes({ classname: file, name: 'sidecar-lint', file })}/>`);
  const counts: Counts = {
    tests: cases.length,
    failures: result.findings.filter((finding) => finding.severity !== 'info').length,
    skipped: result.suppressed.length,
  };
  const head = `  <testsuite${attributes({ name: file, tests: counts.tests, failures: counts.failures, errors: 0, skipped: counts.skipped })}>`;
  return { xml: [head, ...cases, '  </testsuite>'].join('\n'), counts };
}

export const junit: Formatter = (results, context) => {
  const suites = results.map((result) => suite(result, workspacePath(result.file, context.cwd).display));
  const total = suites.reduce(
    (sum, { counts }) => ({ tests: sum.tests + counts.tests, failures: sum.failures + counts.failures, skipped: sum.skipped + counts.skipped }),
    { tests: 0, failures: 0, skipped: 0 },
  );
  const root = `<testsuites${attributes({ name: context.tool.name, tests: total.tests, failures: total.failures, errors: 0, skipped: total.skipped })}>`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', root, ...suites.map(({ xml }) => xml), '</testsuites>', ''].join('\n');
};
