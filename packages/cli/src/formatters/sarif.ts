/**
 * SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. Kept clean under Microsoft's SARIF
 * validator (its SARIF and GitHub rule sets): every rule gets a full descriptor, URIs are relative
 * to a declared base, and every finding carries a fingerprint that survives edits elsewhere in
 * the file, so code scanning keeps tracking an alert when lines move.
 */
import type { Finding, RuleMeta, Severity, SuppressedFinding } from '@sidecar-lint/core';
import type { Formatter, ReportContext } from './types.js';
import { absoluteFileUri, relativeUri, workspacePath, workspaceUri } from './workspace-path.js';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The uriBaseId every relative artifact URI is resolved against: the workspace root. */
const SRCROOT = 'SRCROOT';
/** Versioned, so a change of what goes into the fingerprint shows up as a new key, not as new alerts. */
const FINGERPRINT_KEY = 'sidecarLintFinding/v1';

type SarifLevel = 'error' | 'warning' | 'note';

const levels: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

/** GitHub shows problem.severity in the alert list; 'recommendation' is its word for advice. */
const problemSeverities: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'recommendation' };

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, letter: string) => letter.toUpperCase());
}

function ruleHelpUri(informationUri: string, id: string): string {
  return `${informationUri.replace(/\/$/, '')}/blob/main/docs/rules/${id}.md`;
}

function ruleDescriptor(rule: RuleMeta, context: ReportContext) {
  const fixNote =
    rule.fixable === 'fix' || rule.fixable === 'both'
      ? ' `sidecar-lint --fix` applies the certain fixes.'
      : rule.fixable === 'suggestion'
        ? ' `sidecar-lint --fix-suggestions` applies the suggested change.'
        : '';
  const helpText = `${rule.howToFix}${fixNote}`;
  const markdown = [`**${rule.id}**: ${rule.description}.`, '', rule.rationale, '', `**How to fix:** ${helpText}`];
  if (rule.example) {
    markdown.push('', 'Reported:', '', '```yaml', rule.example.bad, '```', '', 'Accepted:', '', '```yaml', rule.example.good, '```');
  }
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: `${rule.description}.` },
    fullDescription: { text: rule.rationale },
    help: { text: helpText, markdown: markdown.join('\n') },
    helpUri: ruleHelpUri(context.tool.informationUri, rule.id),
    defaultConfiguration: { level: levels[rule.defaultSeverity] },
    properties: {
      category: rule.category,
      tags: ['kubernetes', 'sidecar', rule.category],
      precision: 'very-high',
      'problem.severity': problemSeverities[rule.defaultSeverity],
    },
  };
}

function artifactLocation(file: string, cwd: string) {
  const path = workspacePath(file, cwd);
  return path.relative === null
    ? { uri: absoluteFileUri(file, cwd) }
    : { uri: relativeUri(path.relative), uriBaseId: SRCROOT };
}

/**
 * FNV-1a, 64 bits: stable across runs and platforms, and free at start-up (in the bundle a
 * node:crypto import would be loaded on every run, whatever the format).
 */
function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let index = 0; index < text.length; index++) {
    hash = ((hash ^ BigInt(text.charCodeAt(index))) * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

/**
 * What identifies a finding independently of its line: the rule, the file, the resource and the
 * field path. A resource repeated in one file is told apart by the occurrence count.
 */
function fingerprintBase(finding: Finding, uri: string): string {
  const resource = finding.resource;
  const where = finding.path === null ? `document ${finding.document}: ${finding.message}` : finding.path;
  const parts = [finding.ruleId, uri, resource?.apiVersion, resource?.kind, resource?.namespace, resource?.name, finding.item, where];
  return fnv1a64(JSON.stringify(parts));
}

function fixesOf(finding: Finding, location: ReturnType<typeof artifactLocation>) {
  if (!finding.fix) return undefined;
  return [
    {
      description: { text: finding.fix.description },
      artifactChanges: [
        {
          artifactLocation: location,
          replacements: finding.fix.edits.map((edit) => ({
            deletedRegion: { charOffset: edit.start, charLength: edit.end - edit.start },
            insertedContent: { text: edit.text },
          })),
        },
      ],
    },
  ];
}

function sarifResult(
  finding: Finding | SuppressedFinding,
  file: string,
  context: ReportContext,
  ruleIndex: ReadonlyMap<string, number>,
  seen: Map<string, number>,
) {
  const location = artifactLocation(file, context.cwd);
  const base = fingerprintBase(finding, location.uri);
  const occurrence = (seen.get(base) ?? 0) + 1;
  seen.set(base, occurrence);
  const index = ruleIndex.get(finding.ruleId);
  const fixes = fixesOf(finding, location);
  const properties: Record<string, unknown> = { versions: finding.versions, document: finding.document };
  if (finding.path !== null) properties.path = finding.path;
  if (finding.item !== undefined) properties.item = finding.item;
  if (finding.resource) properties.resource = finding.resource;
  return {
    ruleId: finding.ruleId,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: levels[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: location,
          region: {
            startLine: finding.line,
            startColumn: finding.column,
            endLine: finding.endLine,
            endColumn: finding.endColumn,
          },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: `${base}:${occurrence}` },
    ...(fixes ? { fixes } : {}),
    ...('suppression' in finding
      ? { suppressions: [{ kind: 'inSource', status: 'accepted', justification: finding.suppression.reason }] }
      : {}),
    properties,
  };
}

export const sarif: Formatter = (results, context) => {
  const ruleIndex = new Map(context.rules.map((rule, index) => [rule.id, index] as const));
  const sarifResults = [];
  for (const result of results) {
    const seen = new Map<string, number>();
    const all = [...result.findings, ...result.suppressed].sort(byPosition);
    for (const finding of all) sarifResults.push(sarifResult(finding, result.file, context, ruleIndex, seen));
  }
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: context.tool.name,
            version: context.tool.version,
            semanticVersion: context.tool.version,
            informationUri: context.tool.informationUri,
            rules: context.rules.map((rule) => ruleDescriptor(rule, context)),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: workspaceUri(context.cwd) } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function byPosition(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column;
}
