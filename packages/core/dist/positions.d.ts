/**
 * From API server field paths to source ranges. Rules (and the Rego engine) speak in paths such as
 * `spec.template.spec.initContainers[1].restartPolicy`; this module finds the YAML node behind a
 * path, through aliases and merge keys, and turns offsets into 1-based lines and UTF-16 columns.
 */
import { type Document, type Node, type Pair } from 'yaml';
import type { Range, Span } from './types.js';
export type PathSegment = string | number;
/** Offsets of line starts, for offset -> line/column in O(log n). */
export declare class LineIndex {
    private readonly starts;
    constructor(text: string);
    position(offset: number): {
        line: number;
        column: number;
    };
    range(start: number, end: number): Range;
}
/** `["spec", "containers", 1, "name"]` -> `spec.containers[1].name`. */
export declare function formatPath(segments: readonly PathSegment[]): string;
/** The inverse of formatPath. */
export declare function parsePath(path: string): PathSegment[];
/** The node at a path, or undefined when the path does not exist. */
export declare function nodeAtPath(doc: Document, root: unknown, segments: readonly PathSegment[]): Node | null | undefined;
export declare function pairAtPath(doc: Document, root: unknown, segments: readonly PathSegment[]): Pair<Node, Node | null> | null;
/**
 * Offsets (relative to the document's text) of the span for a path: the value, the key through
 * the end of its value, or, for a missing field, the key of the nearest enclosing field that exists.
 */
export declare function spanOffsets(doc: Document, text: string, root: unknown, segments: readonly PathSegment[], span: Span): [number, number];
//# sourceMappingURL=positions.d.ts.map