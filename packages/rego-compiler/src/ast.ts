// The Rego syntax tree.

export interface Loc { file: string; row: number; col: number }

export type Term =
  | { type: "null"; loc: Loc }
  | { type: "boolean"; value: boolean; loc: Loc }
  | { type: "number"; value: string; loc: Loc }
  | { type: "string"; value: string; loc: Loc }
  | { type: "var"; name: string; loc: Loc }
  | { type: "ref"; head: Term; path: Term[]; loc: Loc }
  | { type: "array"; items: Term[]; loc: Loc }
  | { type: "object"; items: [Term, Term][]; loc: Loc }
  | { type: "set"; items: Term[]; loc: Loc }
  | { type: "arraycomp"; term: Term; body: Literal[]; loc: Loc }
  | { type: "setcomp"; term: Term; body: Literal[]; loc: Loc }
  | { type: "objectcomp"; key: Term; value: Term; body: Literal[]; loc: Loc }
  | { type: "call"; fn: Term; args: Term[]; loc: Loc }
  // infix operators are calls to the named built-in; "=" and ":=" only at a literal's top
  | { type: "op"; op: string; args: Term[]; loc: Loc };

export interface With { target: Term; value: Term; loc: Loc }

export type Expr =
  | { type: "term"; term: Term }
  | { type: "unify"; left: Term; right: Term }
  | { type: "assign"; left: Term; right: Term }
  | { type: "some"; vars: Term[] }
  | { type: "somein"; key: Term | null; value: Term; coll: Term }
  | { type: "every"; key: Term | null; value: Term; coll: Term; body: Literal[] };

export interface Literal { expr: Expr; negated: boolean; with: With[]; loc: Loc }

export interface RuleHead {
  ref: Term[]; // first is a var (the rule name), the rest the ref's path
  args: Term[] | null; // functions
  key: Term | null; // "contains" member
  value: Term | null;
  assign: boolean;
  contains: boolean;
}

export interface Rule {
  head: RuleHead;
  body: Literal[];
  bodyGiven: boolean;
  default: boolean;
  else: Rule | null;
  loc: Loc;
  module: Module;
}

export interface Import { path: Term; alias: string | null; loc: Loc }

export interface Module {
  file: string;
  pkg: string[];
  pkgLoc: Loc;
  imports: Import[];
  rules: Rule[];
}

export class RegoError extends Error {
  constructor(public code: string, message: string, public loc?: Loc) {
    super(loc ? `${loc.file}:${loc.row}:${loc.col}: ${code}: ${message}` : `${code}: ${message}`);
  }
}
