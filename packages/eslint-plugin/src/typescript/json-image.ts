/**
 * What a TypeScript site statically builds, written out as JSON (which the core reads like YAML),
 * remembering for every offset which key or value, and so which AST node, it came from.
 *
 * The image also hands the core its document already decoded, with the ranges of every key and
 * value, so the JSON is not parsed again for every site and stand-in. The decoded value is exactly
 * what the core reads from the JSON text (numbers and the like go through the core's own YAML 1.1
 * scalar reading); where that is not certain (duplicate keys, strings with rare characters) the
 * image leaves the parse to the core.
 */
import {
  decodedDocument,
  formatPath,
  mayHoldPodSpec,
  parseRawDocument,
  plainScalarValue,
  setDecodedField,
  spanInTree,
  type DocumentSet,
  type Finding,
  type PathSegment,
  type PathTree,
} from '@sidecar-lint/core';
import type { Node, ObjectEntry, StaticValue } from './static-value.js';

/** A value for an unknown: absent, or the JSON of a representative value. */
export type StandIn = { absent: true } | { json: string };

interface Mark {
  path: PathSegment[];
  /** Which part of an entry starts at this offset. */
  part: 'key' | 'value';
  entry: ObjectEntry | undefined;
  value: StaticValue;
}

/** A key or value of the image: its range in the JSON text, and its fields or items. */
interface ImageNode {
  range: [number, number];
  fields?: Map<string, { key: [number, number]; node: ImageNode }>;
  items?: ImageNode[];
}

/** The core's reading of the image, or `uncertain`. */
const uncertain = Symbol('left to the core');

/**
 * Strings taken as written: printable, without the characters YAML 1.1 counts as line breaks or
 * byte order marks (U+0085, U+2028, U+2029, U+FEFF) and without surrogates. The yaml package reads
 * the others back unchanged too (the tests check some), but they are rare in manifests, so they are
 * left to the core's parse rather than trusted.
 */
const plainText = /^[\x20-\x7E\u00A0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFF]*$/;

const imageTree: PathTree<ImageNode, null> = {
  child(node, segment) {
    if (typeof segment === 'number') {
      const item = node?.items?.[segment];
      return item ? { node: item, pair: null, key: null } : null;
    }
    const field = node?.fields?.get(segment);
    return field ? { node: field.node, pair: null, key: field.key } : null;
  },
  range: (node) => node?.range ?? null,
};

export class JsonImage {
  private text = '';
  readonly marks = new Map<number, Mark>();
  private readonly decoded: { value: unknown; root: ImageNode } | null;

  constructor(value: StaticValue, private readonly standIn: StandIn) {
    const { node, value: decoded } = this.write(value, [], undefined);
    this.decoded = decoded === uncertain ? null : { value: decoded, root: node };
  }

  get json(): string {
    return this.text;
  }

  /** The image as the core's documents: one, decoded where that is certain, parsed by the core otherwise. */
  documents(): DocumentSet {
    const text = this.text;
    const raw = { index: 0, start: 0, end: text.length };
    // The core's pre-filter, as for any text: without "containers" there is nothing to lint.
    if (!mayHoldPodSpec(text, 0, text.length)) return { total: 1, parsed: [] };
    if (!this.decoded) return { total: 1, parsed: [parseRawDocument(text, raw)] };
    const { value, root } = this.decoded;
    return { total: 1, parsed: [decodedDocument(text, raw, value, (segments, span) => spanInTree(imageTree, text, root, segments, span))] };
  }

  /** False when the value is left out (undefined, or an absent stand-in). */
  private present(value: StaticValue): boolean {
    return value.kind !== 'undefined' && !(value.kind === 'unknown' && 'absent' in this.standIn);
  }

  /** Appends a JSON token; returns its range and the core's reading of it. */
  private token(json: string, value: unknown): { node: ImageNode; value: unknown } {
    const start = this.text.length;
    this.text += json;
    return { node: { range: [start, this.text.length] }, value };
  }

  private scalar(value: string | number | boolean | null): { node: ImageNode; value: unknown } {
    const json = JSON.stringify(value);
    if (typeof value === 'string') return this.token(json, plainText.test(value) ? value : uncertain);
    // A JSON number, boolean or null is a plain YAML scalar (1e+21 is a string to YAML 1.1).
    const read = plainScalarValue(json);
    return this.token(json, read === undefined ? uncertain : read);
  }

  private standInValue(json: string): { node: ImageNode; value: unknown } {
    if (json.startsWith('"')) return this.scalar(JSON.parse(json) as string);
    if (json === '{}') return { node: { ...this.token(json, null).node, fields: new Map() }, value: {} };
    if (json === '[]') return { node: { ...this.token(json, null).node, items: [] }, value: [] };
    return this.scalar(JSON.parse(json) as number | boolean);
  }

  private write(value: StaticValue, path: PathSegment[], entry: ObjectEntry | undefined): { node: ImageNode; value: unknown } {
    if (!this.marks.has(this.text.length)) this.marks.set(this.text.length, { path, part: 'value', entry, value });
    switch (value.kind) {
      case 'scalar':
        return this.scalar(value.value);
      case 'undefined':
        return this.token('null', null);
      case 'unknown':
        return 'absent' in this.standIn ? this.token('null', null) : this.standInValue(this.standIn.json);
      case 'array': {
        const start = this.text.length;
        this.text += '[';
        const items: ImageNode[] = [];
        const values: unknown[] = [];
        let exact = true;
        value.items.forEach((item, index) => {
          if (index > 0) this.text += ',';
          const written = this.write(item, [...path, index], undefined);
          items.push(written.node);
          values.push(written.value);
          if (written.value === uncertain) exact = false;
        });
        this.text += ']';
        return { node: { range: [start, this.text.length], items }, value: exact ? values : uncertain };
      }
      case 'object': {
        const start = this.text.length;
        this.text += '{';
        const fields = new Map<string, { key: [number, number]; node: ImageNode }>();
        const object: Record<string, unknown> = {};
        let exact = true;
        let first = true;
        for (const child of value.entries) {
          if (!this.present(child.value)) continue;
          if (!first) this.text += ',';
          first = false;
          const childPath = [...path, child.key];
          const keyStart = this.text.length;
          this.marks.set(keyStart, { path: childPath, part: 'key', entry: child, value: child.value });
          this.text += JSON.stringify(child.key);
          const keyRange: [number, number] = [keyStart, this.text.length];
          this.text += ':';
          const written = this.write(child.value, childPath, child);
          // A key written twice is the core's duplicate-key error.
          if (fields.has(child.key) || !plainText.test(child.key) || written.value === uncertain) exact = false;
          fields.set(child.key, { key: keyRange, node: written.node });
          setDecodedField(object, child.key, written.value);
        }
        this.text += '}';
        return { node: { range: [start, this.text.length], fields }, value: exact ? object : uncertain };
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
