/** Every rule, in the order of the rule table. Adding a rule means adding its file here. */
import type { Rule } from '../rule.js';
import type { RuleMeta } from '../types.js';
export declare const rules: readonly Rule[];
/** The parser's own finding: metadata like a rule (SARIF, --list-rules), but no check. */
export declare const yamlSyntaxMeta: RuleMeta;
export declare const ruleMetas: readonly RuleMeta[];
export declare function findRule(id: string): RuleMeta | undefined;
//# sourceMappingURL=index.d.ts.map