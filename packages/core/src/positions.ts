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

/**
 * How paths are walked in one kind of YAML tree: the yaml package's nodes here, an editor's AST in
 * the ESLint plugin. Ranges are offsets into the text the tree was built from.
 */
export interface PathTree<N, P = unknown> {
  /** The child at one path segment (a map field, through merge keys; a sequence item), or null where there is none. */
  child(node: N | null, segment: PathSegment): { node: N | null; pair: P | null; key: [number, number] | null } | null;
  range(node: N | null): [number, number] | null;
}

interface Located<N, P> {
  /** The pair holding the field, when the segment is a map key. */
  pair: P | null;
  key: [number, number] | null;
  /** The node of the value (null for `key:` with no value). */
  node: N | null;
}

/** Walks a path from a node; returns the deepest located step and how many segments it matched. */
function walk<N, P>(tree: PathTree<N, P>, root: N | null, segments: readonly PathSegment[]): { located: Located<N, P>; matched: number; trail: Located<N, P>[] } {
  const trail: Located<N, P>[] = [{ pair: null, key: null, node: root }];
  let matched = 0;
  for (const segment of segments) {
    const step = tree.child(trail[trail.length - 1]!.node, segment);
    if (!step) break;
    trail.push(step);
    matched++;
  }
  return { located: trail[trail.length - 1]!, matched, trail };
}

/**
 * Offsets of the span for a path: the value, the key through the end of its value, or, for a
 * missing field, the key of the nearest enclosing field that exists. `text` is the text the
 * tree's ranges point into.
 */
export function spanInTree<N, P>(tree: PathTree<N, P>, text: string, root: N | null, segments: readonly PathSegment[], span: Span): [number, number] {
  const { located, matched, trail } = walk(tree, root, segments);
  if (matched === segments.length && span !== 'missing') {
    const value = tree.range(located.node);
    const { key } = located;
    if (span === 'value') {
      if (value && value[1] > value[0]) return value;
      if (key) return key;
    } else if (key) {
      return [key[0], value && value[1] > key[1] ? value[1] : key[1]];
    }
    if (value) return value;
  }
  for (let i = trail.length - 1; i >= 0; i--) {
    const step = trail[i]!;
    if (step.key) return step.key;
    const value = tree.range(step.node);
    if (value && i > 0) return [value[0], Math.min(value[1], firstLineEnd(text, value[0], value[1]))];
  }
  const whole = tree.range(root) ?? [0, 0];
  return [whole[0], firstLineEnd(text, whole[0], whole[1])];
}

function resolve(doc: Document, node: unknown): Node | null {
  return ((isAlias(node) ? node.resolve(doc) : node) as Node | undefined) ?? null;
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

function nodeRange(node: Node | null | undefined): [number, number] | null {
  if (!node || !node.range) return null;
  return [node.range[0], node.range[1]];
}

/** The yaml package's nodes of a document; a step from an alias goes through its anchor's value. Ranges are offsets in the document's text. */
export function yamlTree(doc: Document): PathTree<Node, Pair<Node, Node | null>> {
  return {
    child(node, segment) {
      const current = resolve(doc, node);
      if (typeof segment === 'number') {
        if (!isSeq(current) || segment >= current.items.length) return null;
        return { node: (current.items[segment] as Node | undefined) ?? null, pair: null, key: null };
      }
      const pair = findPair(doc, current, segment);
      return pair ? { node: pair.value, pair, key: nodeRange(pair.key) } : null;
    },
    range: nodeRange,
  };
}

/** The node at a path, or undefined when the path does not exist. */
export function nodeAtPath(doc: Document, root: unknown, segments: readonly PathSegment[]): Node | null | undefined {
  const { located, matched } = walk(yamlTree(doc), resolve(doc, root), segments);
  return matched === segments.length ? located.node : undefined;
}

export function pairAtPath(doc: Document, root: unknown, segments: readonly PathSegment[]): Pair<Node, Node | null> | null {
  const { located, matched } = walk(yamlTree(doc), resolve(doc, root), segments);
  return matched === segments.length ? located.pair : null;
}

/** Offsets (relative to the document's text) of the span for a path in a yaml package document. */
export function spanOffsets(doc: Document, text: string, root: unknown, segments: readonly PathSegment[], span: Span): [number, number] {
  return spanInTree(yamlTree(doc), text, resolve(doc, root), segments, span);
}

/** End of the first line of a node, so a whole-object span stays readable. */
function firstLineEnd(text: string, start: number, end: number): number {
  const newline = text.indexOf('\n', start);
  return newline < 0 || newline > end ? end : newline;
}
