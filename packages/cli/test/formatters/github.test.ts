import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, github } from '../../src/formatters/github.js';
import { context, fileResult, finding, realResult } from './report-fixtures.js';

describe('github formatter', () => {
  it('writes one workflow command per finding with the full range and the rule as title', () => {
    const out = github([fileResult('deploy/job.yaml', [finding()])], context());
    expect(out).toBe(
      '::error file=deploy/job.yaml,line=21,col=9,endLine=21,endColumn=30,title=restart-policy-app-container::' +
        'Rejected on 1.31: Forbidden: may not be set for non-init containers.\n',
    );
  });

  it('maps warning to ::warning and info to ::notice', () => {
    const out = github(
      [fileResult('a.yaml', [finding({ severity: 'warning', message: 'W.' }), finding({ severity: 'info', message: 'I.', line: 30, endLine: 31 })])],
      context(),
    );
    expect(out.split('\n')).toEqual([
      '::warning file=a.yaml,line=21,col=9,endLine=21,endColumn=30,title=restart-policy-app-container::W.',
      '::notice file=a.yaml,line=30,col=9,endLine=31,endColumn=30,title=restart-policy-app-container::I.',
      '',
    ]);
  });

  it('escapes %, CR and LF in the message, and also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    const out = github([fileResult('dir,with:odd%name.yaml', [finding({ message: 'Line one.\nLine two: 50%, really.' })])], context());
    expect(out).toBe(
      '::error file=dir%2Cwith%3Aodd%25name.yaml,line=21,col=9,endLine=21,endColumn=30,title=restart-policy-app-container::' +
        'Line one.%0ALine two: 50%25, really.\n',
    );
  });

  it('makes absolute paths inside the workspace relative and leaves others absolute', () => {
    const out = github([fileResult('/work/repo/k8s/a.yaml', [finding()]), fileResult('/elsewhere/b.yaml', [finding()])], context());
    expect(out).toContain('::error file=k8s/a.yaml,');
    expect(out).toContain('::error file=/elsewhere/b.yaml,');
  });

  it('annotates real core findings and leaves suppressed ones out', () => {
    const out = github([realResult()], context());
    expect(out.split('\n')).toEqual([
      '::error file=deploy/pod.yaml,line=11,col=22,endLine=11,endColumn=28,title=restart-policy-init-value::' +
        'Rejected on 1.31: Unsupported value: "always": supported values: "Always".',
      '::error file=deploy/pod.yaml,line=15,col=7,endLine=15,endColumn=28,title=restart-policy-app-container::' +
        'Rejected on 1.31: Forbidden: may not be set for non-init containers.',
      '',
    ]);
  });

  it('prints nothing for clean files', () => {
    expect(github([fileResult('ok.yaml')], context())).toBe('');
  });
});
