/**
 * What a rule is: its metadata and a check that runs on one pod spec, for one targeted minor, and
 * reports at API server field paths. The engine runs every rule on every minor and merges.
 */
import type { PodSpecSite } from './discovery.js';
import type { PathSegment } from './positions.js';
import type { MinorTarget, ResolvedTarget } from './target.js';
import type { RuleMeta, Severity, Span } from './types.js';
import type { ContainerView, PodView } from './view.js';
import type { FixBuilder, PendingFix } from './fixes.js';

export interface Report {
  path: PathSegment[];
  span: Span;
  /**
   * What the API server or the kubelet does, as a verb phrase ("Rejected", "Dropped"). When set,
   * the merged message reads "<effect> on <versions>: <detail>"; runtime advice usually leaves it out.
   */
  effect?: string;
  /** A sentence ending with a period; where it echoes the API server it quotes the API server's text. */
  message: string;
  /** Defaults to the rule's default severity. */
  severity?: Severity;
  fix?: PendingFix;
  suggestions?: PendingFix[];
}

export interface RuleContext {
  site: PodSpecSite;
  view: PodView;
  minor: MinorTarget;
  /** The whole target, for checks that need every minor ("every targeted minor supports sidecars"). */
  target: ResolvedTarget;
  /** The API server views of the same pod spec, one per group of equivalent targeted minors. */
  views: readonly PodView[];
  fixes: FixBuilder;
  report(report: Report): void;
}

export interface Rule extends RuleMeta {
  check(context: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  if (!rule.description || rule.description.endsWith('.')) throw new Error(`rule ${rule.id}: description must be a phrase without a final period`);
  return rule;
}

/** `"name"` of a container for messages, or its position when it has no name. */
export function containerLabel(container: ContainerView): string {
  return container.name !== undefined ? `"${container.name}"` : `${container.list}[${container.index}]`;
}

/** JSON-quoting as apimachinery renders values of named string types. */
export function quote(value: unknown): string {
  return JSON.stringify(value);
}
