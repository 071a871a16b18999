/**
 * Fixes as text edits on the original source, so comments, quoting, key order and line endings stay
 * as the author wrote them. Each builder works on the YAML nodes of one document and returns
 * absolute offsets; it returns undefined when the layout is one it cannot edit with certainty.
 */
import { type Document } from 'yaml';
import { type PathSegment } from './positions.js';
import type { Fix, TextEdit } from './types.js';
export type PendingFix = Fix;
export declare class FixBuilder {
    private readonly doc;
    private readonly text;
    private readonly base;
    private readonly resourcePath;
    private readonly eol;
    /**
     * @param doc the parsed document
     * @param text the document's own text (node offsets are relative to it)
     * @param base the offset of that text in the file
     * @param resourcePath from the document root to the resource (List items)
     */
    constructor(doc: Document, text: string, base: number, resourcePath: readonly PathSegment[]);
    private node;
    private edit;
    private lineStart;
    /** Offset of the end of the line holding `offset`, before its line break. */
    private lineEnd;
    private column;
    /** Replaces a scalar value, keeping its quoting style. */
    replaceScalar(path: readonly PathSegment[], value: string, description: string): PendingFix | undefined;
    /** Adds `key: value` to a map (a container), on its own line after the map's first one-line entry. */
    addField(mapPath: readonly PathSegment[], key: string, value: string, description: string): PendingFix | undefined;
    private isOneLine;
    private addFlowField;
    /**
     * Moves `containers[index]` of a pod spec into `initContainers` (created before `containers` when
     * missing) and gives it `restartPolicy: Always`: the native-sidecar form of a legacy sidecar.
     */
    moveToInitContainers(specPath: readonly PathSegment[], index: number, description: string, addRestartPolicy?: boolean): PendingFix | undefined;
    private dashColumn;
    /** The whole lines of a block sequence item, from the line of its dash through its line break. */
    private itemLines;
    private wholeLines;
    /** The item's lines with `restartPolicy: Always` added after its first one-line entry. */
    private withRestartPolicyAlways;
}
/** Applies non-overlapping edits to a text (from the end, so offsets stay valid). */
export declare function applyEdits(text: string, edits: readonly TextEdit[]): string;
/**
 * Applies whole fixes that do not overlap one another (a fix is all its edits or none), in order.
 * Returns the new text and how many fixes were applied; callers re-lint and repeat for the rest.
 */
export declare function applyFixes(text: string, fixes: readonly Fix[]): {
    text: string;
    applied: number;
};
//# sourceMappingURL=fixes.d.ts.map