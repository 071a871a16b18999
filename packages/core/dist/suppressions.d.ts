/**
 * Suppressions written in the manifest: annotations on the resource or its pod template
 * (`ignore.sidecar-lint.io/<rule-id>: "<reason>"`, `.../all`) and YAML comments
 * (`# sidecar-lint-disable-next-line <rule-id>[, <rule-id>] -- reason`, `-disable-line`,
 * `# sidecar-lint-disable <rule-id>` ... `# sidecar-lint-enable`).
 */
import { type JsonObject } from './discovery.js';
import type { PathSegment } from './positions.js';
export declare const annotationPrefix = "ignore.sidecar-lint.io/";
export interface Suppression {
    kind: 'annotation' | 'comment';
    reason: string;
}
/** Suppressing annotations of a resource and of the pod template at `templateMetadataPath`. */
export declare function annotationSuppressions(object: JsonObject, templateMetadataPath: readonly PathSegment[] | null): Map<string, string>;
export declare function suppressedByAnnotation(annotations: Map<string, string>, ruleId: string): Suppression | null;
/** All comment suppressions of a file, as line ranges (1-based, inclusive). */
export declare class CommentSuppressions {
    private readonly entries;
    constructor(text: string, lineOf: (offset: number) => number);
    match(ruleId: string, line: number): Suppression | null;
}
//# sourceMappingURL=suppressions.d.ts.map