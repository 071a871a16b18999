import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { escapeXml, junit } from '../../src/formatters/junit.js';
import { context, fileResult, finding, realResult } from './report-fixtures.js';

interface Element {
  tag: string;
  attrib: Record<string, string>;
  text: string | null;
  children: Element[];
}

/**
 * Parses with Python's expat-based ElementTree, a strict XML 1.0 parser: not well-formed output
 * fails the test with the parser's own message.
 */
function parseXml(xml: string): Element {
  const script = [
    'import sys, json, xml.etree.ElementTree as ET',
    'def conv(e): return {"tag": e.tag, "attrib": e.attrib, "text": e.text, "children": [conv(c) for c in e]}',
    'print(json.dumps(conv(ET.fromstring(sys.stdin.buffer.read()))))',
  ].join('\n');
  const run = spawnSync('python3', ['-c', script], { input: xml, encoding: 'utf8' });
  if (run.error) throw new Error(`python3 is needed to check the XML: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`not well-formed XML: ${run.stderr}`);
  return JSON.parse(run.stdout) as Element;
}

describe('junit formatter', () => {
  it('writes one testsuite per file and one testcase per finding, errors and warnings as failures', () => {
    const out = junit(
      [
        fileResult('deploy/job.yaml', [finding(), finding({ severity: 'warning', ruleId: 'restart-policy-dropped', message: 'Dropped.', line: 30, column: 3 })]),
        fileResult('clean.yaml'),
      ],
      context(),
    );
    const root = parseXml(out);
    expect(root.tag).toBe('testsuites');
    expect(root.attrib).toEqual({ name: 'sidecar-lint', tests: '3', failures: '2', errors: '0', skipped: '0' });
    expect(root.children.map((suite) => suite.attrib)).toEqual([
      { name: 'deploy/job.yaml', tests: '2', failures: '2', errors: '0', skipped: '0' },
      { name: 'clean.yaml', tests: '1', failures: '0', errors: '0', skipped: '0' },
    ]);
    const [first, second] = root.children[0]!.children;
    expect(first!.attrib).toEqual({
      classname: 'deploy/job.yaml',
      name: 'restart-policy-app-container spec.template.spec.containers[1].restartPolicy (21:9)',
      file: 'deploy/job.yaml',
      line: '21',
    });
    expect(first!.children[0]!.tag).toBe('failure');
    expect(first!.children[0]!.attrib).toEqual({ type: 'error', message: 'Rejected on 1.31: Forbidden: may not be set for non-init containers.' });
    expect(first!.children[0]!.text).toBe(
      'deploy/job.yaml:21:9: error: Rejected on 1.31: Forbidden: may not be set for non-init containers.\n' +
        'Resource: Job ingest\nKubernetes versions: 1.31',
    );
    expect(second!.children[0]!.attrib).toEqual({ type: 'warning', message: 'Dropped.' });
    expect(root.children[1]!.children).toEqual([
      { tag: 'testcase', attrib: { classname: 'clean.yaml', name: 'sidecar-lint', file: 'clean.yaml' }, text: null, children: [] },
    ]);
  });

  it('keeps infos as passing testcases and suppressed findings as skipped ones', () => {
    const root = parseXml(junit([realResult(), fileResult('advice.yaml', [finding({ severity: 'info', message: 'Consider it.' })])], context()));
    const [pod, advice] = root.children;
    expect(pod!.attrib).toEqual({ name: 'deploy/pod.yaml', tests: '3', failures: '2', errors: '0', skipped: '1' });
    expect(pod!.children.map((testcase) => [testcase.attrib.name, testcase.children[0]!.tag])).toEqual([
      ['restart-policy-init-value spec.initContainers[0].restartPolicy (11:22)', 'failure'],
      ['restart-policy-app-container spec.containers[0].restartPolicy (15:7)', 'failure'],
      ['duplicate-container-name spec.containers[1].name (16:13)', 'skipped'],
    ]);
    expect(pod!.children[0]!.children[0]!.text).toContain('Fix: Write restartPolicy: Always on init container "proxy".');
    expect(pod!.children[1]!.children[0]!.text).toContain('Suggestion: Move container "app" into initContainers as a native sidecar.');
    expect(pod!.children[2]!.children[0]!.attrib).toEqual({ message: 'Suppressed by annotation: Kept for the migration, see TICKET-1.' });
    expect(advice!.attrib.failures).toBe('0');
    expect(advice!.children[0]!.children[0]!.tag).toBe('system-out');
  });

  it('stays well-formed with markup, quotes, line breaks and characters XML cannot carry', () => {
    const nasty = 'A <b>"quoted"</b> & \'single\'\nsecond line \u0001 \uD800 end.';
    const root = parseXml(junit([fileResult('we<ird>&"name".yaml', [finding({ message: nasty })])], context()));
    const failure = root.children[0]!.children[0]!.children[0]!;
    expect(root.children[0]!.attrib.name).toBe('we<ird>&"name".yaml');
    expect(failure.attrib.message).toBe('A <b>"quoted"</b> & \'single\'\nsecond line \uFFFD \uFFFD end.');
    expect(escapeXml('a\tb')).toBe('a&#9;b');
  });

  it('names yaml-syntax testcases by document', () => {
    const root = parseXml(junit([fileResult('bad.yaml', [finding({ ruleId: 'yaml-syntax', path: null, resource: null, document: 1, line: 4, column: 1 })])], context()));
    expect(root.children[0]!.children[0]!.attrib.name).toBe('yaml-syntax document 2 (4:1)');
  });
});
