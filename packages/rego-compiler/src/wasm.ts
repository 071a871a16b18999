// A small WebAssembly binary encoder, and a linker that appends generated
// functions, globals and data to the prebuilt runtime module.

export class Bytes {
  b: number[] = [];
  u8(x: number): this { this.b.push(x & 0xff); return this; }
  u32(x: number): this {
    x >>>= 0;
    do {
      let byte = x & 0x7f;
      x >>>= 7;
      if (x !== 0) byte |= 0x80;
      this.b.push(byte);
    } while (x !== 0);
    return this;
  }
  s32(x: number): this {
    x |= 0;
    for (;;) {
      const byte = x & 0x7f;
      x >>= 7;
      if ((x === 0 && (byte & 0x40) === 0) || (x === -1 && (byte & 0x40) !== 0)) { this.b.push(byte); return this; }
      this.b.push(byte | 0x80);
    }
  }
  raw(a: ArrayLike<number>): this { for (let i = 0; i < a.length; i++) this.b.push(a[i]!); return this; }
  name(s: string): this { const e = new TextEncoder().encode(s); this.u32(e.length); return this.raw(e); }
  vec(a: ArrayLike<number>): this { this.u32(a.length); return this.raw(a); }
}

export const I32 = 0x7f;

export const enum Op {
  unreachable = 0x00, nop = 0x01, block = 0x02, loop = 0x03, if_ = 0x04, else_ = 0x05, end = 0x0b,
  br = 0x0c, br_if = 0x0d, br_table = 0x0e, return_ = 0x0f, call = 0x10, drop = 0x1a, select = 0x1b,
  local_get = 0x20, local_set = 0x21, local_tee = 0x22, global_get = 0x23, global_set = 0x24,
  i32_load = 0x28, i32_store = 0x36, i32_const = 0x41,
  i32_eqz = 0x45, i32_eq = 0x46, i32_ne = 0x47, i32_lt_s = 0x48, i32_gt_s = 0x4a, i32_le_s = 0x4c, i32_ge_s = 0x4e,
  i32_add = 0x6a, i32_sub = 0x6b, i32_and = 0x71, i32_or = 0x72, i32_shl = 0x74,
}

/** A function body under construction, with named labels resolved to depths. */
export class Code {
  out = new Bytes();
  private ctl: number[] = [];
  private nextLabel = 1;
  nlocals = 0;
  constructor(public nparams: number) {}
  local(): number { return this.nparams + this.nlocals++; }
  op(o: number): this { this.out.u8(o); return this; }
  i32(x: number): this { this.out.u8(Op.i32_const).s32(x); return this; }
  get(l: number): this { this.out.u8(Op.local_get).u32(l); return this; }
  set(l: number): this { this.out.u8(Op.local_set).u32(l); return this; }
  tee(l: number): this { this.out.u8(Op.local_tee).u32(l); return this; }
  gget(g: number): this { this.out.u8(Op.global_get).u32(g); return this; }
  gset(g: number): this { this.out.u8(Op.global_set).u32(g); return this; }
  call(f: number): this { this.out.u8(Op.call).u32(f); return this; }
  /** Opens a block; returns its label. */
  block(result = false): number { this.out.u8(Op.block).u8(result ? I32 : 0x40); const l = this.nextLabel++; this.ctl.push(l); return l; }
  loop(): number { this.out.u8(Op.loop).u8(0x40); const l = this.nextLabel++; this.ctl.push(l); return l; }
  if_(): number { this.out.u8(Op.if_).u8(0x40); const l = this.nextLabel++; this.ctl.push(l); return l; }
  else_(): this { this.out.u8(Op.else_); return this; }
  end(): this { this.out.u8(Op.end); this.ctl.pop(); return this; }
  depth(l: number): number {
    const i = this.ctl.lastIndexOf(l);
    if (i < 0) throw new Error("internal: branch to a closed label");
    return this.ctl.length - 1 - i;
  }
  br(l: number): this { this.out.u8(Op.br).u32(this.depth(l)); return this; }
  brIf(l: number): this { this.out.u8(Op.br_if).u32(this.depth(l)); return this; }
  brTable(ls: number[], dflt: number): this {
    this.out.u8(Op.br_table).u32(ls.length);
    for (const l of ls) this.out.u32(this.depth(l));
    this.out.u32(this.depth(dflt));
    return this;
  }
  ret(): this { return this.op(Op.return_); }
}

export interface FuncDef { name: string; nparams: number; nresults: number; code: Code }

interface Section { id: number; data: Uint8Array }

class Reader {
  p = 0;
  constructor(public b: Uint8Array) {}
  u8(): number { return this.b[this.p++]!; }
  u32(): number {
    let r = 0, s = 0, byte;
    do { byte = this.b[this.p++]!; r |= (byte & 0x7f) << s; s += 7; } while (byte & 0x80);
    return r >>> 0;
  }
  s32(): number {
    let r = 0, s = 0, byte;
    do { byte = this.b[this.p++]!; r |= (byte & 0x7f) << s; s += 7; } while (byte & 0x80);
    if (s < 32 && (byte & 0x40)) r |= -1 << s;
    return r | 0;
  }
  name(): string { const n = this.u32(); const s = new TextDecoder().decode(this.b.subarray(this.p, this.p + n)); this.p += n; return s; }
  limits(): void { const f = this.u8(); this.u32(); if (f & 1) this.u32(); }
}

/** The parsed runtime, shared by every compilation. */
export class RuntimeModule {
  sections: Section[] = [];
  types: string[] = []; // "pp:r" signatures as keys
  typeBytes: Uint8Array[] = [];
  funcImports: { module: string; name: string; type: number }[] = [];
  nfuncs = 0; // defined functions
  funcTypes: number[] = [];
  nglobals = 0;
  exports = new Map<string, number>();
  dataEnd = 0;
  ndata = 0;

  constructor(bytes: Uint8Array) {
    const r = new Reader(bytes);
    r.p = 8;
    while (r.p < bytes.length) {
      const id = r.u8();
      const len = r.u32();
      const data = bytes.subarray(r.p, r.p + len);
      r.p += len;
      if (id === 0) continue; // custom sections are dropped
      this.sections.push({ id, data });
      const s = new Reader(data);
      if (id === 1) {
        const n = s.u32();
        for (let i = 0; i < n; i++) {
          const start = s.p;
          s.u8();
          const np = s.u32(); s.p += np;
          const nr = s.u32(); s.p += nr;
          const tb = data.subarray(start, s.p);
          this.typeBytes.push(tb);
          this.types.push(Array.from(tb).join(","));
        }
      } else if (id === 2) {
        const n = s.u32();
        for (let i = 0; i < n; i++) {
          const module = s.name(), name = s.name(), kind = s.u8();
          if (kind === 0) this.funcImports.push({ module, name, type: s.u32() });
          else if (kind === 2) s.limits();
          else throw new Error("runtime: unexpected import kind");
        }
      } else if (id === 3) {
        const n = s.u32();
        for (let i = 0; i < n; i++) this.funcTypes.push(s.u32());
        this.nfuncs = n;
      } else if (id === 6) {
        this.nglobals = s.u32();
      } else if (id === 7) {
        const n = s.u32();
        for (let i = 0; i < n; i++) {
          const name = s.name(), kind = s.u8(), idx = s.u32();
          if (kind === 0) this.exports.set(name, idx);
        }
      } else if (id === 11) {
        const n = s.u32();
        this.ndata = n;
        for (let i = 0; i < n; i++) {
          const flag = s.u32();
          if (flag !== 0) throw new Error("runtime: unexpected data segment kind");
          if (s.u8() !== 0x41) throw new Error("runtime: unexpected data offset");
          const off = s.s32();
          s.u8(); // end
          const sz = s.u32();
          s.p += sz;
          this.dataEnd = Math.max(this.dataEnd, off + sz);
        }
      }
    }
  }

  func(name: string): number {
    const i = this.exports.get(name);
    if (i === undefined) throw new Error(`runtime: no export ${name}`);
    return i;
  }
  get firstNewFunc(): number { return this.funcImports.length + this.nfuncs; }
  importIndex(name: string): number {
    const i = this.funcImports.findIndex((f) => f.name === name);
    if (i < 0) throw new Error(`runtime: no import ${name}`);
    return i;
  }
}

export interface LinkInput {
  funcs: FuncDef[]; // appended in order; indices from rt.firstNewFunc
  nglobals: number; // mutable i32 globals appended, zero-initialised
  data: Uint8Array; // placed at dataBase
  dataBase: number;
  exports: { name: string; func?: number; global?: number }[];
  start: number; // function index
  extraGlobals?: { value: number; mutable: boolean }[]; // appended after the nglobals, e.g. ABI version globals
}

function section(out: Bytes, id: number, body: Bytes | Uint8Array): void {
  const b = body instanceof Bytes ? body.b : Array.from(body);
  out.u8(id).u32(b.length).raw(b);
}

export function link(rt: RuntimeModule, inp: LinkInput): Uint8Array {
  const types = rt.types.slice();
  const typeBytes = rt.typeBytes.map((t) => Array.from(t));
  const typeOf = (np: number, nr: number): number => {
    const tb = new Bytes().u8(0x60).u32(np);
    for (let i = 0; i < np; i++) tb.u8(I32);
    tb.u32(nr);
    for (let i = 0; i < nr; i++) tb.u8(I32);
    const key = tb.b.join(",");
    let i = types.indexOf(key);
    if (i < 0) { i = types.length; types.push(key); typeBytes.push(tb.b); }
    return i;
  };
  const newTypes = inp.funcs.map((f) => typeOf(f.nparams, f.nresults));
  const out = new Bytes().raw([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
  const dataEnd = inp.dataBase + inp.data.length;
  const pages = Math.ceil((dataEnd + 16) / 65536) + 1;
  for (const sec of rt.sections) {
    switch (sec.id) {
      case 1: {
        const b = new Bytes().u32(types.length);
        for (const t of typeBytes) b.raw(t);
        section(out, 1, b);
        break;
      }
      case 2: {
        const b = new Bytes().u32(rt.funcImports.length + 1);
        for (const f of rt.funcImports) b.name(f.module).name(f.name).u8(0).u32(f.type);
        b.name("env").name("memory").u8(2).u8(0).u32(pages);
        section(out, 2, b);
        break;
      }
      case 3: {
        const b = new Bytes().u32(rt.nfuncs + inp.funcs.length);
        for (const t of rt.funcTypes) b.u32(t);
        for (const t of newTypes) b.u32(t);
        section(out, 3, b);
        break;
      }
      case 6: {
        const r = new Reader(sec.data);
        r.u32();
        const extra = inp.extraGlobals ?? [];
        const b = new Bytes().u32(rt.nglobals + inp.nglobals + extra.length).raw(sec.data.subarray(r.p));
        for (let i = 0; i < inp.nglobals; i++) b.u8(I32).u8(1).u8(Op.i32_const).s32(0).u8(Op.end);
        for (const g of extra) b.u8(I32).u8(g.mutable ? 1 : 0).u8(Op.i32_const).s32(g.value).u8(Op.end);
        section(out, 6, b);
        break;
      }
      case 7: {
        const b = new Bytes().u32(inp.exports.length);
        for (const e of inp.exports) {
          if (e.func !== undefined) b.name(e.name).u8(0).u32(e.func);
          else b.name(e.name).u8(3).u32(e.global!);
        }
        section(out, 7, b);
        section(out, 8, new Bytes().u32(inp.start));
        break;
      }
      case 8: break;
      case 10: {
        const r = new Reader(sec.data);
        r.u32();
        const b = new Bytes().u32(rt.nfuncs + inp.funcs.length).raw(sec.data.subarray(r.p));
        for (const f of inp.funcs) {
          const body = new Bytes();
          if (f.code.nlocals > 0) body.u32(1).u32(f.code.nlocals).u8(I32);
          else body.u32(0);
          body.raw(f.code.out.b).u8(Op.end);
          b.u32(body.b.length).raw(body.b);
        }
        section(out, 10, b);
        break;
      }
      case 11: {
        const r = new Reader(sec.data);
        r.u32();
        const b = new Bytes().u32(rt.ndata + 1).raw(sec.data.subarray(r.p));
        b.u32(0).u8(Op.i32_const).s32(inp.dataBase).u8(Op.end).vec(inp.data);
        section(out, 11, b);
        break;
      }
      case 12: section(out, 12, new Bytes().u32(rt.ndata + 1)); break;
      default: section(out, sec.id, sec.data);
    }
  }
  return new Uint8Array(out.b);
}
