/** Shared types of the sidecar-lint core. Every front door (CLI, ESLint, cdk8s, Rego host) speaks these. */
export type Severity = 'error' | 'warning' | 'info';
export type RuleSetting = Severity | 'off';
export type FieldValidation = 'strict' | 'warn';
/** A text to lint. `uri` is only echoed back; the core never reads files. */
export interface Source {
    uri: string;
    text: string;
}
/** 1-based lines and columns; columns in UTF-16 code units; `endColumn` exclusive (as ESLint). */
export interface Range {
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
}
/** Replace `text.slice(start, end)` with `text`. Offsets are UTF-16 offsets into the source text. */
export interface TextEdit {
    start: number;
    end: number;
    text: string;
}
/** A fix (certain) or a suggestion (changes behaviour): a description and the edits that make it. */
export interface Fix {
    description: string;
    edits: TextEdit[];
}
export interface Resource {
    apiVersion: string | null;
    kind: string | null;
    name: string | null;
    namespace: string | null;
}
/**
 * How a finding's range is taken from its path: the value (a bad value), the key through the end of
 * its value (a field that must not be there), or the key of the nearest enclosing field that exists
 * (a missing field).
 */
export type Span = 'value' | 'entry' | 'missing';
export interface Finding {
    ruleId: string;
    severity: Severity;
    message: string;
    /** API server field path from the root of the object (of the List item), or null for yaml-syntax. */
    path: string | null;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    /** Start and end UTF-16 offsets of the range, for editors and fixers. */
    offset: number;
    endOffset: number;
    /** Index of the YAML document in the file. */
    document: number;
    /** Index in a List's `items`, when the resource is a List item. */
    item?: number;
    /** The targeted minors where the finding holds, e.g. ["1.31", "1.32"]. */
    versions: string[];
    resource: Resource | null;
    fix?: Fix;
    suggestions?: Fix[];
}
export interface SuppressedFinding extends Finding {
    /** Why it was suppressed: the annotation or comment that did it, with the reason given there. */
    suppression: {
        kind: 'annotation' | 'comment';
        reason: string;
    };
}
export interface FileResult {
    file: string;
    findings: Finding[];
    suppressed: SuppressedFinding[];
    documents: number;
}
export type RuleCategory = 'syntax' | 'api' | 'runtime' | 'advice';
/** Rule metadata: drives --list-rules, the README table, SARIF descriptors, ESLint meta and docs. */
export interface RuleMeta {
    id: string;
    defaultSeverity: Severity;
    category: RuleCategory;
    /** One sentence, no trailing period. */
    description: string;
    /** A paragraph: why it matters and what the API server or kubelet does. */
    rationale: string;
    /** How to fix it, one or two sentences. */
    howToFix: string;
    /** `fix` when the rule offers certain fixes, `suggestion` when it offers behaviour-changing ones. */
    fixable: 'fix' | 'suggestion' | 'both' | null;
    /** A minimal manifest fragment that triggers the rule, for the docs. */
    example?: {
        bad: string;
        good: string;
    };
}
//# sourceMappingURL=types.d.ts.map