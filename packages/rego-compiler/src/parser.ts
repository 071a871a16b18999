// Recursive-descent parser for Rego v1.
import { RegoError, type Expr, type Import, type Literal, type Loc, type Module, type Rule, type RuleHead, type Term, type With } from "./ast.js";
import { lex, type Token } from "./lexer.js";

const KEYWORDS = new Set(["if", "else", "contains", "some", "every", "not", "with", "as", "in", "default", "import", "package"]);
const RELATIONS = new Map([["==", "equal"], ["!=", "neq"], ["<", "lt"], ["<=", "lte"], [">", "gt"], [">=", "gte"]]);
const AND = new Map([["&", "and"]]);
const ARITH = new Map([["+", "plus"], ["-", "minus"]]);
const FACTOR = new Map([["*", "mul"], ["/", "div"], ["%", "rem"]]);

class Parser {
  private p = 0;
  private nest = 0;
  constructor(private toks: Token[], private file: string) {}

  private raw(): Token { return this.toks[this.p]!; }
  /** Whether the token after t (which was just consumed) is '.', '[' or '(' written right after it. */
  adjacentRefOrCall(t: Token): boolean {
    const n = this.toks[this.toks.indexOf(t) + 1];
    return !!n && n.kind === "punct" && (n.text === "." || n.text === "[" || n.text === "(") && n.loc.row === t.loc.row && n.loc.col === t.loc.col + t.text.length;
  }
  private kw(t: Token, w: string): boolean {
    if (t.kind !== "ident" || t.text !== w) return false;
    const n = this.toks[this.toks.indexOf(t) + 1];
    return !(n && n.kind === "punct" && (n.text === "." || n.text === "[" || n.text === "(") && n.loc.row === t.loc.row && n.loc.col === t.loc.col + t.text.length);
  }
  private peek(off = 0): Token {
    let i = this.p;
    for (;;) {
      const t = this.toks[i]!;
      if (t.kind === "nl" && this.nest > 0) { i++; continue; }
      if (off === 0) return t;
      off--; i++;
    }
  }
  private next(): Token {
    if (this.nest > 0) this.skipNl();
    return this.toks[this.p++]!;
  }
  skipNl(): void { while (this.toks[this.p]!.kind === "nl") this.p++; }
  private is(text: string): boolean { const t = this.peek(); return (t.kind === "punct" || t.kind === "ident") && t.text === text; }
  private accept(text: string): boolean { if (this.is(text)) { this.next(); return true; } return false; }
  err(msg: string, t: Token = this.peek()): never {
    const got = t.kind === "eof" ? "end of file" : t.kind === "nl" ? "newline" : JSON.stringify(t.text);
    throw new RegoError("rego_parse_error", `${msg}, got ${got}`, t.loc);
  }
  private expect(text: string, what = `expected ${JSON.stringify(text)}`): Token {
    if (!this.is(text)) this.err(what);
    return this.next();
  }
  private withNest<T>(d: number, f: () => T): T {
    const s = this.nest;
    this.nest = d;
    try { return f(); } finally { this.nest = s; }
  }

  module(): Module {
    this.skipNl();
    const pt = this.expect("package", "expected package declaration");
    const pkgRef = this.term();
    const pkg = refToPath(pkgRef);
    if (!pkg) this.err("invalid package path");
    const mod: Module = { file: this.file, pkg, pkgLoc: pt.loc, imports: [], rules: [] };
    this.endOfStatement();
    for (;;) {
      this.skipNl();
      const t = this.peek();
      if (t.kind === "eof") break;
      // import.x and default.x are rules named after keywords, not statements
      if (this.kw(t, "import")) {
        this.next();
        const path = this.term();
        let alias: string | null = null;
        if (this.accept("as")) {
          const a = this.next();
          if (a.kind !== "ident") this.err("expected import alias", a);
          alias = a.text;
        }
        mod.imports.push({ path, alias, loc: t.loc });
        this.endOfStatement();
        continue;
      }
      mod.rules.push(...this.rule(mod));
      this.endOfStatement();
    }
    return mod;
  }

  private endOfStatement(): void {
    const t = this.raw();
    if (t.kind === "nl" || t.kind === "eof") return;
    if (t.kind === "punct" && t.text === ";") { this.p++; return; }
    this.err("expected end of statement (newline)", t);
  }

  private rule(mod: Module): Rule[] {
    const start = this.peek();
    let isDefault = false;
    if (this.kw(start, "default")) { this.next(); isDefault = true; }
    const nameTok = this.next();
    if (nameTok.kind !== "ident") this.err("expected rule name", nameTok);
    const ref: Term[] = [{ type: "var", name: nameTok.text, loc: nameTok.loc }];
    for (;;) {
      const t = this.raw();
      if (t.kind === "punct" && t.text === ".") {
        this.p++;
        const id = this.next();
        if (id.kind !== "ident") this.err("expected name after '.'", id);
        ref.push({ type: "string", value: id.text, loc: id.loc });
      } else if (t.kind === "punct" && t.text === "[") {
        this.p++;
        const k = this.withNest(1, () => { const k = this.expr(); this.expect("]"); return k; });
        ref.push(k);
      } else break;
    }
    let args: Term[] | null = null;
    if (this.raw().kind === "punct" && this.raw().text === "(") {
      this.p++;
      args = this.withNest(1, () => this.termList(")"));
    }
    const head: RuleHead = { ref, args, key: null, value: null, assign: false, contains: false };
    if (this.accept("contains")) {
      head.contains = true;
      head.key = this.expr();
    } else if (this.is(":=") || this.is("=")) {
      head.assign = this.next().text === ":=";
      head.value = this.expr();
    }
    const rule: Rule = { head, body: [], bodyGiven: false, default: isDefault, else: null, loc: start.loc, module: mod };
    if (isDefault) {
      if (!head.value) this.err("default rules must have a value");
      return [rule];
    }
    if (!head.value && !head.contains && ref.length === 1 && !this.is("if") && !this.is("{")) this.err("expected rule value or body");
    this.ruleBody(rule);
    // else chain
    let cur = rule;
    for (;;) {
      const save = this.p;
      this.skipNl();
      if (!this.kw(this.peek(), "else")) { this.p = save; break; }
      if (head.contains || (!args && ref.length > 1 && ref.some((t, i) => i > 0 && t.type !== "string"))) this.err("else keyword cannot be used on multi-value rules");
      const et = this.next();
      const eh: RuleHead = { ref, args, key: null, value: null, assign: false, contains: false };
      if (this.is(":=") || this.is("=")) { eh.assign = this.next().text === ":="; eh.value = this.expr(); }
      const er: Rule = { head: eh, body: [], bodyGiven: false, default: false, else: null, loc: et.loc, module: mod };
      this.ruleBody(er);
      cur.else = er;
      cur = er;
    }
    return [rule];
  }

  private ruleBody(rule: Rule): void {
    if (this.accept("if")) {
      rule.bodyGiven = true;
      if (this.is("{")) {
        // "if {k: v | ...}" is an object comprehension as the one literal, not a body in braces
        const save = this.p;
        try { rule.body = this.braceBody(); } catch (e) {
          if (!(e instanceof RegoError)) throw e;
          this.p = save;
          try { rule.body = [this.literal()]; } catch { throw e; }
        }
      } else rule.body = [this.literal()];
    } else if (this.raw().kind === "punct" && this.raw().text === "{") {
      rule.bodyGiven = true;
      rule.body = this.braceBody();
    }
  }

  braceBody(): Literal[] {
    this.expect("{");
    return this.withNest(0, () => {
      const lits = this.literals("}");
      this.expect("}");
      return lits;
    });
  }

  literals(end: string | null): Literal[] {
    const out: Literal[] = [];
    for (;;) {
      while (this.raw().kind === "nl" || (this.raw().kind === "punct" && this.raw().text === ";")) this.p++;
      const t = this.raw();
      if (t.kind === "eof" || (end !== null && t.kind === "punct" && t.text === end)) break;
      out.push(this.literal());
      const a = this.raw();
      if (a.kind === "nl" || a.kind === "eof" || (a.kind === "punct" && (a.text === ";" || a.text === end))) continue;
      this.err("expected end of expression");
    }
    if (out.length === 0) this.err("found empty body");
    return out;
  }

  literal(): Literal {
    const t = this.peek();
    let negated = false;
    let expr: Expr;
    if (this.kw(t, "some")) {
      this.next();
      const first = this.termNoIn();
      if (this.is(",")) {
        const vars = [first];
        while (this.accept(",")) vars.push(this.termNoIn());
        if (this.accept("in")) {
          if (vars.length !== 2) this.err("expected one or two terms before 'in'");
          expr = { type: "somein", key: vars[0]!, value: vars[1]!, coll: this.termNoIn() };
        } else {
          for (const v of vars) if (v.type !== "var") throw new RegoError("rego_parse_error", "expected var in some declaration", v.loc);
          expr = { type: "some", vars };
        }
      } else if (this.accept("in")) {
        expr = { type: "somein", key: null, value: first, coll: this.termNoIn() };
      } else {
        if (first.type !== "var") throw new RegoError("rego_parse_error", "expected var in some declaration", first.loc);
        expr = { type: "some", vars: [first] };
      }
    } else if (this.kw(t, "every")) {
      this.next();
      const first = this.termNoIn();
      let key: Term | null = null, value = first;
      if (this.accept(",")) { key = first; value = this.termNoIn(); }
      this.expect("in", "expected 'in' after every variables");
      const coll = this.termNoIn();
      const body = this.braceBody();
      expr = { type: "every", key, value, coll, body };
    } else {
      if (this.kw(t, "not")) { this.next(); negated = true; }
      const left = this.parseIn(false, true);
      if (false) {
        expr = { type: "term", term: left };
      } else if (this.is(":=") || this.is("=")) {
        const op = this.next().text;
        const right = this.expr();
        expr = op === ":=" ? { type: "assign", left, right } : { type: "unify", left, right };
      } else expr = { type: "term", term: left };
    }
    const withs: With[] = [];
    while (this.withFollows()) {
      const w = this.next();
      const target = this.termNoIn();
      this.expect("as", "expected 'as' in with modifier");
      const value = this.termNoIn();
      withs.push({ target, value, loc: w.loc });
    }
    return { expr, negated, with: withs, loc: t.loc };
  }

  /** A `with` continues the literal, also on the next line (it cannot start one). */
  private withFollows(): boolean {
    if (this.is("with")) return true;
    let i = this.p;
    while (this.toks[i]!.kind === "nl") i++;
    const t = this.toks[i]!;
    // a next line starting with the ref with.x (a rule named with) is a new literal
    if (i === this.p || !this.kw(t, "with")) return false;
    this.p = i;
    return true;
  }

  // ---- terms ----------------------------------------------------------------
  expr(): Term { return this.parseIn(false); }
  termNoIn(): Term { return this.parseIn(true); }
  term(): Term { return this.postfix(); }

  parseIn(noIn: boolean, kv = false): Term {
    let l = this.parseRel();
    if (kv && this.is(",")) {
      const save = this.p;
      this.next();
      const v = this.parseRel();
      if (this.is("in")) {
        const it = this.next();
        l = { type: "op", op: "internal.member_3", args: [l, v, this.parseRel()], loc: it.loc };
      } else this.p = save;
    }
    while (!noIn && this.is("in")) {
      const t = this.next();
      const r = this.parseRel();
      l = { type: "op", op: "internal.member_2", args: [l, r], loc: t.loc };
    }
    return l;
  }
  private parseRel(): Term {
    return this.leftAssociative(RELATIONS, () => this.parseOr());
  }
  private parseOr(): Term {
    let l = this.parseAnd();
    while (this.is("|") && this.nest >= 0 && !this.inCompHead) {
      const t = this.next();
      l = { type: "op", op: "or", args: [l, this.parseAnd()], loc: t.loc };
    }
    return l;
  }
  inCompHead = false;
  private parseAnd(): Term {
    return this.leftAssociative(AND, () => this.parseArith());
  }
  private parseArith(): Term {
    return this.leftAssociative(ARITH, () => this.parseFactor());
  }
  private parseFactor(): Term {
    return this.leftAssociative(FACTOR, () => this.unary());
  }
  /** One precedence level of left-associative operators (those in `ops`) between operands. */
  private leftAssociative(ops: ReadonlyMap<string, string>, operand: () => Term): Term {
    let l = operand();
    for (;;) {
      const t = this.peek();
      const op = t.kind === "punct" ? ops.get(t.text) : undefined;
      if (!op) return l;
      this.next();
      l = { type: "op", op, args: [l, operand()], loc: t.loc };
    }
  }
  private unary(): Term {
    const t = this.peek();
    if (t.kind === "punct" && t.text === "-") {
      const n = this.peek(1);
      if (n.kind === "number" && n.loc.row === t.loc.row && n.loc.col === t.loc.col + 1) {
        this.next();
        this.next();
        return this.postfixOf({ type: "number", value: "-" + n.text, loc: t.loc });
      }
      this.next();
      const x = this.unary();
      return { type: "op", op: "minus", args: [{ type: "number", value: "0", loc: t.loc }, x], loc: t.loc };
    }
    return this.postfix();
  }

  private termList(end: string): Term[] {
    const out: Term[] = [];
    if (this.accept(end)) return out;
    for (;;) {
      out.push(this.expr());
      if (this.accept(",")) { if (this.accept(end)) return out; continue; }
      this.expect(end, `expected ',' or '${end}'`);
      return out;
    }
  }

  private postfix(): Term { return this.postfixOf(this.primary()); }

  private postfixOf(base: Term): Term {
    let cur = base;
    for (;;) {
      const t = this.nest > 0 ? this.peek() : this.raw();
      if (t.kind !== "punct") return cur;
      const adj = true;
      if (t.text === "." && adj) {
        this.next();
        const id = this.next();
        if (id.kind !== "ident") this.err("expected name after '.'", id);
        cur = appendRef(cur, { type: "string", value: id.text, loc: id.loc });
      } else if (t.text === "[") {
        this.next();
        const k = this.withNest(1, () => { const k = this.expr(); this.expect("]"); return k; });
        cur = appendRef(cur, k);
      } else if (t.text === "(" && (cur.type === "var" || cur.type === "ref")) {
        this.next();
        const args = this.withNest(1, () => this.termList(")"));
        cur = { type: "call", fn: cur, args, loc: cur.loc };
      } else return cur;
    }
  }

  private primary(): Term {
    const t = this.next();
    switch (t.kind) {
      case "number": return { type: "number", value: t.text, loc: t.loc };
      case "string": return { type: "string", value: t.value!, loc: t.loc };
      case "ident": {
        if ((t.text === "true" || t.text === "false" || t.text === "null") && this.adjacentRefOrCall(t)) return { type: "var", name: t.text, loc: t.loc };
        if (t.text === "true" || t.text === "false") return { type: "boolean", value: t.text === "true", loc: t.loc };
        if (t.text === "null") return { type: "null", loc: t.loc };
        if (t.text === "set" && this.raw().kind === "punct" && this.raw().text === "(" && this.toks[this.p + 1]?.text === ")") {
          this.p += 2;
          return { type: "set", items: [], loc: t.loc };
        }
        if (KEYWORDS.has(t.text) && !this.adjacentRefOrCall(t)) this.err("unexpected keyword", t);
        return { type: "var", name: t.text, loc: t.loc };
      }
      case "punct": {
        if (t.text === "(") {
          return this.withNest(1, () => { const e = this.parseIn(false, true); this.expect(")"); return e; });
        }
        if (t.text === "[") {
          return this.withNest(1, () => {
            if (this.accept("]")) return { type: "array", items: [], loc: t.loc } as Term;
            const first = this.exprNoOr();
            if (this.is("|")) {
              this.next();
              const body = this.compBody("]");
              return { type: "arraycomp", term: first, body, loc: t.loc } as Term;
            }
            const items = [first];
            while (this.accept(",")) { if (this.is("]")) break; items.push(this.expr()); }
            this.expect("]", "expected ',' or ']'");
            return { type: "array", items, loc: t.loc } as Term;
          });
        }
        if (t.text === "{") {
          return this.withNest(1, () => {
            if (this.accept("}")) return { type: "object", items: [], loc: t.loc } as Term;
            const first = this.exprNoOr();
            if (this.accept(":")) {
              const v = this.exprNoOr();
              if (this.is("|")) {
                this.next();
                const body = this.compBody("}");
                return { type: "objectcomp", key: first, value: v, body, loc: t.loc } as Term;
              }
              const items: [Term, Term][] = [[first, v]];
              while (this.accept(",")) {
                if (this.is("}")) break;
                const k = this.expr();
                this.expect(":", "expected ':' in object");
                items.push([k, this.expr()]);
              }
              this.expect("}", "expected ',' or '}'");
              return { type: "object", items, loc: t.loc } as Term;
            }
            if (this.is("|")) {
              this.next();
              const body = this.compBody("}");
              return { type: "setcomp", term: first, body, loc: t.loc } as Term;
            }
            const items = [first];
            while (this.accept(",")) { if (this.is("}")) break; items.push(this.expr()); }
            this.expect("}", "expected ',' or '}'");
            return { type: "set", items, loc: t.loc } as Term;
          });
        }
        break;
      }
    }
    this.err("expected term", t);
  }

  private exprNoOr(): Term {
    const s = this.inCompHead;
    this.inCompHead = true;
    try { return this.expr(); } finally { this.inCompHead = s; }
  }

  private compBody(end: string): Literal[] {
    return this.withNest(0, () => {
      const lits = this.literals(end);
      this.expect(end);
      return lits;
    });
  }
}

function appendRef(t: Term, k: Term): Term {
  if (t.type === "ref") return { type: "ref", head: t.head, path: [...t.path, k], loc: t.loc };
  return { type: "ref", head: t, path: [k], loc: t.loc };
}

export function refToPath(t: Term): string[] | null {
  if (t.type === "var") return [t.name];
  if (t.type !== "ref" || t.head.type !== "var") return null;
  const out = [t.head.name];
  for (const p of t.path) {
    if (p.type !== "string") return null;
    out.push(p.value);
  }
  return out;
}

export function parseModule(src: string, file: string): Module {
  const p = new Parser(lex(src, file), file);
  return p.module();
}

export function parseQuery(src: string, file = "query"): Literal[] {
  const p = new Parser(lex(src, file), file);
  return p.literals(null);
}

export function parseTerm(src: string, file = "term"): Term {
  const p = new Parser(lex(src, file), file);
  p.skipNl();
  return p.expr();
}
export type { Import, Loc };
