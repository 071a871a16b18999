/**
 * The pipeline: documents -> pod spec sites -> API server view per targeted minor -> rules ->
 * findings merged over the minors -> suppressions. Pure: text in, results out.
 */
import { readDocuments, type DocumentSet, type LintDocument } from './documents.js';
import { resourceInfo, resourcesOf, sitesOf, type PodSpecPathConfig, type PodSpecSite, type ResourceRef } from './discovery.js';
import { FixBuilder } from './fixes.js';
import { formatPath, LineIndex, type PathSegment } from './positions.js';
import type { Report, Rule } from './rule.js';
import { findRule, rules as allRules, yamlSyntaxMeta } from './rules/index.js';
import { annotationSuppressions, CommentSuppressions, suppressedByAnnotation } from './suppressions.js';
import { equivalentMinors, formatVersions, type MinorTarget, type ResolvedTarget } from './target.js';
import type { FileResult, Finding, Fix, Resource, RuleSetting, Severity, Source, SuppressedFinding } from './types.js';
import { apiServerView } from './view.js';

export interface LintOptions {
  target: ResolvedTarget;
  /** Severity overrides from config; `off` disables a rule. */
  rules?: Record<string, RuleSetting>;
  podSpecPaths?: readonly PodSpecPathConfig[];
  /** Parse every document, so syntax errors are reported even where no pod spec can be. */
  checkSyntax?: boolean;
  /** The engine that evaluates resources; the core's rules by default. */
  engine?: Engine;
}

const severityRank: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** One report of an engine, for one targeted minor. */
export interface EngineReport extends Report {
  ruleId: string;
  minor: MinorTarget;
  /**
   * Reports of a rule at one path merge over the minors into one finding. Policies that say several
   * different things at one path (custom Rego: one message per deny) keep them apart with a key.
   */
  distinctBy?: string;
}

export interface EngineContext {
  target: ResolvedTarget;
  /** The enabled rules (config may turn some off). */
  rules: readonly Rule[];
  /** A fix builder for edits inside this resource's document. */
  fixes: FixBuilder;
  /** Extra kinds from config, for engines that discover pod specs themselves. */
  podSpecPaths: readonly PodSpecPathConfig[];
}

/**
 * What evaluates a resource: the core's rules by default; the Rego engine plugs in here and gets
 * the same merging, ranges and suppressions.
 */
export interface Engine {
  /** Also called for resources without a pod spec the core knows (custom policies may check anything). */
  evaluatesEveryResource?: boolean;
  evaluate(resource: ResourceRef, sites: readonly PodSpecSite[], context: EngineContext): EngineReport[];
}

/** The core engine: every rule, on every pod spec site, for every targeted minor (once per group of minors it cannot tell apart). */
export const coreEngine: Engine = {
  evaluate(_resource, sites, { target, rules, fixes }) {
    const reports: EngineReport[] = [];
    const groups = equivalentMinors(target.minors);
    for (const site of sites) {
      const views = groups.map((group) => apiServerView(site, group[0]!));
      for (const rule of rules) {
        views.forEach((view, index) => {
          rule.check({
            site,
            view,
            minor: view.minor,
            target,
            views,
            fixes,
            report: (report) => {
              for (const minor of groups[index]!) reports.push({ ...report, ruleId: rule.id, minor });
            },
          });
        });
      }
    }
    return reports;
  },
};

/** The reports of one rule at one path over all minors, before merging. */
interface Group {
  ruleId: string;
  path: PathSegment[];
  raws: EngineReport[];
}

function groupReports(reports: readonly EngineReport[]): Group[] {
  const groups = new Map<string, Group>();
  for (const report of reports) {
    const key = `${report.ruleId}\u0000${formatPath(report.path)}\u0000${report.distinctBy ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      group = { ruleId: report.ruleId, path: report.path, raws: [] };
      groups.set(key, group);
    }
    group.raws.push(report);
  }
  return [...groups.values()];
}

function mergeMessage(raws: readonly EngineReport[], allMinors: number): string {
  const byText = new Map<string, { effect: string | undefined; message: string; versions: string[] }>();
  for (const report of raws) {
    const { minor } = report;
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
function mergeFix(raws: readonly EngineReport[]): Fix | undefined {
  const first = raws[0]?.fix;
  if (!first) return undefined;
  return raws.every((report) => report.fix && sameEdits(report.fix, first)) ? first : undefined;
}

function mergeSuggestions(raws: readonly EngineReport[]): Fix[] {
  const out: Fix[] = [];
  for (const report of raws) {
    for (const suggestion of report.suggestions ?? []) {
      if (!out.some((other) => other.description === suggestion.description)) out.push(suggestion);
    }
  }
  return out;
}

/** Per settings object (callers lint many files with one and do not change it in between). */
const enabledBySettings = new WeakMap<Record<string, RuleSetting>, readonly Rule[]>();

function enabledRules(settings: Record<string, RuleSetting> | undefined): readonly Rule[] {
  if (!settings) return allRules;
  let enabled = enabledBySettings.get(settings);
  if (!enabled) {
    enabled = allRules.filter((rule) => settings[rule.id] !== 'off');
    enabledBySettings.set(settings, enabled);
  }
  return enabled;
}

function defaultSeverity(ruleId: string): Severity {
  return findRule(ruleId)?.defaultSeverity ?? 'warning';
}

function toFinding(group: Group, document: LintDocument, resource: ResourceRef, info: Resource, text: string, lines: LineIndex, target: ResolvedTarget, override: RuleSetting | undefined): Finding {
  const { raws } = group;
  const first = raws[0]!;
  const severity = override && override !== 'off'
    ? override
    : raws.map((report) => report.severity ?? defaultSeverity(group.ruleId)).reduce((a, b) => (severityRank[b] > severityRank[a] ? b : a));
  const [offset, spanEnd] = document.spanOf([...resource.resourcePath, ...group.path], first.span);
  let endOffset = spanEnd;
  // Block values end after their line break; the span ends at the last character written.
  while (endOffset > offset + 1 && /\s/.test(text[endOffset - 1]!)) endOffset--;
  const versions = [...new Set(raws.map(({ minor }) => minor.version))].sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
  const fix = mergeFix(raws);
  const suggestions = mergeSuggestions(raws);
  return {
    ruleId: group.ruleId,
    severity,
    message: mergeMessage(raws, target.minors.length),
    path: formatPath(group.path),
    ...lines.range(offset, endOffset),
    offset,
    endOffset,
    document: document.index,
    ...(resource.item === undefined ? {} : { item: resource.item }),
    versions,
    resource: info,
    ...(fix ? { fix } : {}),
    ...(suggestions.length > 0 ? { suggestions } : {}),
  };
}

/** The pod spec site a path belongs to (for its template's annotations), if any. */
function siteOfPath(sites: readonly PodSpecSite[], path: readonly PathSegment[]): PodSpecSite | undefined {
  return sites.find((site) => site.specPath.every((segment, i) => path[i] === segment)) ?? sites[0];
}

function syntaxFinding(document: LintDocument, lines: LineIndex, target: ResolvedTarget): Finding {
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
  return lintDocuments(source, readDocuments(source.text, { checkSyntax: options.checkSyntax ?? false }), options);
}

/**
 * Lints the documents of a source, read by the caller: the ESLint plugin decodes them from the
 * syntax tree ESLint already built, instead of parsing the text a second time.
 */
export function lintDocuments(source: Source, documents: DocumentSet, options: LintOptions): FileResult {
  const { text } = source;
  const lines = new LineIndex(text);
  const rules = enabledRules(options.rules);
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  let comments: CommentSuppressions | undefined;
  const commentSuppressions = () => (comments ??= new CommentSuppressions(text, (offset) => lines.position(offset).line));
  const engine = options.engine ?? coreEngine;
  for (const document of documents.parsed) {
    if (document.error) {
      if (options.rules?.[yamlSyntaxMeta.id] !== 'off') findings.push(syntaxFinding(document, lines, options.target));
      continue;
    }
    const fixes = new FixBuilder(() => document.yaml(), text.slice(document.start, document.end), document.start, []);
    for (const resource of resourcesOf(document.value)) {
      const sites = sitesOf(resource, options.podSpecPaths);
      if (sites.length === 0 && !engine.evaluatesEveryResource) continue;
      const context: EngineContext = {
        target: options.target,
        rules,
        fixes: fixes.forResource(resource.resourcePath),
        podSpecPaths: options.podSpecPaths ?? [],
      };
      const info = resourceInfo(resource.object);
      for (const group of groupReports(engine.evaluate(resource, sites, context))) {
        if (options.rules?.[group.ruleId] === 'off') continue;
        const finding = toFinding(group, document, resource, info, text, lines, options.target, options.rules?.[group.ruleId]);
        const site = siteOfPath(sites, group.path);
        const annotations = annotationSuppressions(resource.object, site?.templateMetadataPath ?? null);
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
