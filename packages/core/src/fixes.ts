/**
 * Fixes as text edits on the original source, so comments, quoting, key order and line endings stay
 * as the author wrote them. Each builder works on the YAML nodes of one document and returns
 * absolute offsets; it returns undefined when the layout is one it cannot edit with certainty.
 */
import { isMap, isScalar, isSeq, Scalar, type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { nodeAtPath, pairAtPath, type PathSegment } from './positions.js';
import type { Fix, TextEdit } from './types.js';

export type PendingFix = Fix;

export class FixBuilder {
  private readonly eol: string;

  /**
   * @param document the parsed document, asked for only when a rule builds a fix
   * @param text the document's own text (node offsets are relative to it)
   * @param base the offset of that text in the file
   * @param resourcePath from the document root to the resource (List items)
   */
  constructor(
    private readonly document: () => Document,
    private readonly text: string,
    private readonly base: number,
    private readonly resourcePath: readonly PathSegment[],
  ) {
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
  }

  /** The same builder for edits inside the resource at `resourcePath` (a List item). */
  forResource(resourcePath: readonly PathSegment[]): FixBuilder {
    return new FixBuilder(this.document, this.text, this.base, resourcePath);
  }

  private get doc(): Document {
    return this.document();
  }

  private node(path: readonly PathSegment[]): Node | null | undefined {
    return nodeAtPath(this.doc, this.doc.contents, [...this.resourcePath, ...path]);
  }

  private edit(start: number, end: number, text: string): TextEdit {
    return { start: this.base + start, end: this.base + end, text };
  }

  private lineStart(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** Offset of the end of the line holding `offset`, before its line break. */
  private lineEnd(offset: number): number {
    const newline = this.text.indexOf('\n', offset);
    const end = newline < 0 ? this.text.length : newline;
    return end > 0 && this.text[end - 1] === '\r' ? end - 1 : end;
  }

  private column(offset: number): number {
    return offset - this.lineStart(offset);
  }

  /** Replaces a scalar value, keeping its quoting style. */
  replaceScalar(path: readonly PathSegment[], value: string, description: string): PendingFix | undefined {
    const node = this.node(path);
    if (!isScalar(node) || !node.range) return undefined;
    const quoted =
      node.type === Scalar.QUOTE_DOUBLE ? JSON.stringify(value) : node.type === Scalar.QUOTE_SINGLE ? `'${value.replace(/'/g, "''")}'` : value;
    if (node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL) return undefined;
    return { description, edits: [this.edit(node.range[0], node.range[1], quoted)] };
  }

  /** Adds `key: value` to a map (a container), on its own line after the map's first one-line entry. */
  addField(mapPath: readonly PathSegment[], key: string, value: string, description: string): PendingFix | undefined {
    const map = this.node(mapPath);
    if (!isMap(map) || !map.range) return undefined;
    if (map.flow) return this.addFlowField(map, key, value, description);
    const anchorPair = map.items.find((pair) => isScalar(pair.key) && isScalar(pair.value) && this.isOneLine(pair.key, pair.value as Node));
    if (!anchorPair || !isScalar(anchorPair.key) || !anchorPair.key.range) return undefined;
    const keyStart = anchorPair.key.range[0];
    const valueEnd = (anchorPair.value as Node).range![1];
    const at = this.lineEnd(valueEnd);
    const indent = ' '.repeat(this.column(keyStart));
    return { description, edits: [this.edit(at, at, `${this.eol}${indent}${key}: ${value}`)] };
  }

  private isOneLine(key: Node, value: Node): boolean {
    if (!key.range || !value.range) return false;
    return !this.text.slice(key.range[0], value.range[1]).includes('\n');
  }

  private addFlowField(map: YAMLMap, key: string, value: string, description: string): PendingFix | undefined {
    const end = map.range![1];
    const close = this.text.lastIndexOf('}', end);
    if (close < map.range![0]) return undefined;
    const separator = map.items.length > 0 ? ', ' : '';
    return { description, edits: [this.edit(close, close, `${separator}${key}: ${value}`)] };
  }

  /**
   * Moves `containers[index]` of a pod spec into `initContainers` (created before `containers` when
   * missing) and gives it `restartPolicy: Always`: the native-sidecar form of a legacy sidecar.
   */
  moveToInitContainers(
    specPath: readonly PathSegment[],
    index: number,
    description: string,
    addRestartPolicy = true,
  ): PendingFix | undefined {
    const containers = this.node([...specPath, 'containers']);
    const containersPair = pairAtPath(this.doc, this.doc.contents, [...this.resourcePath, ...specPath, 'containers']);
    if (!isSeq(containers) || containers.flow || !containersPair || !isScalar(containersPair.key) || !containersPair.key.range) return undefined;
    const item = containers.items[index] as Node | undefined;
    if (!isMap(item) || item.flow || !item.range) return undefined;
    const itemBlock = this.itemLines(containers, index);
    if (!itemBlock) return undefined;
    const moved = addRestartPolicy ? this.withRestartPolicyAlways(item, itemBlock) : this.wholeLines(itemBlock);
    if (moved === undefined) return undefined;

    const removal = this.edit(itemBlock.start, itemBlock.end, '');
    const init = this.node([...specPath, 'initContainers']);
    if (init === undefined) {
      const keyLineStart = this.lineStart(containersPair.key.range[0]);
      const indent = ' '.repeat(this.column(containersPair.key.range[0]));
      const insertion = this.edit(keyLineStart, keyLineStart, `${indent}initContainers:${this.eol}${moved}`);
      return { description, edits: [insertion, removal] };
    }
    if (!isSeq(init) || init.flow || init.items.length === 0) return undefined;
    const last = this.itemLines(init, init.items.length - 1);
    if (!last) return undefined;
    const delta = this.dashColumn(init, 0) - this.dashColumn(containers, index);
    const reindented = reindent(moved, delta, this.eol);
    if (reindented === undefined) return undefined;
    const insertion = this.edit(last.end, last.end, reindented);
    return { description, edits: last.end <= itemBlock.start ? [insertion, removal] : [removal, insertion] };
  }

  private dashColumn(seq: YAMLSeq, index: number): number {
    const item = seq.items[index] as Node;
    const dash = this.text.lastIndexOf('-', item.range![0]);
    return this.column(dash);
  }

  /** The whole lines of a block sequence item, from the line of its dash through its line break. */
  private itemLines(seq: YAMLSeq, index: number): { start: number; end: number } | undefined {
    const item = seq.items[index] as Node | undefined;
    if (!item?.range) return undefined;
    const start = this.lineStart(item.range[0]);
    const next = seq.items[index + 1] as Node | undefined;
    let end: number;
    if (next?.range) {
      end = this.lineStart(next.range[0]);
    } else {
      const contentEnd = this.lineEnd(Math.max(item.range[0], item.range[1] - 1));
      end = this.text.startsWith('\r\n', contentEnd) ? contentEnd + 2 : this.text[contentEnd] === '\n' ? contentEnd + 1 : contentEnd;
    }
    return { start, end };
  }

  private wholeLines(block: { start: number; end: number }): string {
    const text = this.text.slice(block.start, block.end);
    return text.endsWith('\n') ? text : text + this.eol;
  }

  /** The item's lines with `restartPolicy: Always` added after its first one-line entry. */
  private withRestartPolicyAlways(item: YAMLMap, block: { start: number; end: number }): string | undefined {
    const anchorPair = item.items.find((pair) => isScalar(pair.key) && isScalar(pair.value) && this.isOneLine(pair.key, pair.value as Node));
    if (!anchorPair || !isScalar(anchorPair.key) || !anchorPair.key.range) return undefined;
    const at = this.lineEnd((anchorPair.value as Node).range![1]);
    const indent = ' '.repeat(this.column(anchorPair.key.range[0]));
    let text = this.text.slice(block.start, at) + `${this.eol}${indent}restartPolicy: Always` + this.text.slice(at, block.end);
    if (!text.endsWith('\n')) text += this.eol;
    return text;
  }
}

/** Shifts every line by `delta` spaces (negative removes), or undefined if that would eat text. */
function reindent(text: string, delta: number, eol: string): string | undefined {
  if (delta === 0) return text;
  const lines = text.split(eol);
  const out: string[] = [];
  for (const line of lines) {
    if (line === '') {
      out.push(line);
    } else if (delta > 0) {
      out.push(' '.repeat(delta) + line);
    } else {
      if (!line.startsWith(' '.repeat(-delta))) return undefined;
      out.push(line.slice(-delta));
    }
  }
  return out.join(eol);
}

/** Applies non-overlapping edits to a text (from the end, so offsets stay valid). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let limit = Number.POSITIVE_INFINITY;
  for (const edit of sorted) {
    if (edit.end > limit) continue;
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    limit = edit.start;
  }
  return out;
}

/**
 * Applies whole fixes that do not overlap one another (a fix is all its edits or none), in order.
 * Returns the new text and how many fixes were applied; callers re-lint and repeat for the rest.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: number } {
  const accepted: TextEdit[] = [];
  let applied = 0;
  const overlaps = (a: TextEdit, b: TextEdit) => a.start < b.end && b.start < a.end || (a.start === b.start && a.end === a.start && b.end === b.start);
  for (const fix of fixes) {
    if (fix.edits.some((edit) => accepted.some((other) => overlaps(edit, other)))) continue;
    accepted.push(...fix.edits);
    applied++;
  }
  return { text: applyEdits(text, accepted), applied };
}
