/**
 * Splits a YAML stream into documents, decides cheaply which ones can hold a pod spec, and parses
 * only those, the way kubectl reads YAML (YAML 1.1 scalars, merge keys). CRDs, ConfigMaps and the
 * like are most of the bytes in real bundles; looking at them costs a substring search, not a parse.
 */
import { Composer, isScalar, Parser, parseDocument, YAMLParseError, type CST, type Document, type ScalarTag } from 'yaml';
import { nestingError, valueError, type LimitError } from './document-limits.js';
import { kubectlTags } from './kubectl-tags.js';
import { workloadKinds } from './generated/data.js';
import { spanOffsets, type PathSegment } from './positions.js';
import type { Span } from './types.js';

export interface RawDocument {
  /** Index of the document in the file, counting only documents with content. */
  index: number;
  /** Offsets of the document's text (from its `---` marker, if any) in the file. */
  start: number;
  end: number;
}

/**
 * A document ready to lint, however it was read: parsed here from its text, or decoded from a
 * syntax tree another parser already built (the ESLint plugin's).
 */
export interface LintDocument extends RawDocument {
  /** The document decoded as the API server decodes it (plain JSON-like values). */
  value: unknown;
  /** The first parse error, if any: the document is then reported as yaml-syntax and not checked. */
  error: { message: string; start: number; end: number } | null;
  /** File offsets of the span for a path from the document's root. */
  spanOf(segments: readonly PathSegment[], span: Span): [number, number];
  /**
   * The yaml package's document, which fixes edit (its offsets are relative to the document's
   * text). Only fixes need it, so a decoded document parses its text on first use.
   */
  yaml(): Document.Parsed;
}

// Kinds skipped on sight, whatever their group: a CRD may reuse a built-in name (Knative's Service).
const crdKindNames = new Set(workloadKinds.crds.map((entry) => entry.kind));
const nonWorkloadKinds = new Set(workloadKinds.nonWorkloadKinds.filter((kind) => !crdKindNames.has(kind)));

/** Splits at document markers (`---` or `...` at the start of a line), which YAML forbids inside content. */
export function splitDocuments(text: string): RawDocument[] {
  const boundaries: number[] = [0];
  const marker = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm;
  for (let match = marker.exec(text); match !== null; match = marker.exec(text)) {
    if (match.index !== 0) boundaries.push(match.index);
  }
  boundaries.push(text.length);
  const documents: RawDocument[] = [];
  let pendingStart = -1;
  for (let i = 0; i + 1 < boundaries.length; i++) {
    let start = boundaries[i]!;
    const end = boundaries[i + 1]!;
    if (text.startsWith('...', start)) {
      // A document end marker: what follows it (before the next ---) is a bare document, if anything.
      const lineEnd = text.indexOf('\n', start);
      start = lineEnd < 0 || lineEnd > end ? end : lineEnd + 1;
      pendingStart = -1;
    } else if (pendingStart >= 0) {
      start = pendingStart;
    }
    if (!hasContent(text, start, end)) {
      // Directives and comments before the first marker belong to the next document; an empty
      // document after a marker is dropped (merging it would make two documents of one chunk).
      if (!text.startsWith('---', start) && !text.startsWith('...', boundaries[i]!)) pendingStart = start;
      continue;
    }
    pendingStart = -1;
    documents.push({ index: documents.length, start, end });
  }
  return documents;
}

/** True when the text has something besides blank lines, comments, directives and markers. */
function hasContent(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end) {
    let lineEnd = text.indexOf('\n', i);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    let j = i;
    while (j < lineEnd && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r' || text[j] === '\uFEFF')) j++;
    if (j < lineEnd) {
      const c = text[j]!;
      const isMarker = j === i && (text.startsWith('---', j) || text.startsWith('...', j));
      if (isMarker) {
        const rest = text.slice(j + 3, lineEnd).trim();
        if (rest !== '' && !rest.startsWith('#')) return true;
      } else if (c !== '#' && !(c === '%' && j === i)) {
        return true;
      }
    }
    i = lineEnd + 1;
  }
  return false;
}

/**
 * Can this document hold a pod spec? Without the word "containers" there is no container list
 * (escaped keys in double-quoted strings are the one way to hide it, so they count as "maybe"),
 * and a known non-workload kind at the root never holds one.
 */
export function mayHoldPodSpec(text: string, start: number, end: number): boolean {
  const chunk = text.slice(start, end);
  if (!chunk.includes('ontainers') && !chunk.includes('\\')) return false;
  const kinds = chunk.match(/^kind:[ \t]*["']?([A-Za-z0-9]+)["']?[ \t]*(?:#.*)?\r?$/gm);
  if (kinds && kinds.length === 1) {
    const kind = /^kind:[ \t]*["']?([A-Za-z0-9]+)/.exec(kinds[0]!)![1]!;
    if (nonWorkloadKinds.has(kind)) return false;
  }
  return true;
}

/** A parse error's span inside its document, at least one character wide where the document has one. */
function errorSpan(message: string, raw: RawDocument, from: number, to: number): { message: string; start: number; end: number } {
  const end = Math.min(raw.end, raw.start + Math.max(to, from + 1));
  const start = Math.max(raw.start, Math.min(raw.start + from, end - 1));
  return { message, start, end };
}

const parseOptions = { version: '1.1', merge: true, uniqueKeys: false, prettyErrors: false, strict: false, customTags: kubectlTags } as const;

/** Resolution of plain scalars, as the composer does it: the first default tag whose pattern matches, else a string. */
let plainScalarTags: { tags: ScalarTag[]; options: Document.Parsed['options'] } | undefined;
const plainScalarCache = new Map<string, unknown>();
const plainScalarCacheLimit = 10_000;

/**
 * The value of a plain (unquoted, untagged, non-key-merge) scalar as kubectl reads it: YAML 1.1
 * with kubectl's tags. `source` is the scalar's text with line folding done. Undefined where the
 * yaml package would report a problem or build something other than a primitive.
 */
export function plainScalarValue(source: string): unknown {
  const cached = plainScalarCache.get(source);
  if (cached !== undefined || plainScalarCache.has(source)) return cached;
  const { tags, options } = (plainScalarTags ??= resolverFromSchema());
  const tag = tags.find((candidate) => candidate.test!.test(source));
  let value: unknown = source;
  if (tag) {
    let failed = false;
    try {
      const resolved: unknown = tag.resolve(source, () => (failed = true), options);
      value = isScalar(resolved) ? resolved.value : resolved;
    } catch {
      failed = true;
    }
    if (failed || (typeof value === 'object' && value !== null)) value = undefined;
    else if (typeof value === 'bigint') value = Number(value);
  }
  // Keys and values repeat across the files of a run; the cache keeps the regex tests off the hot path.
  if (plainScalarCache.size >= plainScalarCacheLimit) plainScalarCache.clear();
  plainScalarCache.set(source, value);
  return value;
}

/**
 * A document its caller decoded (from another parser's tree, or from a value it built), with the
 * caller's way from paths to file offsets. The yaml package's nodes, which only fixes need, come
 * from parsing the document's text on first use.
 */
export function decodedDocument(text: string, raw: RawDocument, value: unknown, spanOf: LintDocument['spanOf']): LintDocument {
  let parsed: LintDocument | undefined;
  return {
    index: raw.index,
    start: raw.start,
    end: raw.end,
    value,
    error: null,
    spanOf,
    yaml: () => (parsed ??= parseRawDocument(text, raw)).yaml(),
  };
}

/**
 * Sets a field of a decoded map as the yaml package's toJS does, for callers that decode a
 * document themselves: `__proto__` and other inherited names become own properties.
 */
export function setDecodedField(map: Record<string, unknown>, key: string, value: unknown): void {
  if (key in map) Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
  else map[key] = value;
}

function resolverFromSchema(): { tags: ScalarTag[]; options: Document.Parsed['options'] } {
  const { schema, options } = parseDocument('', parseOptions);
  const tags = schema.tags.filter((tag): tag is ScalarTag => tag.default === true && 'test' in tag && tag.test instanceof RegExp);
  return { tags, options };
}

/**
 * Parses one document of the file as kubectl would read it. The limits of document-limits.ts come
 * first: the CST is checked for depth before the (recursive) composer sees it, and the composed
 * document for duplicate keys and aliases before anything walks its value.
 */
export function parseRawDocument(text: string, raw: RawDocument): LintDocument {
  const chunk = text.slice(raw.start, raw.end);
  const tokens = [...new Parser().parse(chunk)];
  const tooDeep = nestingError(tokens);
  if (tooDeep) return failed(text, raw, parseDocument('', parseOptions), tooDeep);
  const yaml = composeOne(tokens, chunk.length);
  const limit = valueError(yaml);
  const first = yaml.errors[0];
  if (first && (!limit || first.pos[0] <= limit.offset)) {
    return failed(text, raw, yaml, { message: first.message, offset: first.pos[0], length: Math.max(first.pos[1] - first.pos[0], 1) });
  }
  if (limit) return failed(text, raw, yaml, limit);
  try {
    const value = yaml.toJS({ maxAliasCount: 1000 });
    return parsedDocument(text, raw, yaml, value, null);
  } catch (error) {
    // Unresolved aliases and the yaml package's own alias-count guard.
    const message = error instanceof Error ? error.message : String(error);
    return failed(text, raw, yaml, { message, offset: 0, length: Math.min(raw.end - raw.start, 3) });
  }
}

/** What parseDocument does, on tokens already checked: the first document, later ones an error. */
function composeOne(tokens: readonly CST.Token[], length: number): Document.Parsed {
  let doc: Document.Parsed | null = null;
  for (const next of new Composer(parseOptions).compose(tokens, true, length)) {
    if (!doc) {
      doc = next;
    } else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  return doc!;
}

function failed(text: string, raw: RawDocument, yaml: Document.Parsed, error: LimitError): LintDocument {
  return parsedDocument(text, raw, yaml, null, errorSpan(error.message, raw, error.offset, error.offset + error.length));
}

function parsedDocument(text: string, raw: RawDocument, parsed: Document.Parsed, value: unknown, error: LintDocument['error']): LintDocument {
  return {
    index: raw.index,
    start: raw.start,
    end: raw.end,
    value,
    error,
    yaml: () => parsed,
    spanOf(segments, span) {
      const [start, end] = spanOffsets(parsed, text.slice(raw.start, raw.end), parsed.contents, segments, span);
      return [raw.start + start, raw.start + end];
    },
  };
}

export interface DocumentsOptions {
  /** Parse every document, so syntax errors anywhere are reported (not only where a pod spec may be). */
  checkSyntax?: boolean;
}

export interface DocumentSet {
  total: number;
  /**
   * The documents that are parsed, one at a time as the caller iterates: a document's syntax
   * tree can be freed once it is linted, so a 50 MB file never holds all of its trees at once.
   */
  parsed: Iterable<LintDocument>;
}

export function readDocuments(text: string, options: DocumentsOptions): DocumentSet {
  const raws = splitDocuments(text);
  function* parsed(): Generator<LintDocument> {
    for (const raw of raws) {
      if (options.checkSyntax || mayHoldPodSpec(text, raw.start, raw.end)) yield parseRawDocument(text, raw);
    }
  }
  return { total: raws.length, parsed: parsed() };
}
