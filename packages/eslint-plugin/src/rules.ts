/**
 * One ESLint rule per core rule, same id. The first rule that runs on a file asks the core for every
 * finding of the file (one run, shared through a cache keyed by the file's SourceCode); each rule then
 * reports only its own.
 */
import { ruleMetas, type Fix, type RuleMeta } from '@sidecar-lint/core';
import type { Rule, SourceCode } from 'eslint';
import { eslintMeta } from './meta.js';
import { byRule, messageData, type LocatedFinding } from './report.js';
import { targetFromSettings } from './settings.js';
import { analyzeTypeScript } from './typescript/analyze.js';
import { analyzeYaml } from './yaml.js';
import type { YamlAstProgram } from './yaml-documents.js';

interface FileAnalysis {
  findings: Map<string, LocatedFinding[]>;
  /** A settings problem, reported once per file by the first rule that runs. */
  settingsError: string | null;
  settingsErrorReported: boolean;
}

const analyses = new WeakMap<SourceCode, FileAnalysis>();

/**
 * The rules ESLint runs on a file. ESLint creates every enabled rule before it walks the tree, and
 * lints one file at a time, so by the first `Program:exit` the set is complete and the core skips
 * the rules that are off. Kept as a bit set of indexes into ruleMetas, so equal sets share one
 * settings object (and the core's per-settings cache).
 */
let enabled: { sourceCode: SourceCode; mask: number } | undefined;
const ruleIndex = new Map(ruleMetas.map((meta, index) => [meta.id, index]));
if (ruleMetas.length > 31) throw new Error('sidecar-lint: more rules than bits in the enabled-rules mask');
const rulesOffByMask = new Map<number, Record<string, 'off'>>();

function markEnabled(sourceCode: SourceCode, ruleId: string): void {
  if (enabled?.sourceCode !== sourceCode) enabled = { sourceCode, mask: 0 };
  enabled.mask |= 1 << ruleIndex.get(ruleId)!;
}

function rulesOff(sourceCode: SourceCode): Record<string, 'off'> {
  const mask = enabled?.sourceCode === sourceCode ? enabled.mask : 0;
  let off = rulesOffByMask.get(mask);
  if (!off) {
    off = {};
    for (const [index, meta] of ruleMetas.entries()) if ((mask & (1 << index)) === 0) off[meta.id] = 'off';
    rulesOffByMask.set(mask, off);
  }
  return off;
}

function isYaml(sourceCode: SourceCode): boolean {
  return (sourceCode.parserServices as { isYAML?: boolean } | undefined)?.isYAML === true;
}

function analyze(context: Rule.RuleContext): FileAnalysis {
  const sourceCode = context.sourceCode;
  const cached = analyses.get(sourceCode);
  if (cached) return cached;
  const target = targetFromSettings(context.settings as Record<string, unknown>, context.physicalFilename);
  let analysis: FileAnalysis;
  if (!target.ok) {
    analysis = { findings: new Map(), settingsError: target.message, settingsErrorReported: false };
  } else {
    const options = { target: target.target, podSpecPaths: target.podSpecPaths, rules: rulesOff(sourceCode) };
    const findings = isYaml(sourceCode)
      ? analyzeYaml(context.filename, sourceCode.text, sourceCode.ast as unknown as YamlAstProgram, options)
      : analyzeTypeScript(context.filename, sourceCode, options);
    analysis = { findings: byRule(findings), settingsError: null, settingsErrorReported: false };
  }
  analyses.set(sourceCode, analysis);
  return analysis;
}

function toEslintFix(fix: Fix): Rule.ReportFixer {
  return (fixer) => fix.edits.map((edit) => fixer.replaceTextRange([edit.start, edit.end], edit.text));
}

function createRule(meta: RuleMeta): Rule.RuleModule {
  const eslint = eslintMeta(meta);
  const canFix = eslint.fixable !== undefined;
  const canSuggest = eslint.hasSuggestions === true;
  return {
    meta: eslint,
    create(context) {
      markEnabled(context.sourceCode, meta.id);
      const report = () => {
        const analysis = analyze(context);
        if (analysis.settingsError !== null) {
          if (analysis.settingsErrorReported) return;
          analysis.settingsErrorReported = true;
          context.report({ loc: { line: 1, column: 0 }, messageId: 'settings', data: { message: analysis.settingsError } });
          return;
        }
        for (const finding of analysis.findings.get(meta.id) ?? []) {
          context.report({
            loc: finding.loc,
            messageId: 'finding',
            data: messageData(finding),
            ...(canFix && finding.fix ? { fix: toEslintFix(finding.fix) } : {}),
            ...(canSuggest && finding.suggestions
              ? { suggest: finding.suggestions.map((suggestion) => ({ messageId: 'suggestion', data: { description: suggestion.description }, fix: toEslintFix(suggestion) })) }
              : {}),
          });
        }
      };
      return { 'Program:exit': report };
    },
  };
}

export const rules: Record<string, Rule.RuleModule> = Object.fromEntries(ruleMetas.map((meta) => [meta.id, createRule(meta)]));
