/**
 * Every fix and every suggestion on ../shared/corpus, applied alone to a copy of its file, and
 * then all of them to a fixpoint as --fix and --fix-suggestions do. The corpus as shipped has
 * suggestions but no certain fix, so each file with a restartPolicy value is also linted with
 * that value's case broken (`Always` -> `always`): the fix must give back exactly the line the
 * author wrote, with its quoting, comments around it and line endings, in LF, CRLF and BOM copies.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyFixes, resolveTarget, type FileResult, type Finding, type Fix } from '@sidecar-lint/core';
import { cli, removeScratch, scratch } from '../hostile/run-cli.js';
import { sharedDir } from '../shared-dir.js';
import { changedOriginalLines, eolStyle, fixToFixpoint, lint, linesOfFix, newErrors, parseProblems, untouchedLinesLost } from './fix-checks.js';

const shared = sharedDir();
const target = resolveTarget({});

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : /\.(ya?ml|json)$/.test(name) ? [path] : [];
    });
}

const restartValue = /^([ \t]*(?:- )?restartPolicy:[ \t]*)(["']?)(Always|Never|OnFailure)\2([ \t]*(?:#.*)?)$/;

/** The text with the first letter of every restartPolicy value lowercased, and which lines changed. */
function breakCase(text: string): { text: string; lines: Set<number> } {
  const lines = new Set<number>();
  const out = text.split('\n').map((line, index) => {
    const cr = line.endsWith('\r') ? '\r' : '';
    const body = cr ? line.slice(0, -1) : line;
    const match = restartValue.exec(body);
    if (!match) return line;
    lines.add(index);
    const [, head, quote, value, tail] = match;
    return `${head}${quote}${value!.charAt(0).toLowerCase()}${value!.slice(1)}${quote}${tail}${cr}`;
  });
  return { text: out.join('\n'), lines };
}

/**
 * The CRLF and BOM copies check each fix alone for the first few fixes of a file (the whole
 * fixed file is still compared byte for byte with the original), to keep the test's time modest.
 */
const variants: Array<{ name: string; make: (text: string) => string; fixesAlone: number; minFixes: number }> = [
  { name: 'as written', make: (text) => text, fixesAlone: Number.POSITIVE_INFINITY, minFixes: 500 },
  { name: 'CRLF', make: (text) => text.replace(/\r?\n/g, '\r\n'), fixesAlone: 3, minFixes: 150 },
  { name: 'BOM', make: (text) => `\uFEFF${text}`, fixesAlone: 3, minFixes: 150 },
];

interface Checked {
  fixes: number;
}

/** Applies one fix alone and checks everything a written file must keep. */
function checkOneFix(file: string, text: string, before: FileResult, finding: Finding, fix: Fix, baseline: () => FileResult = () => before): string {
  const where = `${file}:${finding.line}:${finding.column} ${finding.ruleId} (${fix.description})`;
  const { text: fixed, applied } = applyFixes(text, [fix]);
  expect(applied, where).toBe(1);
  expect(fixed, where).not.toBe(text);
  expect(parseProblems(fixed, target), where).toEqual([]);
  const allowed = linesOfFix(text, fix);
  expect(untouchedLinesLost(text, fixed, allowed), where).toEqual([]);
  expect(eolStyle(fixed) === eolStyle(text) || eolStyle(text) === 'none', where).toBe(true);
  expect(fixed.startsWith('\uFEFF'), where).toBe(text.startsWith('\uFEFF'));
  const comments = text.split('\n').flatMap((line) => (line.includes('#') ? [line.slice(line.indexOf('#')).replace(/\r$/, '')] : []));
  expect(comments.filter((comment) => !fixed.includes(comment)), where).toEqual([]);
  const after = lint(fixed, target);
  const same = (other: Finding) => other.document === finding.document && other.item === finding.item && other.ruleId === finding.ruleId && (finding.fix === fix ? other.path === finding.path : other.message === finding.message);
  expect(after.findings.filter(same).map((f) => `${f.line}:${f.column} ${f.message}`), where).toEqual([]);
  const added = newErrors(before, after);
  expect(added.length === 0 ? added : newErrors(baseline(), after), where).toEqual([]);
  return fixed;
}

afterAll(removeScratch);

describe.skipIf(shared === null)('fixes on the shared corpus', () => {
  const files = shared ? walk(join(shared, 'corpus')) : [];
  const name = (file: string) => relative(shared!, file);
  const withRestartPolicy = files.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return text.includes('restartPolicy') ? [{ file, text }] : [];
  });

  it('applies every suggestion of the corpus alone, safely, and --fix-suggestions reaches a fixpoint', () => {
    let suggestions = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const before = lint(text, target);
      const offered = before.findings.flatMap((finding) => (finding.suggestions ?? []).map((fix) => ({ finding, fix })));
      if (offered.length === 0) continue;
      expect(parseProblems(text, target), name(file)).toEqual([]);
      for (const { finding, fix } of offered) {
        checkOneFix(name(file), text, before, finding, fix);
        suggestions++;
      }
      const once = fixToFixpoint(text, target, true);
      expect(parseProblems(once.text, target), name(file)).toEqual([]);
      expect(fixToFixpoint(once.text, target, true).text, `${name(file)}: a second --fix-suggestions changes nothing`).toBe(once.text);
    }
    expect(suggestions).toBeGreaterThanOrEqual(20);
  });

  for (const variant of variants) {
    it(`fixes every broken restartPolicy value of the corpus back to what was written (${variant.name})`, () => {
      const checked: Checked = { fixes: 0 };
      for (const { file, text } of withRestartPolicy) {
        const original = variant.make(text);
        const broken = breakCase(original);
        if (broken.lines.size === 0) continue;
        const before = lint(broken.text, target);
        // A fixed typo may uncover an error the author's own text has; those are not new.
        let baseline: FileResult | undefined;
        const withOriginal = () => (baseline ??= { ...before, findings: [...before.findings, ...lint(original, target).findings] });
        const fixable = before.findings.filter((finding) => finding.fix);
        const originalLines = original.split('\n');
        const expectedLines = broken.text.split('\n');
        for (const finding of fixable.slice(0, variant.fixesAlone)) {
          const fixed = checkOneFix(name(file), broken.text, before, finding, finding.fix!, withOriginal);
          // Exactly one broken line is given back, byte for byte.
          const changed = changedOriginalLines(broken.text, fixed);
          expect(changed.length, name(file)).toBe(1);
          expect(broken.lines.has(changed[0]!), name(file)).toBe(true);
          expect(fixed.split('\n')[changed[0]!], name(file)).toBe(originalLines[changed[0]!]);
          expectedLines[changed[0]!] = originalLines[changed[0]!]!;
          checked.fixes++;
        }
        const all = fixToFixpoint(broken.text, target, false);
        if (fixable.length <= variant.fixesAlone) {
          expect(all.text, `${name(file)}: --fix gives back every fixed line and nothing else`).toBe(expectedLines.join('\n'));
        } else {
          const changed = changedOriginalLines(broken.text, all.text);
          expect(changed.filter((line) => !broken.lines.has(line) || all.text.split('\n')[line] !== originalLines[line]), name(file)).toEqual([]);
        }
        expect(fixToFixpoint(all.text, target, false).text, `${name(file)}: a second --fix changes nothing`).toBe(all.text);
      }
      expect(checked.fixes).toBeGreaterThan(variant.minFixes);
    });
  }
  it('--fix and --fix-suggestions on temporary copies write exactly the fixpoint, and nothing on a second run', () => {
    for (const withSuggestions of [false, true]) {
      const dir = scratch();
      const expected = new Map<string, string>();
      for (const { file, text } of withRestartPolicy) {
        const broken = breakCase(text).text;
        if (!lint(broken, target).findings.some((finding) => finding.fix || (withSuggestions && finding.suggestions))) continue;
        const copy = name(file).replace(/\//g, '__');
        writeFileSync(join(dir, copy), broken);
        expected.set(copy, fixToFixpoint(broken, target, withSuggestions).text);
      }
      expect(expected.size).toBeGreaterThan(100);
      const flags = withSuggestions ? ['--fix', '--fix-suggestions'] : ['--fix'];
      const run = cli([...flags, '--format', 'json', '.'], { cwd: dir });
      expect(run.stderr).toBe('');
      for (const [copy, text] of expected) expect(readFileSync(join(dir, copy), 'utf8'), copy).toBe(text);
      const before = new Map([...expected.keys()].map((copy) => [copy, statSync(join(dir, copy)).ino]));
      expect(cli([...flags, '--format', 'json', '.'], { cwd: dir }).stderr).toBe('');
      for (const [copy, inode] of before) expect(statSync(join(dir, copy)).ino, `${copy} rewritten by a second run`).toBe(inode);
    }
  });
});
