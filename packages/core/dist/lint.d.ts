import { type PodSpecPathConfig } from './discovery.js';
import { type ResolvedTarget } from './target.js';
import type { FileResult, RuleSetting, Source } from './types.js';
export interface LintOptions {
    target: ResolvedTarget;
    /** Severity overrides from config; `off` disables a rule. */
    rules?: Record<string, RuleSetting>;
    podSpecPaths?: readonly PodSpecPathConfig[];
    /** Parse every document, so syntax errors are reported even where no pod spec can be. */
    checkSyntax?: boolean;
}
/** Lints one source for the target. */
export declare function lintSource(source: Source, options: LintOptions): FileResult;
//# sourceMappingURL=lint.d.ts.map