/**
 * Splits a YAML stream into documents, decides cheaply which ones can hold a pod spec, and parses
 * only those, the way kubectl reads YAML (YAML 1.1 scalars, merge keys). CRDs, ConfigMaps and the
 * like are most of the bytes in real bundles; looking at them costs a substring search, not a parse.
 */
import { type Document } from 'yaml';
import type { LineIndex } from './positions.js';
export interface RawDocument {
    /** Index of the document in the file, counting only documents with content. */
    index: number;
    /** Offsets of the document's text (from its `---` marker, if any) in the file. */
    start: number;
    end: number;
}
export interface ParsedDocument extends RawDocument {
    yaml: Document.Parsed;
    /** The document decoded as the API server decodes it (plain JSON-like values). */
    value: unknown;
    /** The first parse error, if any: the document is then reported as yaml-syntax and not checked. */
    error: {
        message: string;
        start: number;
        end: number;
    } | null;
}
/** Splits at document markers (`---` or `...` at the start of a line), which YAML forbids inside content. */
export declare function splitDocuments(text: string): RawDocument[];
/**
 * Can this document hold a pod spec? Without the word "containers" there is no container list
 * (escaped keys in double-quoted strings are the one way to hide it, so they count as "maybe"),
 * and a known non-workload kind at the root never holds one.
 */
export declare function mayHoldPodSpec(text: string, start: number, end: number): boolean;
/** Parses one document of the file as kubectl would read it. */
export declare function parseRawDocument(text: string, raw: RawDocument): ParsedDocument;
export interface DocumentsOptions {
    /** Parse every document, so syntax errors anywhere are reported (not only where a pod spec may be). */
    checkSyntax?: boolean;
    lines: LineIndex;
}
export interface DocumentSet {
    total: number;
    parsed: ParsedDocument[];
}
export declare function readDocuments(text: string, options: DocumentsOptions): DocumentSet;
//# sourceMappingURL=documents.d.ts.map