/**
 * Runs the core on what a TypeScript site statically builds. The known object is written out as
 * JSON (which the core reads like YAML), remembering for every offset which key or value, and so
 * which AST node, it came from; the core's findings are mapped back through those offsets. Nothing
 * of the core's pipeline is re-implemented: discovery, the API server view, the rules, merging over
 * versions and annotation suppressions are the same as for a manifest.
 *
 * Unknown values are never guessed: when a site has unknowns, the core runs once for each of a few
 * representative stand-ins (absent, each restart policy, another string, a number, a boolean, an
 * object, a list), and only the findings every run agrees on (same rule, path and message) are kept.
 */
import { formatPath, lintSource, type Finding, type PodSpecPathConfig, type ResolvedTarget } from '@sidecar-lint/core';

type PathSegment = string | number;
import { hasUnknown, type Node, type ObjectEntry, type StaticValue } from './static-value.js';

type StandIn = { absent: true } | { json: string };

const standIns: StandIn[] = [
  { absent: true },
  { json: '"Always"' },
  { json: '"Never"' },
  { json: '"OnFailure"' },
  { json: '"sidecar-lint-unknown"' },
  { json: '0' },
  { json: 'true' },
  { json: '{}' },
  { json: '[]' },
];

interface Mark {
  path: PathSegment[];
  /** Which part of an entry starts at this offset. */
  part: 'key' | 'value';
  entry: ObjectEntry | undefined;
  value: StaticValue;
}

export interface NodeFinding {
  finding: Finding;
  node: Node;
}

/** The JSON text of a static value and the marks of its keys and values. */
export class JsonImage {
  private text = '';
  readonly marks = new Map<number, Mark>();

  constructor(value: StaticValue, private readonly standIn: StandIn) {
    this.write(value, [], undefined);
  }

  get json(): string {
    return this.text;
  }

  /** False when the value is left out (undefined, or an absent stand-in). */
  private present(value: StaticValue): boolean {
    return value.kind !== 'undefined' && !(value.kind === 'unknown' && 'absent' in this.standIn);
  }

  private write(value: StaticValue, path: PathSegment[], entry: ObjectEntry | undefined): void {
    if (!this.marks.has(this.text.length)) this.marks.set(this.text.length, { path, part: 'value', entry, value });
    switch (value.kind) {
      case 'scalar':
        this.text += JSON.stringify(value.value);
        return;
      case 'undefined':
        this.text += 'null';
        return;
      case 'unknown':
        this.text += 'absent' in this.standIn ? 'null' : this.standIn.json;
        return;
      case 'array':
        this.text += '[';
        value.items.forEach((item, index) => {
          if (index > 0) this.text += ',';
          this.write(item, [...path, index], undefined);
        });
        this.text += ']';
        return;
      case 'object': {
        this.text += '{';
        let first = true;
        for (const child of value.entries) {
          if (!this.present(child.value)) continue;
          if (!first) this.text += ',';
          first = false;
          const childPath = [...path, child.key];
          this.marks.set(this.text.length, { path: childPath, part: 'key', entry: child, value: child.value });
          this.text += `${JSON.stringify(child.key)}:`;
          this.write(child.value, childPath, child);
        }
        this.text += '}';
      }
    }
  }

  /** The AST node behind a finding: the entry, the value, or the key of the nearest field that exists. */
  nodeOf(finding: Finding, fallback: Node): Node {
    const mark = this.marks.get(finding.offset);
    if (!mark) return fallback;
    if (mark.part === 'key') {
      if (!mark.entry) return fallback;
      return finding.path === formatPath(mark.path) ? mark.entry.entryNode : mark.entry.keyNode;
    }
    return mark.entry ? mark.entry.valueNode : mark.value.node;
  }
}

function key(finding: Finding): string {
  return `${finding.ruleId}\u0000${finding.path}\u0000${finding.severity}\u0000${finding.message}`;
}

export interface ResourceLintOptions {
  target: ResolvedTarget;
  podSpecPaths: readonly PodSpecPathConfig[];
  /** Rules not to run (ESLint has them off). */
  rules?: Record<string, 'off'>;
  uri: string;
}

/** The findings for one site's object that hold whatever its unknown values are. */
export function lintResource(resource: StaticValue, fallback: Node, options: ResourceLintOptions): NodeFinding[] {
  const variants = hasUnknown(resource) ? standIns : standIns.slice(0, 1);
  let kept: Map<string, NodeFinding> | undefined;
  for (const standIn of variants) {
    const image = new JsonImage(resource, standIn);
    const result = lintSource({ uri: options.uri, text: image.json }, { target: options.target, podSpecPaths: options.podSpecPaths, rules: options.rules ?? {} });
    const found = new Map<string, NodeFinding>();
    for (const finding of result.findings) found.set(key(finding), { finding, node: image.nodeOf(finding, fallback) });
    if (!kept) {
      kept = found;
    } else {
      for (const id of [...kept.keys()]) if (!found.has(id)) kept.delete(id);
    }
    if (kept.size === 0) break;
  }
  return [...(kept?.values() ?? [])];
}
