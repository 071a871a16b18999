/**
 * The documents of a YAML file, read from the syntax tree ESLint already has (yaml-eslint-parser's
 * AST) instead of parsing the text a second time, which was most of the plugin's cost.
 *
 * The split into documents and the cheap pod-spec pre-filter are the core's, so both front doors
 * see the same documents. A document is decoded from the tree only when it stays inside a plain
 * subset whose meaning is the same in the tree and in the core's reading (YAML 1.1 with kubectl's
 * tags): maps with scalar keys, sequences, scalars. Anything else (anchors, aliases, tags, merge
 * keys, directives, duplicate keys once read as YAML 1.1, empty sequence items, deep nesting) makes
 * the core parse that document's text as the CLI does. Fixes need the yaml package's nodes, so a
 * decoded document is parsed only when a rule builds a fix.
 */
import {
  decodedDocument,
  mayHoldPodSpec,
  parseRawDocument,
  plainScalarValue,
  setDecodedField,
  spanInTree,
  splitDocuments,
  type DocumentSet,
  type LintDocument,
  type PathTree,
  type RawDocument,
} from '@sidecar-lint/core';

/** The parts of yaml-eslint-parser's AST read here. */
export interface YamlAstNode {
  type: string;
  range: [number, number];
}
interface YamlAstScalar extends YamlAstNode {
  type: 'YAMLScalar';
  style: 'plain' | 'double-quoted' | 'single-quoted' | 'literal' | 'folded';
  /** Plain and quoted scalars: the text with folding and escapes done, before tags are resolved. */
  strValue?: string;
  /** Quoted and block scalars: their string. */
  value: unknown;
}
interface YamlAstPair extends YamlAstNode {
  key: YamlAstNode | null;
  value: YamlAstNode | null;
}
interface YamlAstMapping extends YamlAstNode {
  type: 'YAMLMapping';
  pairs: YamlAstPair[];
}
interface YamlAstSequence extends YamlAstNode {
  type: 'YAMLSequence';
  entries: Array<YamlAstNode | null>;
}
export interface YamlAstDocument extends YamlAstNode {
  directives: unknown[];
  content: YamlAstNode | null;
}
export interface YamlAstProgram extends YamlAstNode {
  body: YamlAstDocument[];
}

const isScalar = (node: YamlAstNode | null): node is YamlAstScalar => node?.type === 'YAMLScalar';
const isMapping = (node: YamlAstNode | null): node is YamlAstMapping => node?.type === 'YAMLMapping';
const isSequence = (node: YamlAstNode | null): node is YamlAstSequence => node?.type === 'YAMLSequence';

/** Outside the plain subset: the core parses the document instead. */
const outside = Symbol('outside the plain subset');

/** Deeper documents go to the core, which applies its exact nesting limit. */
const maxDecodedDepth = 64;

function scalarValue(node: YamlAstScalar): unknown {
  if (node.style !== 'plain') return typeof node.value === 'string' ? node.value : outside;
  const value = plainScalarValue(node.strValue!);
  return value === undefined ? outside : value;
}

/** A map key as the yaml package keeps it (the scalar's value), or `outside`. */
function keyValue(pair: YamlAstPair): unknown {
  if (!isScalar(pair.key)) return outside;
  const key = scalarValue(pair.key);
  // A plain `<<` merges maps in YAML 1.1; any spelling of it is left to the core.
  return key === '<<' ? outside : key;
}

/** The value of a node, the way the yaml package's toJS builds it for the core. */
function decode(node: YamlAstNode | null, depth: number): unknown {
  if (node === null) return null;
  if (isScalar(node)) return scalarValue(node);
  if (depth >= maxDecodedDepth) return outside;
  if (isSequence(node)) {
    const items: unknown[] = [];
    for (const entry of node.entries) {
      if (entry === null) return outside;
      const item = decode(entry, depth + 1);
      if (item === outside) return outside;
      items.push(item);
    }
    return items;
  }
  if (isMapping(node)) {
    const map: Record<string, unknown> = {};
    const keys = new Set<unknown>();
    for (const pair of node.pairs) {
      const key = keyValue(pair);
      if (key === outside) return outside;
      // Keys equal once read as YAML 1.1 (`yes` and `true`) are the core's duplicate-key error.
      if (!(typeof key === 'number' && Number.isNaN(key))) {
        if (keys.has(key)) return outside;
        keys.add(key);
      }
      const value = decode(pair.value, depth + 1);
      if (value === outside) return outside;
      setDecodedField(map, key === null ? '' : String(key), value);
    }
    return map;
  }
  return outside;
}

/** Path segments over the tree; keys compare as the core's positions do (a null key is "null"). */
const astTree: PathTree<YamlAstNode, YamlAstPair> = {
  child(node, segment) {
    if (typeof segment === 'number') {
      if (!isSequence(node) || segment >= node.entries.length) return null;
      return { node: node.entries[segment] ?? null, pair: null, key: null };
    }
    if (!isMapping(node)) return null;
    let found: YamlAstPair | null = null;
    for (const pair of node.pairs) {
      if (!isScalar(pair.key)) continue;
      const key = scalarValue(pair.key);
      if ((key === null ? 'null' : String(key)) === segment) found = pair;
    }
    if (!found) return null;
    return { node: found.value ?? emptyValue(found), pair: found, key: found.key!.range };
  },
  range: (node) => node?.range ?? null,
};

/**
 * `key:` has no value node in this tree; the yaml package gives it an empty scalar where the value
 * would start. The pair's end is that place up to spaces, which spans trim.
 */
function emptyValue(pair: YamlAstPair): YamlAstNode {
  return { type: 'YAMLEmptyValue', range: [pair.range[1], pair.range[1]] };
}

/** The tree's document whose content starts inside each of the core's documents (null: none, or more than one). */
function contentByDocument(raws: readonly RawDocument[], program: YamlAstProgram): Map<RawDocument, YamlAstNode | null> {
  const out = new Map<RawDocument, YamlAstNode | null>();
  let r = 0;
  // A tree of another shape (another parser in the yml/yaml slot) leaves every document to the core.
  for (const document of Array.isArray(program.body) ? program.body : []) {
    const content = document.content;
    if (content === null) continue;
    while (r < raws.length && raws[r]!.end <= content.range[0]) r++;
    const raw = raws[r];
    if (!raw || content.range[0] < raw.start) continue;
    out.set(raw, out.has(raw) || document.directives.length > 0 ? null : content);
  }
  return out;
}

/** The value of a document's content, or null where it is outside the plain subset and the core must parse it. */
export function decodeContent(content: YamlAstNode): { value: unknown } | null {
  const value = decode(content, 0);
  return value === outside ? null : { value };
}

/** The documents the core lints, decoded from the tree where they can be. */
export function documentsFromAst(text: string, program: YamlAstProgram): DocumentSet {
  const raws = splitDocuments(text);
  function* documents(): Generator<LintDocument> {
    const contents = contentByDocument(raws, program);
    for (const raw of raws) {
      if (!mayHoldPodSpec(text, raw.start, raw.end)) continue;
      const content = contents.get(raw);
      const decoded = content ? decodeContent(content) : null;
      yield decoded ? decodedDocument(text, raw, decoded.value, (segments, span) => spanInTree(astTree, text, content!, segments, span)) : parseRawDocument(text, raw);
    }
  }
  return { total: raws.length, parsed: documents() };
}
