/**
 * @sidecar-lint/cdk8s: a cdk8s-cli validation plugin. `cdk8s synth` runs it on the synthesized
 * manifests; each finding names its rule, resource, manifest, field path (our dotted form) and,
 * where the static reading of the app's TypeScript finds it, the source line. Errors fail the synth
 * (cdk8s exits 2); warnings and infos are reported without failing it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Validation, ValidationContext, ValidationViolatingResource } from 'cdk8s-cli/plugins';
import { findRule, formatVersions, lintSource, type Finding } from '@sidecar-lint/core';
import { docsUrl, targetFromSettings, type SidecarLintSettings } from '@sidecar-lint/eslint-plugin';
import { appSourceFiles, SourceLines } from './source-lines.js';

export interface SidecarLintProperties extends SidecarLintSettings {
  /** Look up TypeScript source lines in the app's folder (default true). */
  sourceLines?: boolean;
}

interface Located {
  manifest: string;
  finding: Finding;
  source: string | undefined;
}

function violationKey(finding: Finding): string {
  return `${finding.ruleId}\u0000${finding.severity}\u0000${finding.message}`;
}

export class SidecarLintValidation implements Validation {
  private readonly properties: SidecarLintProperties;

  constructor(properties: SidecarLintProperties = {}) {
    this.properties = properties;
  }

  async validate(context: ValidationContext): Promise<void> {
    const { sourceLines = true, ...settings } = this.properties;
    const target = targetFromSettings({ 'sidecar-lint': settings });
    if (!target.ok) {
      context.report.addViolation({
        ruleName: 'sidecar-lint-properties',
        recommendation: `Invalid sidecar-lint properties in cdk8s.yaml: ${target.message}`,
        fix: 'https://github.com/sidecar-lint/sidecar-lint/blob/main/docs/cdk8s.md',
        violatingResources: [],
      });
      context.report.submit('failure');
      return;
    }
    const root = process.cwd();
    let lines: SourceLines | undefined;
    const located: Located[] = [];
    for (const manifest of context.manifests) {
      const text = fs.readFileSync(manifest, 'utf8');
      const result = lintSource({ uri: manifest, text }, { target: target.target, podSpecPaths: target.podSpecPaths });
      for (const finding of result.findings) {
        let source: string | undefined;
        const name = finding.resource?.name;
        if (sourceLines && name) {
          lines ??= new SourceLines(appSourceFiles(root), root);
          source = lines.locate(context.metadata[name]?.path, finding.resource?.kind ?? null, finding.path);
        }
        located.push({ manifest, finding, source });
      }
    }
    const groups = new Map<string, Located[]>();
    for (const entry of located) {
      const key = violationKey(entry.finding);
      groups.set(key, [...(groups.get(key) ?? []), entry]);
    }
    for (const group of groups.values()) {
      const { finding } = group[0]!;
      const meta = findRule(finding.ruleId);
      context.report.addViolation({
        ruleName: `sidecar-lint/${finding.ruleId}`,
        // The same sentence as the ESLint plugin's message.
        recommendation: `${finding.message} Severity ${finding.severity} on Kubernetes ${formatVersions(finding.versions)}.`,
        fix: `${meta?.howToFix ?? ''} ${docsUrl(finding.ruleId)}`.trim(),
        violatingResources: group.map(({ manifest, finding: each, source }): ValidationViolatingResource => ({
          resourceName: each.resource?.name ?? 'N/A',
          manifestPath: path.relative(root, manifest) || manifest,
          locations: [`${each.path ?? '(document)'} (line: ${each.line}:${each.column})${source ? ` at ${source}` : ''}`],
        })),
      });
    }
    const count = (severity: Finding['severity']) => located.filter(({ finding }) => finding.severity === severity).length;
    const errors = count('error');
    context.report.submit(errors > 0 ? 'failure' : 'success', {
      Kubernetes: formatVersions(target.target.minors.map((minor) => minor.version)),
      Errors: String(errors),
      Warnings: String(count('warning')),
    });
  }
}
