/**
 * Suppressions written in the manifest: annotations on the resource or its pod template
 * (`ignore.sidecar-lint.io/<rule-id>: "<reason>"`, `.../all`) and YAML comments
 * (`# sidecar-lint-disable-next-line <rule-id>[, <rule-id>] -- reason`, `-disable-line`,
 * `# sidecar-lint-disable <rule-id>` ... `# sidecar-lint-enable`).
 */
import { isObject, valueAt, type JsonObject } from './discovery.js';
import type { PathSegment } from './positions.js';

export const annotationPrefix = 'ignore.sidecar-lint.io/';

export interface Suppression {
  kind: 'annotation' | 'comment';
  reason: string;
}

/** Suppressing annotations of a resource and of the pod template at `templateMetadataPath`. */
export function annotationSuppressions(object: JsonObject, templateMetadataPath: readonly PathSegment[] | null): Map<string, string> {
  const found = new Map<string, string>();
  const collect = (metadata: unknown) => {
    if (!isObject(metadata) || !isObject(metadata['annotations'])) return;
    for (const [key, value] of Object.entries(metadata['annotations'])) {
      if (key.startsWith(annotationPrefix)) found.set(key.slice(annotationPrefix.length), typeof value === 'string' ? value : String(value));
    }
  };
  collect(object['metadata']);
  if (templateMetadataPath) collect(valueAt(object, templateMetadataPath));
  return found;
}

export function suppressedByAnnotation(annotations: Map<string, string>, ruleId: string): Suppression | null {
  const reason = annotations.get(ruleId) ?? annotations.get('all');
  return reason === undefined ? null : { kind: 'annotation', reason: reason || `${annotationPrefix}${annotations.has(ruleId) ? ruleId : 'all'}` };
}

interface CommentRule {
  /** Rule ids, or null for every rule. */
  rules: Set<string> | null;
  reason: string;
  fromLine: number;
  toLine: number;
}

const directive = /#\s*sidecar-lint-(disable-next-line|disable-line|disable|enable)\b([^\n\r]*)/g;

function parseDirectiveBody(body: string): { rules: Set<string> | null; reason: string } {
  const [list = '', ...reasonParts] = body.split('--');
  const ids = list.split(',').map((id) => id.trim()).filter(Boolean);
  return { rules: ids.length > 0 ? new Set(ids) : null, reason: reasonParts.join('--').trim() };
}

/** All comment suppressions of a file, as line ranges (1-based, inclusive). */
export class CommentSuppressions {
  private readonly entries: CommentRule[] = [];

  constructor(text: string, lineOf: (offset: number) => number) {
    if (!text.includes('sidecar-lint-')) return;
    const open: Array<{ rules: Set<string> | null; reason: string; fromLine: number }> = [];
    for (let match = directive.exec(text); match !== null; match = directive.exec(text)) {
      const line = lineOf(match.index);
      const { rules, reason } = parseDirectiveBody(match[2] ?? '');
      const why = reason || `sidecar-lint-${match[1]} comment`;
      switch (match[1]) {
        case 'disable-next-line':
          this.entries.push({ rules, reason: why, fromLine: line + 1, toLine: line + 1 });
          break;
        case 'disable-line':
          this.entries.push({ rules, reason: why, fromLine: line, toLine: line });
          break;
        case 'disable':
          open.push({ rules, reason: why, fromLine: line });
          break;
        case 'enable':
          for (let i = open.length - 1; i >= 0; i--) {
            const block = open[i]!;
            const closes = rules === null || (block.rules !== null && [...block.rules].every((id) => rules.has(id)));
            if (closes) {
              this.entries.push({ ...block, toLine: line });
              open.splice(i, 1);
            }
          }
          break;
      }
    }
    directive.lastIndex = 0;
    for (const block of open) this.entries.push({ ...block, toLine: Number.POSITIVE_INFINITY });
  }

  match(ruleId: string, line: number): Suppression | null {
    for (const entry of this.entries) {
      if (line >= entry.fromLine && line <= entry.toLine && (entry.rules === null || entry.rules.has(ruleId))) {
        return { kind: 'comment', reason: entry.reason };
      }
    }
    return null;
  }
}
