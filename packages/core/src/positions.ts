/**
 * From API server field paths to source ranges. Rules (and the Rego engine) speak in paths such as
 * `spec.template.spec.initContainers[1].restartPolicy`; this module finds the YAML node behind a
 * path, through aliases and merge keys, and turns offsets into 1-based lines and UTF-16 columns.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { Range, Span } from './types.js';

export type PathSegment = string | number;

/** Offsets of line starts, for offset -> line/column in O(log n). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low]! + 1 };
  }

  range(start: number, end: number): Range {
    const a = this.position(start);
    const b = this.position(Math.max(end, start));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
}

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `["spec", "containers", 1, "name"]` -> `spec.containers[1].name`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (identifier.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${segment}]`;
  }
  return out;
}

/** The inverse of formatPath. */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  const pattern = /([A-Za-z_][A-Za-z0-9_]*)|\[([^\]]*)\]|\./g;
  for (let match = pattern.exec(path); match !== null; match = pattern.exec(path)) {
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(/^\d+$/.test(match[2]) ? Number(match[2]) : match[2]);
  }
  return segments;
}

interface Located {
  /** The pair holding the field, when the last segment is a map key. */
  pair: Pair<Node, Node | null> | null;
  /** The node of the value (null for `key:` with no value). */
  node: Node | null;
}

function resolve(doc: Document, node: unknown): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

function keyText(key: unknown): string | null {
  if (isScalar(key)) return key.value === null ? 'null' : String(key.value);
  return null;
}

/** With `merge: true` the yaml package gives a plain `<<` key the value Symbol(<<); a quoted "<<" stays a string key. */
function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === 'symbol' && key.value.description === '<<';
}

/** Finds the pair for `key` in a map, looking through merge keys (`<<: *base`) as kubectl does. */
function findPair(doc: Document, map: unknown, key: string, depth = 0): Pair<Node, Node | null> | null {
  if (!isMap(map) || depth > 20) return null;
  let found: Pair<Node, Node | null> | null = null;
  for (const item of map.items) {
    if (isPair(item) && keyText(item.key) === key) found = item as Pair<Node, Node | null>;
  }
  if (found) return found;
  for (const item of map.items) {
    if (!isPair(item) || !isMergeKey(item.key)) continue;
    const source = resolve(doc, item.value);
    const sources = isSeq(source) ? source.items.map((s) => resolve(doc, s)) : [source];
    for (const merged of sources) {
      const pair = findPair(doc, merged, key, depth + 1);
      if (pair) return pair;
    }
  }
  return null;
}

/** Walks a path from a node; returns the deepest located step and how many segments it matched. */
function walk(doc: Document, root: unknown, segments: readonly PathSegment[]): { located: Located; matched: number; trail: Located[] } {
  let current: unknown = resolve(doc, root);
  const trail: Located[] = [{ pair: null, node: (current as Node) ?? null }];
  let matched = 0;
  for (const segment of segments) {
    let step: Located | null = null;
    if (typeof segment === 'number') {
      if (isSeq(current) && segment < current.items.length) {
        const item = current.items[segment] as Node;
        step = { pair: null, node: item };
      }
    } else {
      const pair = findPair(doc, current, segment);
      if (pair) step = { pair, node: pair.value };
    }
    if (!step) break;
    trail.push(step);
    matched++;
    current = resolve(doc, step.node);
  }
  return { located: trail[trail.length - 1]!, matched, trail };
}

/** The node at a path, or undefined when the path does not exist. */
export function nodeAtPath(doc: Document, root: unknown, segments: readonly PathSegment[]): Node | null | undefined {
  const { located, matched } = walk(doc, root, segments);
  return matched === segments.length ? located.node : undefined;
}

export function pairAtPath(doc: Document, root: unknown, segments: readonly PathSegment[]): Pair<Node, Node | null> | null {
  const { located, matched } = walk(doc, root, segments);
  return matched === segments.length ? located.pair : null;
}

function nodeRange(node: Node | null | undefined): [number, number] | null {
  if (!node || !node.range) return null;
  return [node.range[0], node.range[1]];
}

/**
 * Offsets (relative to the document's text) of the span for a path: the value, the key through
 * the end of its value, or, for a missing field, the key of the nearest enclosing field that exists.
 */
export function spanOffsets(
  doc: Document,
  text: string,
  root: unknown,
  segments: readonly PathSegment[],
  span: Span,
): [number, number] {
  const { located, matched, trail } = walk(doc, root, segments);
  if (matched === segments.length && span !== 'missing') {
    const value = nodeRange(located.node);
    const key = located.pair ? nodeRange(located.pair.key) : null;
    if (span === 'value') {
      if (value && value[1] > value[0]) return value;
      if (key) return key;
    } else if (key) {
      return [key[0], value && value[1] > key[1] ? value[1] : key[1]];
    }
    if (value) return value;
  }
  // The nearest enclosing field that exists: its key, or the item itself for a list item.
  for (let i = trail.length - 1; i >= 0; i--) {
    const step = trail[i]!;
    const key = step.pair ? nodeRange(step.pair.key) : null;
    if (key) return key;
    const value = nodeRange(step.node);
    if (value && i > 0) return [value[0], Math.min(value[1], firstLineEnd(text, value[0], value[1]))];
  }
  const whole = nodeRange(doc.contents as Node | null) ?? [0, 0];
  return [whole[0], firstLineEnd(text, whole[0], whole[1])];
}

/** End of the first line of a node, so a whole-object span stays readable. */
function firstLineEnd(text: string, start: number, end: number): number {
  const newline = text.indexOf('\n', start);
  return newline < 0 || newline > end ? end : newline;
}
