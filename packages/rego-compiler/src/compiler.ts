// From parsed modules to a wasm module: name resolution, rule indexing,
// conflict checks, body ordering for safety, and code generation.
import { RegoError, type Expr, type Literal, type Loc, type Module, type Rule, type Term } from "./ast.js";
import { parseModule, parseQuery, parseTerm } from "./parser.js";
import { Code, link, RuntimeModule, type FuncDef, Op } from "./wasm.js";
import { builtinArity, runtimeName, SDK_BUILTINS, operandMasks, maskText, TYPE_NAMES } from "./builtins.js";
import { readFileSync } from "node:fs";

export interface SourceModule { file: string; source: string }
export interface CompileOptions {
  modules: SourceModule[] | Record<string, string>;
  /** Entrypoints as data paths, "a/b" or "data.a.b". */
  entrypoints?: string[];
  /** A query; its variables' bindings are the result set. Entrypoint name "query". */
  query?: string;
  /** Extra host built-ins (name -> arity) that the host provides. */
  builtins?: Record<string, number>;
  /**
   * Built-in errors, like OPA's `strict-builtin-errors`: true raises every one (operand types and
   * others, e.g. substring's negative offset); false makes every one undefined, as OPA does by
   * default. Unset: operand type errors raise, other built-in errors are undefined.
   */
  strictBuiltinErrors?: boolean;
}
export interface CompileResult { wasm: Uint8Array; entrypoints: Record<string, number>; builtins: Record<string, number> }

let RT: RuntimeModule | null = null;
function runtime(): RuntimeModule {
  if (!RT) RT = new RuntimeModule(readFileSync(new URL("./runtime.wasm", import.meta.url)));
  return RT;
}

let HEAP_BASE = -1;
/** The runtime's static memory ends at __heap_base, which can be past its last data segment. */
function heapBase(rt: RuntimeModule): number {
  if (HEAP_BASE >= 0) return HEAP_BASE;
  const bytes = readFileSync(new URL("./runtime.wasm", import.meta.url));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const WA = (globalThis as any).WebAssembly;
  const memory = new WA.Memory({ initial: 64 });
  const nop = () => 0;
  const env: Record<string, unknown> = { memory, opa_abort: nop, opa_builtin0: nop, opa_builtin1: nop, opa_builtin2: nop, opa_builtin3: nop, opa_builtin4: nop };
  const inst = new WA.Instance(new WA.Module(bytes), { env });
  HEAP_BASE = (inst.exports.rt_heap_base as () => number)();
  void rt;
  return HEAP_BASE;
}

type Kind = "complete" | "set" | "object" | "func";
interface Group { key: string; path: string[]; kind: Kind; rules: Rule[]; defaults: Rule[]; arity: number; fn?: number; cache?: number; ovr?: number; merged?: number }

/** A function or built-in that some `with` replaces: which replacement is active, and its dispatcher. */
interface Mock { mode: number; val: number; arity: number; dispatch: number; repls: number[] }

interface ModCtx { mod: Module; pkgPath: string[]; imports: Map<string, string[]>; ruleNames: Set<string> }

const ROOTS = new Set(["data", "input"]);

/** Where a run-time error happened, as OPA writes it (file:row, no column). */
function locText(loc: Loc): string { return `${loc.file}:${loc.row}: `; }

function err(code: string, msg: string, loc?: Loc): never { throw new RegoError(code, msg, loc); }

// ---- static helpers ---------------------------------------------------------

function isScalar(t: Term): boolean { return t.type === "null" || t.type === "boolean" || t.type === "number" || t.type === "string"; }

function numText(s: string): string {
  let t = s;
  if (t.startsWith(".")) t = "0" + t;
  if (t.startsWith("-.")) t = "-0" + t.slice(1);
  return t;
}

function constText(t: Term): string | null {
  switch (t.type) {
    case "null": return "null";
    case "boolean": return String(t.value);
    case "number": return numText(t.value);
    case "string": return JSON.stringify(t.value);
    case "array": {
      const p = t.items.map(constText);
      return p.includes(null) ? null : `[${p.join(",")}]`;
    }
    case "set": {
      if (t.items.length === 0) return "set()";
      const p = t.items.map(constText);
      return p.includes(null) ? null : `{${p.join(",")}}`;
    }
    case "object": {
      const p = t.items.map(([k, v]) => { const a = constText(k), b = constText(v); return a === null || b === null ? null : `${a}:${b}`; });
      return p.includes(null) ? null : `{${p.join(",")}}`;
    }
    default: return null;
  }
}

/** Vars of a term, not descending into comprehension bodies unless deep. */
function termVars(t: Term, out: Set<string>, deep: boolean): void {
  switch (t.type) {
    case "var": if (t.name !== "_") out.add(t.name); return;
    case "ref": termVars(t.head, out, deep); for (const p of t.path) termVars(p, out, deep); return;
    case "array": case "set": for (const x of t.items) termVars(x, out, deep); return;
    case "object": for (const [k, v] of t.items) { termVars(k, out, deep); termVars(v, out, deep); } return;
    case "call": termVars(t.fn, out, deep); for (const a of t.args) termVars(a, out, deep); return;
    case "op": for (const a of t.args) termVars(a, out, deep); return;
    case "arraycomp": case "setcomp":
      if (deep) { termVars(t.term, out, deep); bodyVars(t.body, out); }
      return;
    case "objectcomp":
      if (deep) { termVars(t.key, out, deep); termVars(t.value, out, deep); bodyVars(t.body, out); }
      return;
  }
}
function exprVars(e: Expr, out: Set<string>, deep: boolean): void {
  switch (e.type) {
    case "term": termVars(e.term, out, deep); return;
    case "unify": case "assign": termVars(e.left, out, deep); termVars(e.right, out, deep); return;
    case "some": for (const v of e.vars) termVars(v, out, deep); return;
    case "somein": if (e.key) termVars(e.key, out, deep); termVars(e.value, out, deep); termVars(e.coll, out, deep); return;
    case "every": if (e.key) termVars(e.key, out, deep); termVars(e.value, out, deep); termVars(e.coll, out, deep); if (deep) bodyVars(e.body, out); return;
  }
}
function bodyVars(b: Literal[], out: Set<string>): void {
  for (const l of b) { exprVars(l.expr, out, true); for (const w of l.with) termVars(w.value, out, true); }
}

// ---- the compiler -------------------------------------------------------------

interface Entry { name: string; kind: "path" | "query"; path?: string[]; query?: Literal[]; fn: number }

export class Compiler {
  rt = runtime();
  groups = new Map<string, Group>();
  // prefix key -> groups below it
  modules: Module[] = [];
  funcs: FuncDef[] = [];
  work: (() => void)[] = [];
  nglobals = 0;
  G_INPUT: number;
  G_DATA: number;
  consts = new Map<string, number>();
  constList: { g: number; text: string }[] = [];
  data: number[] = [];
  dataBase: number;
  strAddrs = new Map<string, number>();
  hostBuiltins = new Map<string, number>();
  customBuiltins: Record<string, number>;
  strict: boolean | undefined;
  caches: number[] = [];
  overrides: number[] = [];
  docFns = new Map<string, number>();
  clearFn = -1;
  resetFn = -1;
  /** Names `with` replaces: the full text of each target and its last segment. */
  mockNames = new Set<string>();
  mocks = new Map<string, Mock>();
  builtinWrappers = new Map<string, number>();
  /** Builds that must wait until every other function is known. */
  late: (() => void)[] = [];

  constructor(opts: CompileOptions) {
    this.customBuiltins = opts.builtins ?? {};
    this.strict = opts.strictBuiltinErrors;
    this.dataBase = (Math.max(this.rt.dataEnd, heapBase(this.rt)) + 15) & ~15;
    this.G_INPUT = this.global();
    this.G_DATA = this.global();
  }

  global(): number { return this.rt.nglobals + this.nglobals++; }

  /** Address of a NUL-terminated string in the data segment. */
  cstr(s: string): number {
    let a = this.strAddrs.get(s);
    if (a !== undefined) return a;
    a = this.dataBase + this.data.length;
    const b = new TextEncoder().encode(s);
    for (const x of b) this.data.push(x);
    this.data.push(0);
    this.strAddrs.set(s, a);
    return a;
  }
  constGlobal(text: string): number {
    let g = this.consts.get(text);
    if (g === undefined) {
      g = this.global();
      this.consts.set(text, g);
      this.constList.push({ g, text });
    }
    return g;
  }

  newFunc(name: string, nparams: number, nresults: number, build: (c: Code) => void): number {
    const idx = this.rt.firstNewFunc + this.funcs.length;
    const def: FuncDef = { name, nparams, nresults, code: new Code(nparams) };
    this.funcs.push(def);
    this.work.push(() => build(def.code));
    return idx;
  }
  rtf(name: string): number { return this.rt.func(name); }

  addModules(mods: Module[]): void {
    this.modules.push(...mods);
    for (const mod of mods) {
      const ctx = this.modCtx(mod);
      for (const r of mod.rules) {
        const { path, dyn } = this.rulePath(ctx, r);
        const h = r.head;
        let kind: Kind;
        if (h.args) kind = "func";
        else if (h.contains) kind = dyn.length > 0 ? "object" : "set";
        else kind = dyn.length > 0 ? "object" : "complete";
        const key = JSON.stringify(path);
        let g = this.groups.get(key);
        if (!g) {
          g = { key, path, kind, rules: [], defaults: [], arity: h.args ? h.args.length : 0 };
          this.groups.set(key, g);
        } else if (g.kind !== kind) {
          if (!(r.default && g.kind === "complete" && kind === "complete"))
            err("rego_type_error", `conflicting rules ${path.join(".")} found`, r.loc);
        } else if (kind === "func" && g.arity !== h.args!.length) {
          err("rego_type_error", `conflicting rules ${path.join(".")} found`, r.loc);
        }
        if (r.default) {
          if (g.defaults.length > 0) err("rego_type_error", `multiple default rules ${path.join(".")} found`, r.loc);
          g.defaults.push(r);
        } else g.rules.push(r);
        (r as RuleX).ctx = ctx;
        (r as RuleX).dyn = dyn;
      }
    }
    // a complete rule (or function) cannot have rules below it
    const keys = [...this.groups.values()];
    for (const g of keys) {
      if (g.kind !== "complete" && g.kind !== "func") continue;
      for (const o of keys) {
        if (o !== g && o.path.length > g.path.length && g.path.every((s, i) => o.path[i] === s))
          err("rego_type_error", `rule ${g.path.join(".")} conflicts with [${o.path.join(".")}]`, (g.rules[0] ?? g.defaults[0])!.loc);
      }
    }
  }

  modCtx(mod: Module): ModCtx {
    const imports = new Map<string, string[]>();
    for (const im of mod.imports) {
      const p = refPath(im.path);
      if (!p) err("rego_parse_error", "invalid import path", im.loc);
      if (p[0] === "rego" || p[0] === "future") continue;
      if (p[0] !== "data" && p[0] !== "input") err("rego_parse_error", `invalid import ${p.join(".")}: must begin with data or input`, im.loc);
      const alias = im.alias ?? p[p.length - 1]!;
      imports.set(alias, p);
    }
    const ruleNames = new Set<string>();
    for (const r of mod.rules) ruleNames.add((r.head.ref[0] as { name: string }).name);
    return { mod, pkgPath: ["data", ...mod.pkg], imports, ruleNames };
  }

  rulePath(ctx: ModCtx, r: Rule): { path: string[]; dyn: Term[] } {
    const ref = r.head.ref;
    const path = [...ctx.pkgPath, (ref[0] as { name: string }).name];
    let i = 1;
    for (; i < ref.length; i++) {
      const t = ref[i]!;
      if (t.type !== "string") break;
      path.push(t.value);
    }
    const dyn = ref.slice(i);
    // in "p[x] := v" the last dynamic is the key; for "p.q.r := v" there is none
    if (dyn.length === 0 && !r.head.args && !r.head.contains && ref.length > 1 && !r.head.value) {
      // "p.q.r if ..." : complete rule with value true
    }
    return { path, dyn };
  }

  groupAt(path: string[]): Group | undefined { return this.groups.get(JSON.stringify(path)); }
  groupsUnder(path: string[]): Group[] {
    const out: Group[] = [];
    for (const g of this.groups.values())
      if (g.kind !== "func" && g.path.length > path.length && path.every((s, i) => g.path[i] === s)) out.push(g);
    return out;
  }
  /** The names one level below path that rules or packages define. */
  childNames(path: string[]): string[] {
    const out = new Set<string>();
    const take = (p: string[]): void => { if (p.length > path.length && path.every((s, i) => p[i] === s)) out.add(p[path.length]!); };
    for (const g of this.groups.values()) take(g.path);
    for (const m of this.modules) take(["data", ...m.pkg]);
    return [...out].sort();
  }
  /** Whether some package is at path or below it (an empty package is an empty object). */
  packageCovers(path: string[]): boolean {
    return this.modules.some((m) => {
      const pp = ["data", ...m.pkg];
      return pp.length >= path.length && path.every((s, i) => pp[i] === s);
    });
  }
  packagesUnder(path: string[]): string[][] {
    const seen = new Set<string>();
    const out: string[][] = [];
    for (const m of this.modules) {
      const pp = ["data", ...m.pkg];
      for (let n = path.length + 1; n <= pp.length; n++) {
        const sub = pp.slice(0, n);
        if (!path.every((s, i) => sub[i] === s)) break;
        const k = JSON.stringify(sub);
        if (!seen.has(k)) { seen.add(k); out.push(sub); }
      }
    }
    return out.sort((a, b) => a.length - b.length);
  }
  hasGroupsUnder(path: string[]): boolean {
    for (const g of this.groups.values())
      if (g.path.length > path.length && path.every((s, i) => g.path[i] === s)) return true;
    return false;
  }

  ruleFn(g: Group): number {
    if (g.fn !== undefined) return g.fn;
    if (g.kind === "func") {
      g.fn = this.newFunc(`fn:${g.path.join(".")}`, g.arity, 1, (c) => new FnGen(this, c).funcBody(g));
    } else {
      g.cache = this.global();
      g.ovr = this.global();
      this.caches.push(g.cache);
      this.overrides.push(g.ovr);
      g.fn = this.newFunc(`rule:${g.path.join(".")}`, 0, 1, (c) => new FnGen(this, c).ruleBody(g));
    }
    return g.fn;
  }

  /** The mock of a callee if a `with` anywhere may replace it (name: what a target would end with). */
  mockable(key: string, name: string, arity: number): Mock | null {
    if (!this.mockNames.has(name)) return null;
    return this.mockFor(key, arity);
  }
  mockFor(key: string, arity: number): Mock {
    let m = this.mocks.get(key);
    if (m) return m;
    const idx = this.rt.firstNewFunc + this.funcs.length;
    const def: FuncDef = { name: `mock:${key}`, nparams: arity, nresults: 1, code: new Code(arity) };
    this.funcs.push(def);
    const mock: Mock = { mode: this.global(), val: this.global(), arity, dispatch: idx, repls: [] };
    this.mocks.set(key, mock);
    this.late.push(() => this.mockDispatch(mock, def.code));
    return mock;
  }
  /** Mode 1: the value in val. Mode k >= 2: replacement k-2, run with no function mocked, as OPA runs them. */
  mockDispatch(m: Mock, c: Code): void {
    c.gget(m.mode).i32(1).op(Op.i32_eq).if_();
    c.gget(m.val).ret();
    c.end();
    const modes = [...this.mocks.values()].map((x) => x.mode);
    const saved = modes.map(() => c.local());
    const r = c.local();
    m.repls.forEach((fi, i) => {
      c.gget(m.mode).i32(i + 2).op(Op.i32_eq).if_();
      modes.forEach((g, j) => { c.gget(g).set(saved[j]!); c.i32(0).gset(g); });
      c.call(this.clearFn);
      for (let a = 0; a < m.arity; a++) c.get(a);
      c.call(fi).set(r);
      modes.forEach((g, j) => { c.get(saved[j]!).gset(g); });
      c.call(this.clearFn);
      c.get(r).ret();
      c.end();
    });
    c.i32(0);
  }
  /** A function of the built-in's arity that calls it, for `with f as builtin`. */
  builtinWrapper(name: string, arity: number, loc: Loc): number {
    let f = this.builtinWrappers.get(name);
    if (f !== undefined) return f;
    const rn = runtimeName(name);
    const native = this.rt.exports.has(rn) && this.customBuiltins[name] === undefined;
    if (!native && !SDK_BUILTINS.has(name) && this.customBuiltins[name] === undefined)
      err("rego_compile_error", `unsupported built-in function ${name}`, loc);
    if (!native && arity > 4) err("rego_compile_error", `host built-in ${name} takes more than 4 arguments`, loc);
    f = this.newFunc(`with:${name}`, arity, 1, (c) => {
      if (!native) c.i32(this.hostBuiltin(name));
      for (let a = 0; a < arity; a++) c.get(a);
      c.call(this.rtf(native ? rn : `rt_host${arity}`));
    });
    this.builtinWrappers.set(name, f);
    return f;
  }

  /**
   * The value of group g. A rule with variables in its ref head (p[q].r := ...) can have other
   * rules below its path (p.a.b := ...): its value is then merged with theirs, and a key that two
   * of them give different values, or a rule reaching into another rule's value, is a conflict.
   */
  valueFn(g: Group): number {
    if (g.kind !== "object") return this.ruleFn(g);
    const under = this.groupsUnder(g.path).sort((a, b) => a.path.length - b.path.length);
    if (under.length === 0) return this.ruleFn(g);
    if (g.merged !== undefined) return g.merged;
    const loc = g.rules[0]!.loc;
    const depths = new Set(g.rules.map((r) => (r as RuleX).dyn.length));
    if (depths.size > 1) err("rego_compile_error", `unsupported: rules ${g.path.join(".")}[...] of different ref depths with rules below them`, loc);
    for (const o of under) if (o.kind === "object" && this.groupsUnder(o.path).length > 0)
      err("rego_compile_error", `unsupported: rules with variables in their ref heads below rule ${g.path.join(".")}[...]`, o.rules[0]!.loc);
    const depth = [...depths][0]!;
    g.merged = this.newFunc(`merged:${g.path.join(".")}`, 0, 1, (c) => {
      const gen = new FnGen(this, c);
      const d = c.local(), v = c.local();
      c.call(this.ruleFn(g)).tee(d).op(Op.i32_eqz).if_();
      c.call(this.rtf("rt_obj_new")).set(d);
      c.end();
      for (const o of under) {
        c.call(this.ruleFn(o)).tee(v).if_();
        c.get(d).gget(this.constGlobal(JSON.stringify(o.path.slice(g.path.length)))).get(v).i32(depth).call(this.rtf("rt_merge_at")).tee(d).op(Op.i32_eqz).if_();
        gen.abort("eval_conflict_error: object keys must be unique", o.rules[0]?.loc ?? loc);
        c.end();
        c.end();
      }
      c.get(d);
    });
    return g.merged;
  }

  /** Function building the virtual document at a path that has rules below it. */
  docFn(path: string[]): number {
    const key = JSON.stringify(path);
    let f = this.docFns.get(key);
    if (f !== undefined) return f;
    f = this.newFunc(`doc:${path.join(".")}`, 0, 1, (c) => {
      const doc = c.local();
      // base document
      c.gget(this.G_DATA);
      for (const s of path.slice(1)) {
        const t = c.local();
        c.tee(t).i32(0).op(Op.i32_ne).if_();
        c.get(t).gget(this.constGlobal(JSON.stringify(s))).call(this.rtf("rt_dot")).set(t);
        c.end();
        c.get(t);
      }
      c.set(doc);
      // start from an object
      c.get(doc).i32(0).op(Op.i32_eq).if_();
      c.call(this.rtf("rt_obj_new")).set(doc);
      c.else_();
      c.get(doc).call(this.rtf("rt_type")).i32(5).op(Op.i32_ne).if_();
      c.call(this.rtf("rt_obj_new")).set(doc);
      c.end();
      c.end();
      const v = c.local();
      for (const pk of this.packagesUnder(path)) {
        c.get(doc).gget(this.constGlobal(JSON.stringify(pk.slice(path.length)))).call(this.rtf("rt_ensure")).set(doc);
      }
      // the objects along every rule's path exist, even when the rule is undefined or a function
      for (const g of this.groups.values()) {
        const rel = g.path.slice(path.length);
        if (rel.length < 2 || !path.every((s, i) => g.path[i] === s)) continue;
        c.get(doc).gget(this.constGlobal(JSON.stringify(rel.slice(0, -1)))).call(this.rtf("rt_ensure")).set(doc);
      }
      const all = this.groupsUnder(path);
      const inner = (g: Group): boolean => all.some((o) => o !== g && o.kind === "object" && o.path.length < g.path.length && o.path.every((s, i) => g.path[i] === s));
      for (const g of all) {
        if (inner(g)) continue;
        const rel = g.path.slice(path.length);
        c.call(this.valueFn(g)).tee(v).if_();
        c.get(doc).gget(this.constGlobal(JSON.stringify(rel))).get(v).call(this.rtf("rt_upsert")).set(doc);
        c.end();
      }
      c.get(doc);
    });
    this.docFns.set(key, f);
    return f;
  }

  hostBuiltin(name: string): number {
    let id = this.hostBuiltins.get(name);
    if (id === undefined) { id = this.hostBuiltins.size; this.hostBuiltins.set(name, id); }
    return id;
  }

  build(entries: Entry[]): CompileResult {
    // drain the work list (functions generate more functions as they go)
    const clearIdx = this.newFunc("clear_caches", 0, 0, (c) => {
      for (const g of this.caches) c.i32(0).gset(g);
    });
    this.clearFn = clearIdx;
    const resetIdx = this.newFunc("reset", 0, 0, () => {});
    this.resetFn = resetIdx;
    while (this.work.length) this.work.shift()!();
    for (const f of this.late) f();
    while (this.work.length) this.work.shift()!();
    // clear_caches was generated first; regenerate it now that all caches exist
    const clearDef = this.funcs[clearIdx - this.rt.firstNewFunc]!;
    clearDef.code = new Code(0);
    for (const g of this.caches) clearDef.code.i32(0).gset(g);
    // reset, at the start of an evaluation: also no rule overridden, no function mocked
    const resetDef = this.funcs[resetIdx - this.rt.firstNewFunc]!;
    resetDef.code = new Code(0);
    for (const g of this.caches) resetDef.code.i32(0).gset(g);
    for (const g of this.overrides) resetDef.code.i32(0).gset(g);
    for (const m of this.mocks.values()) resetDef.code.i32(0).gset(m.mode);

    const epObj: Record<string, number> = {};
    entries.forEach((e, i) => (epObj[e.name] = i));
    const bObj: Record<string, number> = {};
    for (const [n, id] of this.hostBuiltins) bObj[n] = id;
    const gEp = this.constGlobal(JSON.stringify(epObj));
    const gB = this.constGlobal(JSON.stringify(bObj));
    const rtf = (n: string) => this.rtf(n);

    this.cstr("internal: illegal entrypoint id");
    this.cstr("invalid reserved argument");
    const dispatch = this.newFunc("dispatch", 1, 1, (c) => {
      entries.forEach((e, i) => {
        c.get(0).i32(i).op(Op.i32_eq).if_();
        c.call(e.fn).ret();
        c.end();
      });
      c.i32(this.cstr("internal: illegal entrypoint id")).call(rtf("rt_abort"));
      c.i32(0);
    });
    const fEntrypoints = this.newFunc("entrypoints", 0, 1, (c) => { c.gget(gEp); });
    const fBuiltins = this.newFunc("builtins", 0, 1, (c) => { c.gget(gB); });
    const clear = this.resetFn;
    const fOpaEval = this.newFunc("opa_eval", 7, 1, (c) => {
      c.get(0).if_();
      c.i32(this.cstr("invalid reserved argument")).call(rtf("rt_abort"));
      c.end();
      c.get(5).call(rtf("opa_heap_ptr_set"));
      c.get(4).if_();
      c.get(3).get(4).call(rtf("opa_value_parse")).gset(this.G_INPUT);
      c.else_();
      c.i32(0).gset(this.G_INPUT);
      c.end();
      c.get(2).gset(this.G_DATA);
      c.call(clear);
      c.get(1).call(dispatch);
      const r = c.local();
      c.set(r);
      c.get(6).if_();
      c.get(r).call(rtf("opa_value_dump")).ret();
      c.end();
      c.get(r).call(rtf("opa_json_dump"));
    });
    const fEval = this.newFunc("eval", 1, 1, (c) => {
      c.get(0).op(Op.i32_load).u32opt(2, 0).gset(this.G_INPUT);
      c.get(0).op(Op.i32_load).u32opt(2, 4).gset(this.G_DATA);
      c.call(clear);
      c.get(0);
      c.get(0).op(Op.i32_load).u32opt(2, 12).call(dispatch);
      c.op(Op.i32_store).u32opt(2, 8);
      c.i32(0);
    });
    const fCtxNew = this.newFunc("opa_eval_ctx_new", 0, 1, (c) => {
      const p = c.local();
      c.i32(16).call(rtf("opa_malloc")).set(p);
      for (const off of [0, 4, 8, 12]) c.get(p).i32(0).op(Op.i32_store).u32opt(2, off);
      c.get(p);
    });
    const setter = (name: string, off: number) => this.newFunc(name, 2, 0, (c) => { c.get(0).get(1).op(Op.i32_store).u32opt(2, off); });
    const fSetIn = setter("opa_eval_ctx_set_input", 0);
    const fSetData = setter("opa_eval_ctx_set_data", 4);
    const fSetEp = setter("opa_eval_ctx_set_entrypoint", 12);
    const fGetRes = this.newFunc("opa_eval_ctx_get_result", 1, 1, (c) => { c.get(0).op(Op.i32_load).u32opt(2, 8); });
    // start: runtime start, heap after our data, constants
    const strs: [number, number][] = [];
    for (const k of this.constList) {
      const b = new TextEncoder().encode(k.text);
      const a = this.dataBase + this.data.length;
      for (const x of b) this.data.push(x);
      strs.push([a, b.length]);
    }
    const heapStart = (this.dataBase + this.data.length + 64) & ~15;
    const start = this.newFunc("start", 0, 0, (c) => {
      if (this.rt.exports.has("_rt_start")) c.call(rtf("_rt_start"));
      c.i32(heapStart).call(rtf("rt_init"));
      this.constList.forEach((k, i) => {
        c.i32(strs[i]![0]).i32(strs[i]![1]).call(rtf("rt_const")).gset(k.g);
      });
    });
    while (this.work.length) this.work.shift()!();
    const gAbi = this.rt.nglobals + this.nglobals;
    const exports: { name: string; func?: number; global?: number }[] = [
      { name: "opa_wasm_abi_version", global: gAbi },
      { name: "opa_wasm_abi_minor_version", global: gAbi + 1 },
      { name: "eval", func: fEval }, { name: "builtins", func: fBuiltins }, { name: "entrypoints", func: fEntrypoints },
      { name: "opa_eval_ctx_new", func: fCtxNew }, { name: "opa_eval_ctx_set_input", func: fSetIn },
      { name: "opa_eval_ctx_set_data", func: fSetData }, { name: "opa_eval_ctx_set_entrypoint", func: fSetEp },
      { name: "opa_eval_ctx_get_result", func: fGetRes }, { name: "opa_eval", func: fOpaEval },
    ];
    for (const n of ["opa_malloc", "opa_free", "opa_json_parse", "opa_value_parse", "opa_json_dump", "opa_value_dump", "opa_heap_ptr_get", "opa_heap_ptr_set"])
      exports.push({ name: n, func: rtf(n) });
    const wasm = link(this.rt, {
      funcs: this.funcs, nglobals: this.nglobals, data: new Uint8Array(this.data), dataBase: this.dataBase,
      exports, start, extraGlobals: [{ value: 1, mutable: false }, { value: 2, mutable: false }],
    });
    return { wasm, entrypoints: epObj, builtins: bObj };
  }
}

interface RuleX extends Rule { ctx: ModCtx; dyn: Term[] }

function refPath(t: Term): string[] | null {
  if (t.type === "var") return [t.name];
  if (t.type !== "ref" || t.head.type !== "var") return null;
  const out = [t.head.name];
  for (const p of t.path) { if (p.type !== "string") return null; out.push(p.value); }
  return out;
}

// ---- per-function code generation ------------------------------------------------

type K = () => void;
type KV = (v: number) => void;

interface Scope { ctx: ModCtx | null; declared: Set<string> }

class FnGen {
  vars = new Map<string, number>();
  bound = new Set<string>();
  fail = -1;
  scope: Scope = { ctx: null, declared: new Set() };
  constructor(public C: Compiler, public c: Code) {}

  rtf(n: string): number { return this.C.rtf(n); }
  tmp(): number { return this.c.local(); }
  varLocal(name: string): number {
    let l = this.vars.get(name);
    if (l === undefined) { l = this.c.local(); this.vars.set(name, l); }
    return l;
  }
  abort(msg: string, loc?: Loc): void {
    const m = loc ? `${locText(loc)}${msg}` : msg;
    this.c.i32(this.C.cstr(m)).call(this.rtf("rt_abort"));
  }
  /** Runs f with a fresh failure label; code after it runs whether f's code failed or not. */
  guarded(f: K): void {
    const saveFail = this.fail;
    const saveBound = new Set(this.bound);
    const l = this.c.block();
    this.fail = l;
    f();
    this.c.end();
    this.fail = saveFail;
    this.bound = saveBound;
  }
  failIfZero(l: number): void { this.c.get(l).op(Op.i32_eqz).brIf(this.fail); }

  // ---- name resolution ----
  isLocal(name: string): boolean {
    if (name.includes(MARK)) return true;
    if (this.vars.has(name) && this.scope.declared.has(name)) return true;
    if (this.scope.declared.has(name)) return true;
    return !this.globalPath(name);
  }
  globalPath(name: string): string[] | null {
    if (this.scope.declared.has(name)) return null;
    if (ROOTS.has(name)) return [name];
    const ctx = this.scope.ctx;
    if (!ctx) return null;
    const imp = ctx.imports.get(name);
    if (imp) return imp;
    if (ctx.ruleNames.has(name)) return [...ctx.pkgPath, name];
    return null;
  }

  // ---- readiness analysis (for ordering) ----
  /** Vars that must be bound before t can be evaluated. */
  req(t: Term, out: Set<string>): void {
    const iter = new Set<string>();
    refIterVars(t, iter);
    const r = new Set<string>();
    this.req1(t, r);
    for (const v of r) if (!iter.has(v) || this.bound.has(v)) out.add(v);
  }
  req1(t: Term, out: Set<string>): void {
    switch (t.type) {
      case "var": if (this.isLocal(t.name)) out.add(t.name); return;
      case "ref":
        if (t.head.type === "var") { if (this.isLocal(t.head.name)) out.add(t.head.name); }
        else this.req1(t.head, out);
        for (const p of t.path) if (p.type !== "var") this.reqPattern(p, out);
        return;
      case "array": case "set": for (const x of t.items) this.req1(x, out); return;
      case "object": for (const [k, v] of t.items) { this.req1(k, out); this.req1(v, out); } return;
      case "call": {
        const ar = this.callArity(t);
        t.args.forEach((a, i) => { if (ar < 0 || i < ar) this.req1(a, out); else this.reqPattern(a, out); });
        return;
      }
      case "op": for (const a of t.args) this.req1(a, out); return;
      case "arraycomp": case "setcomp": case "objectcomp": {
        const vs = new Set<string>();
        termVars(t, vs, true);
        for (const v of vs) if (this.outer.has(v) && this.isLocal(v)) out.add(v);
        return;
      }
    }
  }
  reqPattern(t: Term, out: Set<string>): void {
    switch (t.type) {
      case "var": return;
      case "array": for (const x of t.items) this.reqPattern(x, out); return;
      case "object": for (const [k, v] of t.items) { this.req1(k, out); this.reqPattern(v, out); } return;
      default: this.req1(t, out);
    }
  }
  outer = new Set<string>();
  ready(t: Term): boolean {
    if (t.type === "var" && t.name === "_") return false;
    const s = new Set<string>();
    this.req(t, s);
    for (const v of s) if (!this.bound.has(v)) return false;
    return true;
  }
  readyPattern(t: Term): boolean {
    const s = new Set<string>();
    this.reqPattern(t, s);
    for (const v of s) if (!this.bound.has(v)) return false;
    return true;
  }
  canUnify(a: Term, b: Term): boolean {
    if (this.ready(b) && this.readyPattern(a)) return true;
    if (this.ready(a) && this.readyPattern(b)) return true;
    if (a.type === "array" && b.type === "array" && a.items.length === b.items.length) {
      const save = new Set(this.bound);
      let ok = true;
      for (let i = 0; i < a.items.length && ok; i++) {
        ok = this.canUnify(a.items[i]!, b.items[i]!);
        if (ok) { const vs = new Set<string>(); termVars(a.items[i]!, vs, false); termVars(b.items[i]!, vs, false); for (const v of vs) if (this.isLocal(v)) this.bound.add(v); }
      }
      this.bound = save;
      return ok;
    }
    if (a.type === "object" && b.type === "object" && a.items.length === b.items.length) {
      const bk = new Map(b.items.map(([kk, vv]) => [constText(kk), vv]));
      const save = new Set(this.bound);
      let ok = true;
      for (const [kk, vv] of a.items) {
        const o = bk.get(constText(kk));
        if (!o) { ok = true; break; }
        ok = this.canUnify(vv, o);
        if (!ok) break;
        const vs = new Set<string>(); termVars(vv, vs, false); termVars(o, vs, false); for (const v of vs) if (this.isLocal(v)) this.bound.add(v);
      }
      this.bound = save;
      return ok;
    }
    return false;
  }
  canGen(l: Literal, all: Literal[]): boolean {
    for (const w of l.with) if (!this.namesFunction(w.value) && !this.ready(w.value)) return false;
    if (l.negated) {
      const vs = new Set<string>();
      exprVars(l.expr, vs, false);
      for (const v of vs) {
        if (!this.isLocal(v) || this.bound.has(v)) continue;
        // a var that another literal can bind must be bound first
        for (const o of all) if (o !== l) { const s = new Set<string>(); exprVars(o.expr, s, false); if (s.has(v)) return false; }
      }
      return this.exprReady(l.expr, true);
    }
    return this.exprReady(l.expr, false);
  }
  exprReady(e: Expr, negated: boolean): boolean {
    switch (e.type) {
      case "term": return this.ready(e.term);
      case "unify": return this.canUnify(e.left, e.right);
      case "assign": return this.ready(e.right) && this.readyPattern(e.left);
      case "some": return true;
      case "somein": return this.ready(e.coll) && (e.key === null || this.readyPattern(e.key)) && this.readyPattern(e.value);
      case "every": {
        if (!this.ready(e.coll)) return false;
        const vs = new Set<string>();
        bodyVars(e.body, vs);
        for (const v of vs) if (this.outer.has(v) && this.isLocal(v) && !this.bound.has(v) && v !== (e.value as { name?: string }).name && v !== (e.key as { name?: string } | null)?.name) return false;
        return true;
      }
    }
  }
  bindOutputs(l: Literal): void {
    if (l.negated || l.expr.type === "every" || l.expr.type === "some") return;
    const vs = new Set<string>();
    exprVars(l.expr, vs, false);
    for (const v of vs) if (this.isLocal(v)) this.bound.add(v);
  }

  /** Orders a body so that each literal is safe when it runs. */
  order(lits: Literal[]): Literal[] {
    const save = new Set(this.bound);
    const saveOuter = this.outer;
    const rest = lits.slice();
    const out: Literal[] = [];
    while (rest.length) {
      let picked = -1;
      for (let i = 0; i < rest.length; i++) {
        const others = new Set<string>(saveOuter);
        for (const o of lits) if (o !== rest[i]) { exprVars(o.expr, others, false); }
        this.outer = others;
        if (this.canGen(rest[i]!, rest)) { picked = i; break; }
      }
      this.outer = saveOuter;
      if (picked < 0) {
        const l = rest[0]!;
        const vs = new Set<string>();
        exprVars(l.expr, vs, true);
        const unsafe = [...vs].filter((v) => this.isLocal(v) && !this.bound.has(v)).sort();
        this.bound = save;
        err("rego_unsafe_var_error", `var ${unsafe[0] ?? "?"} is unsafe`, l.loc);
      }
      const l = rest.splice(picked, 1)[0]!;
      out.push(l);
      this.bindOutputs(l);
    }
    this.bound = save;
    return out;
  }

  // ---- bodies ----
  body(lits: Literal[], k: K): void {
    const saveOuter = this.outer;
    const ordered = this.order(lits);
    const all = new Set<string>(saveOuter);
    const step = (i: number): void => {
      if (i === ordered.length) { this.outer = saveOuter; k(); return; }
      const others = new Set<string>(saveOuter);
      for (const o of ordered) if (o !== ordered[i]) exprVars(o.expr, others, false);
      this.outer = others;
      this.literal(ordered[i]!, () => step(i + 1));
    };
    void all;
    step(0);
    this.outer = saveOuter;
  }

  literal(l: Literal, k: K): void {
    if (l.with.length > 0) return this.withLit(l, k);
    this.plainLit(l, k);
  }

  plainLit(l: Literal, k: K): void {
    if (l.negated) {
      const outerFail = this.fail;
      const saveBound = new Set(this.bound);
      this.guarded(() => this.expr(l.expr, l, () => { this.c.br(outerFail); }));
      this.bound = saveBound;
      k();
      return;
    }
    this.expr(l.expr, l, k);
  }

  withLit(l: Literal, k: K): void {
    // evaluate the replacement values first, in the outer context
    const mods: { kind: "input" | "data" | "rule" | "mock"; path: string[]; v: number; g?: Group; m?: Mock; mode?: number }[] = [];
    const evalMods = (i: number, kk: K): void => {
      if (i === l.with.length) return kk();
      const w = l.with[i]!;
      const mt = this.mockTarget(w.target);
      if (mt) {
        const m = this.C.mockFor(mt.key, mt.arity);
        const fi = this.mockReplacement(w.value, mt.arity, w.loc);
        if (fi !== null) {
          let at = m.repls.indexOf(fi);
          if (at < 0) at = m.repls.push(fi) - 1;
          mods.push({ kind: "mock", path: [], v: -1, m, mode: at + 2 });
          return evalMods(i + 1, kk);
        }
        return this.term(w.value, (v) => { mods.push({ kind: "mock", path: [], v, m, mode: 1 }); evalMods(i + 1, kk); });
      }
      const tp = this.withTarget(w.target);
      this.term(w.value, (v) => {
        if (tp.root === "input") mods.push({ kind: "input", path: tp.path, v });
        else {
          const full = ["data", ...tp.path];
          const g = this.C.groupAt(full);
          if (g && g.kind !== "func") mods.push({ kind: "rule", path: [], v, g });
          else if (g && g.kind === "func") err("rego_compile_error", `unsupported: with on function ${full.join(".")}`, w.loc);
          else {
            // inside a rule's value, or above rules
            for (let j = full.length - 1; j > 1; j--) {
              const gg = this.C.groupAt(full.slice(0, j));
              if (gg) err("rego_compile_error", `unsupported: with on part of rule ${gg.path.join(".")}`, w.loc);
            }
            if (this.C.hasGroupsUnder(full)) {
              for (const gg of this.C.groupsUnder(full)) mods.push({ kind: "rule", path: gg.path.slice(full.length), v, g: gg });
              mods.push({ kind: "data", path: tp.path, v });
            } else mods.push({ kind: "data", path: tp.path, v });
          }
        }
        evalMods(i + 1, kk);
      });
    };
    evalMods(0, () => {
      const c = this.c;
      const sIn = this.tmp(), sData = this.tmp();
      const saves: number[] = [];
      const rtf = (n: string) => this.rtf(n);
      c.gget(this.C.G_INPUT).set(sIn);
      c.gget(this.C.G_DATA).set(sData);
      for (const m of mods) if (m.kind === "rule") { const s = this.tmp(); saves.push(s); this.C.ruleFn(m.g!); c.gget(m.g!.ovr!).set(s); }
      const mockSaves = mods.filter((m) => m.kind === "mock").map((m) => {
        const mode = this.tmp(), val = this.tmp();
        c.gget(m.m!.mode).set(mode).gget(m.m!.val).set(val);
        return { m: m.m!, mode, val };
      });
      const apply = (): void => {
        let ri = 0;
        for (const m of mods) {
          if (m.kind === "mock") {
            c.i32(m.mode!).gset(m.m!.mode);
            if (m.mode === 1) c.get(m.v).gset(m.m!.val);
          } else if (m.kind === "input") {
            if (m.path.length === 0) c.get(m.v).gset(this.C.G_INPUT);
            else c.gget(this.C.G_INPUT).gget(this.C.constGlobal(JSON.stringify(m.path))).get(m.v).call(rtf("rt_upsert")).gset(this.C.G_INPUT);
          } else if (m.kind === "data") {
            if (m.path.length === 0) c.get(m.v).gset(this.C.G_DATA);
            else c.gget(this.C.G_DATA).gget(this.C.constGlobal(JSON.stringify(m.path))).get(m.v).call(rtf("rt_upsert")).gset(this.C.G_DATA);
          } else {
            ri++;
            if (m.path.length === 0) c.get(m.v).gset(m.g!.ovr!);
            else {
              // value at relative path, or "undefined" (1)
              const t = this.tmp();
              c.get(m.v).set(t);
              for (const s of m.path) {
                c.get(t).if_();
                c.get(t).gget(this.C.constGlobal(JSON.stringify(s))).call(rtf("rt_dot")).set(t);
                c.end();
              }
              c.get(t).i32(1).get(t).select().gset(m.g!.ovr!);
            }
          }
        }
        void ri;
        c.call(this.C.clearFn);
      };
      const restore = (): void => {
        c.get(sIn).gset(this.C.G_INPUT);
        c.get(sData).gset(this.C.G_DATA);
        let ri = 0;
        for (const m of mods) if (m.kind === "rule") c.get(saves[ri++]!).gset(m.g!.ovr!);
        for (const s of mockSaves) c.get(s.mode).gset(s.m.mode).get(s.val).gset(s.m.val);
        c.call(this.C.clearFn);
      };
      apply();
      this.guarded(() => this.plainLit(l, () => { restore(); k(); apply(); }));
      restore();
    });
  }

  /** The function or built-in a `with` target names, if it names one. */
  mockTarget(t: Term): { key: string; arity: number } | null {
    const g = this.funcGroupFor(t);
    if (g) return { key: `fn:${g.path.join(".")}`, arity: g.arity };
    const p = refPath(t);
    if (!p || p[0] === "data" || p[0] === "input" || this.globalPath(p[0]!) || this.scope.declared.has(p[0]!) || this.bound.has(p[0]!)) return null;
    const name = p.join(".");
    const arity = this.builtinArityOf(name);
    if (arity === undefined || arity < 0) return null;
    return { key: `b:${name}`, arity };
  }
  /** Whether t names a rule function or a built-in (as a `with` replacement can), rather than a value. */
  namesFunction(t: Term): boolean {
    if (this.funcGroupFor(t)) return true;
    const p = refPath(t);
    if (!p || p[0] === "data" || p[0] === "input" || this.globalPath(p[0]!) || this.scope.declared.has(p[0]!) || this.bound.has(p[0]!)) return false;
    return this.builtinArityOf(p.join(".")) !== undefined;
  }
  /** The function a `with` replacement names (a rule function or a built-in), or null for a value. */
  mockReplacement(t: Term, arity: number, loc: Loc): number | null {
    const g = this.funcGroupFor(t);
    if (g) {
      if (g.arity !== arity) err("rego_type_error", `with: function ${g.path.join(".")} has arity ${g.arity}, the target ${arity}`, loc);
      return this.C.ruleFn(g);
    }
    if (!this.namesFunction(t)) return null;
    const name = refPath(t)!.join(".");
    const a = this.builtinArityOf(name)!;
    if (a !== arity) err("rego_type_error", `with: built-in ${name} has arity ${a}, the target ${arity}`, loc);
    return this.C.builtinWrapper(name, arity, loc);
  }

  withTarget(t: Term): { root: "input" | "data"; path: string[] } {
    const p = refPath(t);
    if (!p || (p[0] !== "input" && p[0] !== "data")) {
      if (p && (builtinArity(p.join(".")) !== undefined || this.funcGroupFor(t))) err("rego_compile_error", `unsupported: with on function ${p.join(".")}`, t.loc);
      err("rego_compile_error", "with keyword target must reference existing input, data, or a function", t.loc);
    }
    return { root: p[0] as "input" | "data", path: p.slice(1) };
  }

  expr(e: Expr, l: Literal, k: K): void {
    switch (e.type) {
      case "term": {
        const t = e.term;
        if (t.type === "call") return this.callLit(t, k);
        if (t.type === "op" && t.op === "internal.member_3" && false) return;
        return this.term(t, (v) => {
          this.c.get(v).call(this.rtf("rt_is_false")).brIf(this.fail);
          k();
        });
      }
      case "unify": return this.unify(e.left, e.right, k);
      case "assign": return this.term(e.right, (v) => this.unifyValue(e.left, v, k));
      case "some": return k();
      case "somein": {
        return this.term(e.coll, (coll) => this.iterate(coll, (key, val) => {
          this.unifyValue(e.value, val, () => {
            if (e.key) this.unifyValue(e.key, key, k);
            else k();
          });
        }));
      }
      case "every": {
        const outerFail = this.fail;
        return this.term(e.coll, (coll) => {
          this.c.get(coll).call(this.rtf("rt_type")).i32(4).op(Op.i32_lt_s).brIf(this.fail);
          this.guarded(() => {
            this.iterate(coll, (key, val) => {
              const ok = this.c.block();
              this.guarded(() => {
                this.unifyValue(e.value, val, () => {
                  const kk = (): void => this.body(e.body, () => { this.c.br(ok); });
                  if (e.key) this.unifyValue(e.key, key, kk); else kk();
                });
              });
              this.c.br(outerFail);
              this.c.end();
            });
          });
          k();
        });
      }
    }
  }

  /** Loops over a collection's elements. */
  iterate(coll: number, k: (key: number, val: number) => void): void {
    const c = this.c;
    const n = this.tmp(), i = this.tmp(), key = this.tmp(), val = this.tmp();
    c.get(coll).call(this.rtf("rt_len")).set(n);
    c.i32(0).set(i);
    const exit = c.block();
    const top = c.loop();
    c.get(i).get(n).op(Op.i32_ge_s).brIf(exit);
    const saveFail = this.fail;
    const saveBound = new Set(this.bound);
    const next = c.block();
    this.fail = next;
    c.get(coll).get(i).call(this.rtf("rt_key")).set(key);
    c.get(coll).get(i).call(this.rtf("rt_val")).set(val);
    k(key, val);
    c.end();
    this.fail = saveFail;
    this.bound = saveBound;
    c.get(i).i32(1).op(Op.i32_add).set(i);
    c.br(top);
    c.end();
    c.end();
  }

  // ---- unification ----
  unify(a: Term, b: Term, k: K): void {
    if (this.ready(b) && this.readyPattern(a)) return this.term(b, (v) => this.unifyValue(a, v, k));
    if (this.ready(a) && this.readyPattern(b)) return this.term(a, (v) => this.unifyValue(b, v, k));
    if (a.type === "array" && b.type === "array" && a.items.length === b.items.length) {
      const step = (i: number): void => {
        if (i === a.items.length) return k();
        this.unify(a.items[i]!, b.items[i]!, () => step(i + 1));
      };
      return step(0);
    }
    if (a.type === "object" && b.type === "object" && a.items.length === b.items.length) {
      const bk = new Map(b.items.map(([kk, vv]) => [constText(kk), vv]));
      const pairs: [Term, Term][] = [];
      for (const [kk, vv] of a.items) {
        const o = bk.get(constText(kk));
        if (constText(kk) === null || !o) { this.c.br(this.fail); return; }
        pairs.push([vv, o]);
      }
      const step = (i: number): void => {
        if (i === pairs.length) return k();
        this.unify(pairs[i]![0], pairs[i]![1], () => step(i + 1));
      };
      return step(0);
    }
    const vs = new Set<string>();
    termVars(a, vs, false); termVars(b, vs, false);
    const u = [...vs].filter((v) => this.isLocal(v) && !this.bound.has(v)).sort();
    err("rego_unsafe_var_error", `var ${u[0] ?? "?"} is unsafe`, a.loc);
  }

  unifyValue(p: Term, v: number, k: K): void {
    const c = this.c;
    if (p.type === "var" && this.isLocal(p.name)) {
      if (p.name === "_") return k();
      if (!this.bound.has(p.name)) {
        c.get(v).set(this.varLocal(p.name));
        this.bound.add(p.name);
        return k();
      }
    }
    if (this.ready(p)) {
      const cst = constText(p);
      if (cst !== null && isScalar(p)) {
        c.get(v).gget(this.C.constGlobal(cst)).call(this.rtf("rt_equal")).op(Op.i32_eqz).brIf(this.fail);
        return k();
      }
      return this.term(p, (pv) => {
        c.get(pv).get(v).call(this.rtf("rt_equal")).op(Op.i32_eqz).brIf(this.fail);
        k();
      });
    }
    if (p.type === "array") {
      c.get(v).call(this.rtf("rt_arr_len")).i32(p.items.length).op(Op.i32_ne).brIf(this.fail);
      const step = (i: number): void => {
        if (i === p.items.length) return k();
        const e = this.tmp();
        c.get(v).i32(i).call(this.rtf("rt_val")).set(e);
        this.unifyValue(p.items[i]!, e, () => step(i + 1));
      };
      return step(0);
    }
    if (p.type === "object") {
      c.get(v).call(this.rtf("rt_obj_len")).i32(p.items.length).op(Op.i32_ne).brIf(this.fail);
      const step = (i: number): void => {
        if (i === p.items.length) return k();
        const [kt, vt] = p.items[i]!;
        this.term(kt, (kv) => {
          const e = this.tmp();
          c.get(v).get(kv).call(this.rtf("rt_dot")).tee(e).op(Op.i32_eqz).brIf(this.fail);
          this.unifyValue(vt, e, () => step(i + 1));
        });
      };
      return step(0);
    }
    const vs = new Set<string>();
    termVars(p, vs, false);
    const u = [...vs].filter((x) => this.isLocal(x) && !this.bound.has(x)).sort();
    err("rego_unsafe_var_error", `var ${u[0] ?? "?"} is unsafe`, p.loc);
  }

  // ---- terms ----
  /** Evaluates terms left to right (each may bind or branch), then continues with all their locals. */
  terms(list: readonly Term[], k: (values: number[]) => void): void {
    const values: number[] = [];
    const step = (i: number): void => {
      if (i === list.length) return k(values);
      this.term(list[i]!, (v) => { values.push(v); step(i + 1); values.pop(); });
    };
    step(0);
  }

  term(t: Term, k: KV): void {
    const c = this.c;
    const cst = constText(t);
    if (cst !== null) {
      const l = this.tmp();
      c.gget(this.C.constGlobal(cst)).set(l);
      return k(l);
    }
    switch (t.type) {
      case "var": {
        if (this.isLocal(t.name)) {
          if (!this.bound.has(t.name)) err("rego_unsafe_var_error", `var ${t.name} is unsafe`, t.loc);
          return k(this.varLocal(t.name));
        }
        return this.ref({ type: "ref", head: t, path: [], loc: t.loc }, k);
      }
      case "ref": return this.ref(t, k);
      case "array": case "set": {
        const [create, add] = t.type === "array" ? ["rt_arr_new", "rt_arr_push"] : ["rt_set_new", "rt_set_add"];
        return this.args(t.items, (items) => {
          const a = this.tmp();
          c.call(this.rtf(create)).set(a);
          for (const x of items) c.get(a).get(x).call(this.rtf(add));
          k(a);
        });
      }
      case "object":
        return this.args(t.items.flat(), (items) => {
          const a = this.tmp();
          c.call(this.rtf("rt_obj_new")).set(a);
          for (let j = 0; j < items.length; j += 2) c.get(a).get(items[j]!).get(items[j + 1]!).call(this.rtf("rt_obj_put"));
          k(a);
        });
      case "arraycomp": case "setcomp": {
        const r = this.tmp();
        c.call(this.rtf(t.type === "arraycomp" ? "rt_arr_new" : "rt_set_new")).set(r);
        this.guarded(() => this.body(t.body, () => this.term(t.term, (v) => {
          c.get(r).get(v).call(this.rtf(t.type === "arraycomp" ? "rt_arr_push" : "rt_set_add"));
        })));
        return k(r);
      }
      case "objectcomp": {
        const r = this.tmp();
        c.call(this.rtf("rt_obj_new")).set(r);
        this.guarded(() => this.body(t.body, () => this.term(t.key, (kv) => this.term(t.value, (vv) => {
          c.get(r).get(kv).get(vv).call(this.rtf("rt_obj_insert")).op(Op.i32_eqz).if_();
          this.abort("eval_conflict_error: object keys must be unique", t.loc);
          c.end();
        }))));
        return k(r);
      }
      case "call": {
        // walk(x) as a value is a relation: one [path, value] pair per solution
        if (t.args.length === 1 && refPath(t.fn)?.join(".") === "walk" && !this.funcGroupFor(t.fn) && !this.C.mockNames.has("walk")) {
          return this.term(t.args[0]!, (x) => {
            const pairs = this.tmp();
            this.c.get(x).call(this.rtf("b_walk")).set(pairs);
            this.iterate(pairs, (_k, pv) => k(pv));
          });
        }
        return this.callTerm(t.fn, t.args, t.loc, k);
      }
      case "op": return this.builtinCall(t.op, t.args, t.loc, k);
    }
    err("rego_compile_error", `unsupported term ${t.type}`, t.loc);
  }

  args(ts: Term[], k: (vs: number[]) => void): void {
    const out: number[] = new Array(ts.length).fill(-1);
    const order = ts.map((_, i) => i);
    const binds = ts.map((t) => { const s = new Set<string>(); refIterVars(t, s); return [...s].some((v) => !this.bound.has(v)); });
    order.sort((a, b) => (binds[a] === binds[b] ? a - b : binds[a] ? -1 : 1));
    const step = (j: number): void => {
      if (j === order.length) return k(out.slice());
      const i = order[j]!;
      this.term(ts[i]!, (v) => { out[i] = v; step(j + 1); });
    };
    step(0);
  }

  funcGroupFor(fn: Term): Group | null {
    const p = refPath(fn);
    if (!p) return null;
    let full: string[] | null = null;
    if (p[0] === "data") full = p;
    else {
      const gp = this.globalPath(p[0]!);
      if (gp && gp[0] === "data") full = [...gp, ...p.slice(1)];
    }
    if (!full) return null;
    const g = this.C.groupAt(full);
    return g && g.kind === "func" ? g : null;
  }

  callArity(t: Term & { type: "call" }): number {
    const g = this.funcGroupFor(t.fn);
    if (g) return g.arity;
    const p = refPath(t.fn);
    if (!p) return -1;
    const name = p.join(".");
    const a = this.builtinArityOf(name);
    return a ?? -1;
  }
  builtinArityOf(name: string): number | undefined {
    if (this.C.customBuiltins[name] !== undefined) return this.C.customBuiltins[name];
    const rn = runtimeName(name);
    if (this.C.rt.exports.has(rn)) {
      const idx = this.C.rt.exports.get(rn)! - this.C.rt.funcImports.length;
      const ty = this.C.rt.typeBytes[this.C.rt.funcTypes[idx]!]!;
      return ty[1]!;
    }
    return builtinArity(name);
  }

  /** A call used as a literal: its last argument may be an output. */
  callLit(t: Term & { type: "call" }, k: K): void {
    const ar = this.callArity(t);
    const p = refPath(t.fn);
    const name = p ? p.join(".") : "";
    if (name === "walk" && t.args.length === 2 && !this.funcGroupFor(t.fn)) {
      return this.term(t.args[0]!, (x) => {
        const pairs = this.tmp();
        this.c.get(x).call(this.rtf("b_walk")).set(pairs);
        this.iterate(pairs, (_k, pv) => this.unifyValue(t.args[1]!, pv, k));
      });
    }
    if (name === "print" && !this.funcGroupFor(t.fn)) return k();
    if (ar >= 0 && t.args.length === ar + 1) {
      return this.callTerm(t.fn, t.args.slice(0, ar), t.loc, (r) => this.unifyValue(t.args[ar]!, r, k));
    }
    this.callTerm(t.fn, t.args, t.loc, (v) => {
      this.c.get(v).call(this.rtf("rt_is_false")).brIf(this.fail);
      k();
    });
  }

  callTerm(fn: Term, args: Term[], loc: Loc, k: KV): void {
    const g = this.funcGroupFor(fn);
    if (g) {
      if (args.length !== g.arity) err("rego_type_error", `function ${g.path.join(".")} has arity ${g.arity}, got ${args.length} arguments`, loc);
      const f = this.C.ruleFn(g);
      const m = this.C.mockable(`fn:${g.path.join(".")}`, g.path[g.path.length - 1]!, g.arity);
      return this.args(args, (vs) => {
        const r = this.tmp();
        this.mockedCall(m, vs, r, () => {
          for (const v of vs) this.c.get(v);
          this.c.call(f).set(r);
        });
        this.c.get(r).op(Op.i32_eqz).brIf(this.fail);
        k(r);
      });
    }
    const p = refPath(fn);
    if (!p) err("rego_type_error", "illegal call", loc);
    if (p[0] === "data" || (this.globalPath(p[0]!)?.[0] === "data")) err("rego_type_error", `undefined function ${p.join(".")}`, loc);
    return this.builtinCall(p.join("."), args, loc, k);
  }

  builtinCall(name: string, args: Term[], loc: Loc, k: KV): void {
    const c = this.c;
    const ar = this.builtinArityOf(name);
    if (ar === undefined) err("rego_type_error", `undefined function ${name}`, loc);
    if (ar >= 0 && args.length !== ar) err("rego_type_error", `${name}: arity mismatch: expected ${ar} arguments, got ${args.length}`, loc);
    const rn = runtimeName(name);
    const native = this.C.rt.exports.has(rn) && this.C.customBuiltins[name] === undefined;
    if (!native && !SDK_BUILTINS.has(name) && this.C.customBuiltins[name] === undefined)
      err("rego_compile_error", `unsupported built-in function ${name}`, loc);
    if (!native && args.length > 4) err("rego_compile_error", `host built-in ${name} takes more than 4 arguments`, loc);
    const m = this.C.mockable(`b:${name}`, name, args.length);
    this.args(args, (vs) => {
      const r = this.tmp();
      this.mockedCall(m, vs, r, () => this.builtinOriginal(name, rn, native, vs, r, loc));
      c.get(r).op(Op.i32_eqz).brIf(this.fail);
      k(r);
    });
  }

  /** Calls the callee (orig leaves its result in r), or its dispatcher while a `with` replaces it. */
  mockedCall(m: Mock | null, vs: number[], r: number, orig: K): void {
    if (!m) return orig();
    const c = this.c;
    c.gget(m.mode).if_();
    for (const v of vs) c.get(v);
    c.call(m.dispatch).set(r);
    c.else_();
    orig();
    c.end();
  }

  /** The built-in itself: operand checks, then the native or host call; its result goes to r. */
  builtinOriginal(name: string, rn: string, native: boolean, vs: number[], r: number, loc: Loc): void {
    const c = this.c;
    if (native) {
      const masks = operandMasks(name);
      if (masks) vs.forEach((v, i) => {
        const m = masks[i];
        if (m === undefined || m === 127) return;
        c.i32(1).get(v).call(this.rtf("rt_type")).op(Op.i32_shl).i32(m).op(Op.i32_and).op(Op.i32_eqz);
        if (this.C.strict === false) { c.brIf(this.fail); return; }
        c.if_();
        // one abort message per actual type
        for (let t = 0; t < 7; t++) {
          if (m & (1 << t)) continue;
          c.get(v).call(this.rtf("rt_type")).i32(t).op(Op.i32_eq).if_();
          this.abort(`eval_type_error: ${name}: operand ${i + 1} must be ${maskText(name, i, m)} but got ${TYPE_NAMES[t]}`, loc);
          c.end();
        }
        c.end();
      });
      if (this.C.strict) c.call(this.rtf("rt_err_clear"));
      for (const v of vs) c.get(v);
      c.call(this.rtf(rn));
      if (this.C.strict) {
        // undefined with a reason is an error in strict mode
        const where = new TextEncoder().encode(locText(loc)).length;
        c.tee(r).op(Op.i32_eqz).if_();
        c.i32(this.C.cstr(locText(loc))).i32(where).call(this.rtf("rt_err_raise"));
        c.end();
        c.get(r);
      }
    } else {
      c.i32(this.C.hostBuiltin(name));
      for (const v of vs) c.get(v);
      c.call(this.rtf(`rt_host${vs.length}`));
    }
    c.set(r);
  }

  // ---- references ----
  ref(t: Term & { type: "ref" }, k: KV): void {
    const c = this.c;
    const head = t.head;
    if (head.type !== "var") {
      return this.term(head, (hv) => this.path(hv, t.path, 0, k));
    }
    if (this.isLocal(head.name)) {
      if (!this.bound.has(head.name)) err("rego_unsafe_var_error", `var ${head.name} is unsafe`, head.loc);
      return this.path(this.varLocal(head.name), t.path, 0, k);
    }
    const gp = this.globalPath(head.name)!;
    if (gp[0] === "input") {
      const v = this.tmp();
      c.gget(this.C.G_INPUT).tee(v).op(Op.i32_eqz).brIf(this.fail);
      // rest of the import path then the ref's
      const extra: Term[] = gp.slice(1).map((s) => ({ type: "string", value: s, loc: t.loc }));
      return this.path(v, [...extra, ...t.path], 0, k);
    }
    // data: resolve the static prefix against rules
    const full: Term[] = [...gp.slice(1).map((s): Term => ({ type: "string", value: s, loc: t.loc })), ...t.path];
    const prefix = ["data"];
    let i = 0;
    for (;;) {
      const g = this.C.groupAt(prefix);
      if (g && g.kind !== "func") {
        const v = this.tmp();
        c.call(this.C.valueFn(g)).tee(v).op(Op.i32_eqz).brIf(this.fail);
        return this.path(v, full, i, k);
      }
      if (g && g.kind === "func") err("rego_type_error", `function ${prefix.join(".")} used as a value`, t.loc);
      const nx0 = full[i];
      // a number (or other non-string) key names no rule or package: base data only
      const nonString = nx0 !== undefined && (nx0.type === "number" || nx0.type === "boolean" || nx0.type === "null");
      if (nonString || (!this.C.hasGroupsUnder(prefix) && !this.C.packageCovers(prefix))) {
        // plain base data
        const v = this.tmp();
        c.gget(this.C.G_DATA).tee(v).op(Op.i32_eqz).brIf(this.fail);
        const pre: Term[] = prefix.slice(1).map((s) => ({ type: "string", value: s, loc: t.loc }));
        return this.path(v, [...pre, ...full.slice(i)], 0, k, true);
      }
      const nx = full[i];
      if (nx && nx.type === "string") { prefix.push(nx.value); i++; continue; }
      if (nx && this.ready(nx) && full.slice(i + 1).every((x) => this.ready(x))) {
        // a known key (and a known rest): only the document it names, not the whole one, which
        // may hold this very rule; one value at most, so each branch leaves it in v
        const at = prefix.slice();
        const atTerms: Term[] = at.slice(1).map((sg) => ({ type: "string", value: sg, loc: t.loc }));
        return this.term(nx, (kv) => {
          const v = this.tmp();
          c.i32(0).set(v);
          const found = c.block();
          for (const name of this.C.childNames(at)) {
            const g = this.C.groupAt([...at, name]);
            if (g && g.kind === "func") continue;
            c.get(kv).gget(this.C.constGlobal(JSON.stringify(name))).call(this.rtf("rt_equal")).if_();
            const sub: Term = { type: "ref", head: { type: "var", name: "data", loc: t.loc }, path: [...atTerms, { type: "string", value: name, loc: t.loc }, ...full.slice(i + 1)], loc: t.loc };
            this.guarded(() => this.term(sub, (r) => { c.get(r).set(v); }));
            c.br(found);
            c.end();
          }
          // no rule or package by that name: base data
          this.guarded(() => {
            const bv = this.tmp();
            c.gget(this.C.G_DATA).tee(bv).op(Op.i32_eqz).brIf(this.fail);
            this.path(bv, [...atTerms, nx, ...full.slice(i + 1)], 0, (r) => { c.get(r).set(v); }, true);
          });
          c.end();
          c.get(v).op(Op.i32_eqz).brIf(this.fail);
          k(v);
        });
      }
      // a virtual document (or a variable key below one)
      const v = this.tmp();
      c.call(this.C.docFn(prefix.slice())).set(v);
      return this.path(v, full, i, k);
    }
  }

  path(base: number, path: Term[], i: number, k: KV, data = false): void {
    if (i === path.length) return k(base);
    const c = this.c;
    const p = path[i]!;
    if (p.type === "var" && this.isLocal(p.name) && !this.bound.has(p.name)) {
      return this.iterate(base, (key, val) => {
        if (p.name !== "_") { c.get(key).set(this.varLocal(p.name)); this.bound.add(p.name); }
        this.path(val, path, i + 1, k, data);
      });
    }
    if (!this.ready(p)) {
      // a pattern key: iterate and unify
      return this.iterate(base, (key, val) => this.unifyValue(p, key, () => this.path(val, path, i + 1, k)));
    }
    this.term(p, (kv) => {
      const v = this.tmp();
      c.get(base).get(kv).call(this.rtf(data ? "rt_dot_data" : "rt_dot")).tee(v).op(Op.i32_eqz).brIf(this.fail);
      this.path(v, path, i + 1, k, data);
    });
  }

  // ---- rules ----
  setRuleScope(r: Rule, extraDeclared: Term[] = []): void {
    const rx = r as RuleX;
    const declared = new Set<string>();
    for (const a of extraDeclared) termVars(a, declared, false);
    this.scope = { ctx: rx.ctx, declared };
  }

  ruleBody(g: Group): void {
    const c = this.c;
    const res = c.local();
    const cache = g.cache!, ovr = g.ovr!;
    // override from "with"
    c.gget(ovr).if_();
    c.gget(ovr).i32(0).gget(ovr).i32(1).op(Op.i32_ne).select().ret();
    c.end();
    c.gget(cache).if_();
    c.gget(cache).i32(0).gget(cache).i32(1).op(Op.i32_ne).select().ret();
    c.end();
    if (g.kind === "set") c.call(this.rtf("rt_set_new")).set(res);
    else if (g.kind === "object") c.call(this.rtf("rt_obj_new")).set(res);
    else c.i32(0).set(res);
    const done = c.block();
    for (const r of g.rules) this.ruleDef(g, r, res, done);
    c.end();
    if (g.kind === "complete" && g.defaults.length) {
      const d = g.defaults[0]!;
      this.setRuleScope(d);
      c.get(res).op(Op.i32_eqz).if_();
      this.guarded(() => this.term(d.head.value!, (v) => { c.get(v).set(res); }));
      c.end();
    }
    c.get(res).i32(1).get(res).select().gset(cache);
    c.get(res);
  }

  ruleDef(g: Group, r: Rule, res: number, done: number): void {
    const c = this.c;
    const rx = r as RuleX;
    this.vars = new Map();
    this.bound = new Set();
    if (g.kind === "complete") {
      // else chain: the first level with a solution wins
      const chainRes = this.tmp();
      c.i32(0).set(chainRes);
      const chainDone = c.block();
      for (let lvl: Rule | null = r; lvl; lvl = lvl.else) {
        // an else level has no module context of its own: it is the first level's
        this.setRuleScope(r);
        this.vars = new Map(); this.bound = new Set();
        const pr = prep(lvl, []);
        const value = pr.value ?? ({ type: "boolean", value: true, loc: lvl.loc } as Term);
        const constant = constText(value) !== null;
        this.guarded(() => this.body(pr.body, () => this.term(value, (v) => {
          c.get(chainRes).if_();
          c.get(chainRes).get(v).call(this.rtf("rt_equal")).op(Op.i32_eqz).if_();
          this.abort("eval_conflict_error: complete rules must not produce multiple outputs", r.loc);
          c.end();
          c.end();
          c.get(v).set(chainRes);
          if (constant) c.br(chainDone);
        })));
        c.get(chainRes).brIf(chainDone);
      }
      c.end();
      c.get(chainRes).if_();
      c.get(res).if_();
      c.get(res).get(chainRes).call(this.rtf("rt_equal")).op(Op.i32_eqz).if_();
      this.abort("eval_conflict_error: complete rules must not produce multiple outputs", r.loc);
      c.end();
      c.end();
      c.get(chainRes).set(res);
      c.end();
      return;
    }
    this.setRuleScope(r);
    const pr = prep(r, rx.dyn);
    if (g.kind === "set") {
      this.guarded(() => this.body(pr.body, () => this.term(pr.key!, (v) => {
        c.get(res).get(v).call(this.rtf("rt_set_add"));
      })));
      return;
    }
    // object: key path then value; a multi-value rule (p[q] contains x) adds to the set at the path
    const dyn = pr.dyn;
    const value = (r.head.contains ? pr.key : pr.value) ?? ({ type: "boolean", value: true, loc: r.loc } as Term);
    this.guarded(() => this.body(pr.body, () => this.args(dyn, (keys) => this.term(value, (v) => {
      if (r.head.contains) {
        const pa = this.tmp();
        c.call(this.rtf("rt_arr_new")).set(pa);
        for (const kk of keys) c.get(pa).get(kk).call(this.rtf("rt_arr_push"));
        c.get(res).get(pa).get(v).call(this.rtf("rt_add_at")).tee(res).op(Op.i32_eqz).if_();
        this.abort("eval_conflict_error: object keys must be unique", r.loc);
        c.end();
      } else if (keys.length === 1) {
        c.get(res).get(keys[0]!).get(v).call(this.rtf("rt_obj_insert")).op(Op.i32_eqz).if_();
        this.abort("eval_conflict_error: object keys must be unique", r.loc);
        c.end();
      } else {
        const pa = this.tmp();
        c.call(this.rtf("rt_arr_new")).set(pa);
        for (const kk of keys) c.get(pa).get(kk).call(this.rtf("rt_arr_push"));
        c.get(res).get(pa).get(v).i32(-1).call(this.rtf("rt_merge_at")).tee(res).op(Op.i32_eqz).if_();
        this.abort("eval_conflict_error: object keys must be unique", r.loc);
        c.end();
      }
    }))));
    void done;
  }

  funcBody(g: Group): void {
    const c = this.c;
    const res = c.local();
    c.i32(0).set(res);
    const done = c.block();
    const all = [...g.rules];
    for (const r of all) {
      const chainRes = this.tmp();
      c.i32(0).set(chainRes);
      const chainDone = c.block();
      for (let lvl: Rule | null = r; lvl; lvl = lvl.else) {
        const cur = lvl;
        const params = r.head.args!;
        // an else level has no module context of its own: it is the first level's
        this.setRuleScope(r, params);
        this.vars = new Map(); this.bound = new Set();
        const pr = prep(cur, []);
        const value = pr.value ?? ({ type: "boolean", value: true, loc: cur.loc } as Term);
        this.guarded(() => {
          const bindArgs = (i: number): void => {
            if (i === params.length) {
              this.body(pr.body, () => this.term(value, (v) => {
                c.get(chainRes).if_();
                c.get(chainRes).get(v).call(this.rtf("rt_equal")).op(Op.i32_eqz).if_();
                this.abort("eval_conflict_error: functions must not produce multiple outputs for same inputs", r.loc);
                c.end();
                c.end();
                c.get(v).set(chainRes);
              }));
              return;
            }
            this.unifyValue(params[i]!, i, () => bindArgs(i + 1));
          };
          bindArgs(0);
        });
        c.get(chainRes).brIf(chainDone);
      }
      c.end();
      c.get(chainRes).if_();
      c.get(res).if_();
      c.get(res).get(chainRes).call(this.rtf("rt_equal")).op(Op.i32_eqz).if_();
      this.abort("eval_conflict_error: functions must not produce multiple outputs for same inputs", r.loc);
      c.end();
      c.end();
      c.get(chainRes).set(res);
      c.end();
    }
    c.end();
    void done;
    if (g.defaults.length) {
      const d = g.defaults[0]!;
      this.setRuleScope(d);
      c.get(res).op(Op.i32_eqz).if_();
      this.guarded(() => this.term(d.head.value!, (v) => { c.get(v).set(res); }));
      c.end();
    }
    c.get(res);
  }

  entryPath(path: string[]): void {
    const c = this.c;
    const rs = c.local();
    c.call(this.rtf("rt_set_new")).set(rs);
    this.scope = { ctx: null, declared: new Set() };
    const t: Term = { type: "ref", head: { type: "var", name: "data", loc: LOC0 }, path: path.slice(1).map((s) => ({ type: "string", value: s, loc: LOC0 })), loc: LOC0 };
    this.guarded(() => this.term(t, (v) => {
      const o = this.tmp();
      c.call(this.rtf("rt_obj_new")).set(o);
      c.get(o).gget(this.C.constGlobal('"result"')).get(v).call(this.rtf("rt_obj_put"));
      c.get(rs).get(o).call(this.rtf("rt_set_add"));
    }));
    c.get(rs);
  }

  entryQuery(q0: Literal[]): void {
    const c = this.c;
    const q = renameBody(q0, new Map());
    const rs = c.local();
    c.call(this.rtf("rt_set_new")).set(rs);
    const declared = new Set<string>();
    this.scope = { ctx: null, declared };
    const vs = new Set<string>();
    bodyVarsShallow(q, vs);
    const names = [...vs].filter((v) => this.isLocal(v) && !v.startsWith("_") && !v.startsWith("$")).sort();
    const outName = (n: string): string => n.split(MARK)[0]!;
    this.guarded(() => this.body(q, () => {
      const o = this.tmp();
      c.call(this.rtf("rt_obj_new")).set(o);
      for (const n of names) {
        if (!this.bound.has(n)) continue;
        c.get(o).gget(this.C.constGlobal(JSON.stringify(outName(n)))).get(this.varLocal(n)).call(this.rtf("rt_obj_put"));
      }
      c.get(rs).get(o).call(this.rtf("rt_set_add"));
    }));
    c.get(rs);
  }
}

// ---- scoping of := and some: a declared var is a new var from its declaration on ----
let freshN = 0;
const MARK = "\u00a7";
function declare(t: Term, env: Map<string, string>): void {
  const vs = new Set<string>();
  termVars(t, vs, false);
  for (const v of vs) env.set(v, `${v.split(MARK)[0]}${MARK}${++freshN}`);
}
export function renameTerm(t: Term, env: Map<string, string>): Term {
  const R = (x: Term): Term => renameTerm(x, env);
  switch (t.type) {
    case "var": { const n = env.get(t.name); return n ? { ...t, name: n } : t; }
    case "ref": return { ...t, head: R(t.head), path: t.path.map(R) };
    case "array": return { ...t, items: t.items.map(R) };
    case "set": return { ...t, items: t.items.map(R) };
    case "object": return { ...t, items: t.items.map(([a, b]) => [R(a), R(b)] as [Term, Term]) };
    case "call": return { ...t, args: t.args.map(R) };
    case "op": return { ...t, args: t.args.map(R) };
    case "arraycomp": case "setcomp": { const inner = new Map(env); const body = renameBody(t.body, inner); return { ...t, body, term: renameTerm(t.term, inner) }; }
    case "objectcomp": { const inner = new Map(env); const body = renameBody(t.body, inner); return { ...t, body, key: renameTerm(t.key, inner), value: renameTerm(t.value, inner) }; }
    default: return t;
  }
}
export function renameBody(lits: Literal[], env: Map<string, string>): Literal[] {
  return lits.map((l) => {
    const R = (x: Term): Term => renameTerm(x, env);
    const withs = l.with.map((w) => ({ ...w, value: R(w.value) }));
    const e = l.expr;
    let ne: Expr;
    switch (e.type) {
      case "assign": { const right = R(e.right); declare(e.left, env); ne = { type: "assign", left: R(e.left), right }; break; }
      case "some": for (const v of e.vars) declare(v, env); ne = { type: "some", vars: e.vars.map(R) }; break;
      case "somein": { const coll = R(e.coll); if (e.key) declare(e.key, env); declare(e.value, env); ne = { type: "somein", key: e.key ? R(e.key) : null, value: R(e.value), coll }; break; }
      case "every": {
        const coll = R(e.coll);
        const inner = new Map(env);
        if (e.key) declare(e.key, inner);
        declare(e.value, inner);
        const body = renameBody(e.body, inner);
        ne = { type: "every", key: e.key ? renameTerm(e.key, inner) : null, value: renameTerm(e.value, inner), coll, body };
        break;
      }
      case "unify": ne = { type: "unify", left: R(e.left), right: R(e.right) }; break;
      case "term": ne = { type: "term", term: R(e.term) }; break;
    }
    return { ...l, expr: ne, with: withs };
  });
}
interface Prepared { body: Literal[]; value: Term | null; key: Term | null; dyn: Term[] }
function prep(r: Rule, dyn: Term[]): Prepared {
  const env = new Map<string, string>();
  const body = renameBody(r.body.length ? r.body : [trueLit(r.loc)], env);
  return {
    body,
    value: r.head.value ? renameTerm(r.head.value, env) : null,
    key: r.head.key ? renameTerm(r.head.key, env) : null,
    dyn: dyn.map((d) => renameTerm(d, env)),
  };
}

/** Vars in ref paths (they can be bound by iterating). */
function refIterVars(t: Term, out: Set<string>): void {
  switch (t.type) {
    case "ref": refIterVars(t.head, out); for (const p of t.path) { if (p.type === "var") { if (p.name !== "_") out.add(p.name); } else { const s = new Set<string>(); termVars(p, s, false); for (const v of s) out.add(v); } } return;
    case "array": case "set": t.items.forEach((x) => refIterVars(x, out)); return;
    case "object": t.items.forEach(([a, b]) => { refIterVars(a, out); refIterVars(b, out); }); return;
    case "call": t.args.forEach((x) => refIterVars(x, out)); return;
    case "op": t.args.forEach((x) => refIterVars(x, out)); return;
  }
}

function bodyVarsShallow(b: Literal[], out: Set<string>): void {
  for (const l of b) if (!l.negated && l.expr.type !== "every") exprVars(l.expr, out, false);
}

const LOC0: Loc = { file: "entrypoint", row: 0, col: 0 };
function trueLit(loc: Loc): Literal { return { expr: { type: "term", term: { type: "boolean", value: true, loc } }, negated: false, with: [], loc }; }

// Code helpers not in the encoder's core
declare module "./wasm.js" {
  interface Code { u32opt(align: number, offset: number): Code; select(): Code }
}
Code.prototype.u32opt = function (this: Code, align: number, offset: number) { this.out.u32(align).u32(offset); return this; };
Code.prototype.select = function (this: Code) { this.out.u8(Op.select); return this; };

// ---- API ----------------------------------------------------------------------

export function parseAll(modules: CompileOptions["modules"]): Module[] {
  const list: SourceModule[] = Array.isArray(modules) ? modules : Object.entries(modules).map(([file, source]) => ({ file, source }));
  return list.map((m) => parseModule(m.source, m.file));
}

/** Every `with` target in a tree, as its full text and its last segment (before rules are annotated). */
function collectWithTargets(node: unknown, out: Set<string>, seen = new Set<object>()): void {
  if (!node || typeof node !== "object" || seen.has(node)) return;
  seen.add(node);
  if (Array.isArray(node)) { for (const x of node) collectWithTargets(x, out, seen); return; }
  const o = node as Record<string, unknown>;
  if (Array.isArray(o.with)) for (const w of o.with as { target: Term }[]) {
    const p = refPath(w.target);
    if (p) { out.add(p.join(".")); out.add(p[p.length - 1]!); }
  }
  for (const k of Object.keys(o)) if (k !== "loc") collectWithTargets(o[k], out, seen);
}

export function compile(opts: CompileOptions): CompileResult {
  const mods = parseAll(opts.modules);
  const q = opts.query !== undefined ? parseQuery(opts.query) : null;
  const C = new Compiler(opts);
  collectWithTargets([mods, q], C.mockNames);
  C.addModules(mods);
  const entries: Entry[] = [];
  if (q) {
    const fn = C.newFunc("entry:query", 0, 1, (c) => new FnGen(C, c).entryQuery(q));
    entries.push({ name: "query", kind: "query", query: q, fn });
  }
  for (const ep of opts.entrypoints ?? []) {
    const s = ep.startsWith("data.") ? ep.slice(5).split(".") : ep.split("/").filter((x) => x.length > 0);
    const path = ["data", ...s];
    const name = s.join("/");
    const fn = C.newFunc(`entry:${name}`, 0, 1, (c) => new FnGen(C, c).entryPath(path));
    entries.push({ name, kind: "path", path, fn });
  }
  if (entries.length === 0) throw new RegoError("rego_compile_error", "no entrypoint or query given");
  return C.build(entries);
}

export { parseTerm };
