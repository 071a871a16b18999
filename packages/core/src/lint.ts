/**
 * The pipeline: documents -> pod spec sites -> API server view per targeted minor -> rules ->
 * findings merged over the minors -> suppressions. Pure: text in, results out.
 */
import { readDocuments, type ParsedDocument } from './documents.js';
import { podSpecSites, type PodSpecPathConfig, type PodSpecSite } from './discovery.js';
import { FixBuilder } from './fixes.js';
import { formatPath, LineIndex, spanOffsets, type PathSegment } from './positions.js';
import type { Report, Rule, RuleContext } from './rule.js';
import { rules as allRules, yamlSyntaxMeta } from './rules/index.js';
import { annotationSuppressions, CommentSuppressions, suppressedByAnnotation } from './suppressions.js';
import { formatVersions, type MinorTarget, type ResolvedTarget } from './target.js';
import type { FileResult, Finding, Fix, RuleSetting, Severity, Source, SuppressedFinding } from './types.js';
import { apiServerView } from './view.js';

export interface LintOptions {
  target: ResolvedTarget;
  /** Severity overrides from config; `off` disables a rule. */
  rules?: Record<string, RuleSetting>;
  podSpecPaths?: readonly PodSpecPathConfig[];
  /** Parse every document, so syntax errors are reported even where no pod spec can be. */
  checkSyntax?: boolean;
}

const severityRank: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

interface RawFinding {
  report: Report;
  minor: MinorTarget;
}

/** The findings of one rule at one path over all minors, before merging. */
interface Group {
  rule: Rule;
  site: PodSpecSite;
  document: ParsedDocument;
  path: PathSegment[];
  raws: RawFinding[];
}

function mergeMessage(raws: readonly RawFinding[], allMinors: number): string {
  const byText = new Map<string, { effect: string | undefined; message: string; versions: string[] }>();
  for (const { report, minor } of raws) {
    const key = `${report.effect ?? ''}\u0000${report.message}`;
    const entry = byText.get(key) ?? { effect: report.effect, message: report.message, versions: [] };
    if (!entry.versions.includes(minor.version)) entry.versions.push(minor.version);
    byText.set(key, entry);
  }
  const parts = [...byText.values()].map(({ effect, message, versions }) => {
    if (effect !== undefined) return `${effect} on ${formatVersions(versions)}: ${message}`;
    return versions.length === allMinors ? capitalize(message) : `On ${formatVersions(versions)}: ${message}`;
  });
  return parts.join(' ');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sameEdits(a: Fix, b: Fix): boolean {
  return JSON.stringify(a.edits) === JSON.stringify(b.edits);
}

/** A fix survives the merge only when every minor that has the finding proposes the same one. */
function mergeFix(raws: readonly RawFinding[]): Fix | undefined {
  const first = raws[0]?.report.fix;
  if (!first) return undefined;
  return raws.every(({ report }) => report.fix && sameEdits(report.fix, first)) ? first : undefined;
}

function mergeSuggestions(raws: readonly RawFinding[]): Fix[] {
  const out: Fix[] = [];
  for (const { report } of raws) {
    for (const suggestion of report.suggestions ?? []) {
      if (!out.some((other) => other.description === suggestion.description)) out.push(suggestion);
    }
  }
  return out;
}

function enabledRules(settings: Record<string, RuleSetting> | undefined): Rule[] {
  return allRules.filter((rule) => settings?.[rule.id] !== 'off');
}

function runRules(site: PodSpecSite, document: ParsedDocument, text: string, target: ResolvedTarget, rules: readonly Rule[]): Group[] {
  const views = target.minors.map((minor) => apiServerView(site, minor));
  const fixes = new FixBuilder(document.yaml, text.slice(document.start, document.end), document.start, site.resourcePath);
  const groups = new Map<string, Group>();
  for (const rule of rules) {
    for (const view of views) {
      const context: RuleContext = {
        site,
        view,
        minor: view.minor,
        target,
        views,
        fixes,
        report(report) {
          const key = `${rule.id}\u0000${formatPath(report.path)}`;
          let group = groups.get(key);
          if (!group) {
            group = { rule, site, document, path: report.path, raws: [] };
            groups.set(key, group);
          }
          group.raws.push({ report, minor: view.minor });
        },
      };
      rule.check(context);
    }
  }
  return [...groups.values()];
}

function toFinding(group: Group, text: string, lines: LineIndex, target: ResolvedTarget, override: RuleSetting | undefined): Finding {
  const { rule, site, document, raws } = group;
  const first = raws[0]!.report;
  const severity = override && override !== 'off'
    ? override
    : raws.map(({ report }) => report.severity ?? rule.defaultSeverity).reduce((a, b) => (severityRank[b] > severityRank[a] ? b : a));
  const docText = text.slice(document.start, document.end);
  const [start, rawEnd] = spanOffsets(document.yaml, docText, document.yaml.contents, [...site.resourcePath, ...group.path], first.span);
  let end = rawEnd;
  // Block values end after their line break; the span ends at the last character written.
  while (end > start + 1 && /\s/.test(docText[end - 1]!)) end--;
  const offset = document.start + start;
  const endOffset = document.start + end;
  const range = lines.range(offset, endOffset);
  const versions = [...new Set(raws.map(({ minor }) => minor.version))].sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
  const fix = mergeFix(raws);
  const suggestions = mergeSuggestions(raws);
  return {
    ruleId: rule.id,
    severity,
    message: mergeMessage(raws, target.minors.length),
    path: formatPath(group.path),
    ...range,
    offset,
    endOffset,
    document: document.index,
    ...(site.item === undefined ? {} : { item: site.item }),
    versions,
    resource: site.resource,
    ...(fix ? { fix } : {}),
    ...(suggestions.length > 0 ? { suggestions } : {}),
  };
}

function syntaxFinding(document: ParsedDocument, lines: LineIndex, target: ResolvedTarget): Finding {
  const error = document.error!;
  const message = error.message.replace(/\s+/g, ' ').trim();
  return {
    ruleId: yamlSyntaxMeta.id,
    severity: 'error',
    message: /[.!?]$/.test(message) ? message : `${message}.`,
    path: null,
    ...lines.range(error.start, error.end),
    offset: error.start,
    endOffset: error.end,
    document: document.index,
    versions: target.minors.map((minor) => minor.version),
    resource: null,
  };
}

function byPosition(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}

/** Lints one source for the target. */
export function lintSource(source: Source, options: LintOptions): FileResult {
  const { text } = source;
  const lines = new LineIndex(text);
  const documents = readDocuments(text, { checkSyntax: options.checkSyntax ?? false, lines });
  const rules = enabledRules(options.rules);
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  let comments: CommentSuppressions | undefined;
  const commentSuppressions = () => (comments ??= new CommentSuppressions(text, (offset) => lines.position(offset).line));
  for (const document of documents.parsed) {
    if (document.error) {
      if (options.rules?.[yamlSyntaxMeta.id] !== 'off') findings.push(syntaxFinding(document, lines, options.target));
      continue;
    }
    for (const site of podSpecSites(document.value, options.podSpecPaths)) {
      const annotations = annotationSuppressions(site.object, site.templateMetadataPath);
      for (const group of runRules(site, document, text, options.target, rules)) {
        const finding = toFinding(group, text, lines, options.target, options.rules?.[group.rule.id]);
        const suppression = suppressedByAnnotation(annotations, finding.ruleId) ?? commentSuppressions().match(finding.ruleId, finding.line);
        if (suppression) suppressed.push({ ...finding, suppression });
        else findings.push(finding);
      }
    }
  }
  findings.sort(byPosition);
  suppressed.sort(byPosition);
  return { file: source.uri, findings, suppressed, documents: documents.total };
}
