// JSON (and Rego literal) parsing from UTF-8 bytes in memory, and dumping.
import {
  V, VNum, VStr, VArr, VObj, VSet, NULL, TRUE, FALSE, T_NULL, T_BOOL, T_NUM, T_STR, T_ARR, T_OBJ, T_SET,
  num, asNum, asStr, asArr, asObj, asSet, setAdd, objPut, numToText,
} from "./value";

let pp: usize = 0;
let pend: usize = 0;
let perr: bool = false;
let psets: bool = false;

// @ts-ignore: decorator
@inline function peekc(): i32 { return pp < pend ? <i32>load<u8>(pp) : -1; }

function ws(): void {
  while (pp < pend) {
    let c = load<u8>(pp);
    if (c == 32 || c == 9 || c == 10 || c == 13) pp++;
    else break;
  }
}

export function parseBytes(ptr: usize, len: usize, sets: bool): V | null {
  pp = ptr; pend = ptr + len; perr = false; psets = sets;
  ws();
  if (pp >= pend) return null;
  let v = pvalue();
  if (perr) return null;
  return v;
}

export function parseString(s: string, sets: bool): V | null {
  let buf = String.UTF8.encode(s);
  return parseBytes(changetype<usize>(buf), <usize>buf.byteLength, sets);
}

function lit(w: string): bool {
  let n = w.length;
  if (pp + <usize>n > pend) return false;
  for (let i = 0; i < n; i++) if (<i32>load<u8>(pp + <usize>i) != w.charCodeAt(i)) return false;
  pp += <usize>n;
  return true;
}

function pvalue(): V {
  ws();
  let c = peekc();
  if (c == 123) return pobj();
  if (c == 91) return parr();
  if (c == 34) return new VStr(pstr());
  if (c == 45 || (c >= 48 && c <= 57)) return pnum();
  if (lit("true")) return TRUE;
  if (lit("false")) return FALSE;
  if (lit("null")) return NULL;
  if (psets && lit("set()")) return new VSet();
  perr = true;
  pp = pend;
  return NULL;
}

// Rego literals (not JSON) may end a collection with a comma: consumes the closing bracket after one.
function trailing(close: i32): bool {
  if (!psets) return false;
  ws();
  if (peekc() != close) return false;
  pp++;
  return true;
}

function parr(): V {
  pp++;
  let a = new Array<V>();
  ws();
  if (peekc() == 93) { pp++; return new VArr(a); }
  while (!perr) {
    a.push(pvalue());
    ws();
    let c = peekc();
    if (c == 44) { pp++; if (trailing(93)) break; continue; }
    if (c == 93) { pp++; break; }
    perr = true; break;
  }
  return new VArr(a);
}

function pobj(): V {
  pp++;
  ws();
  if (peekc() == 125) { pp++; return new VObj(); }
  let first = pvalue();
  ws();
  if (psets && peekc() != 58) {
    let s = new VSet();
    setAdd(s, first);
    while (!perr) {
      ws();
      let c = peekc();
      if (c == 44) { pp++; if (trailing(125)) break; setAdd(s, pvalue()); continue; }
      if (c == 125) { pp++; break; }
      perr = true; break;
    }
    return s;
  }
  let o = new VObj();
  let k = first;
  while (!perr) {
    ws();
    if (peekc() != 58) { perr = true; break; }
    pp++;
    let v = pvalue();
    objPut(o, k, v);
    ws();
    let c = peekc();
    if (c == 44) { pp++; if (trailing(125)) break; k = pvalue(); continue; }
    if (c == 125) { pp++; break; }
    perr = true; break;
  }
  return o;
}

function hex(c: i32): i32 {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  perr = true;
  return 0;
}

function pstr(): string {
  pp++;
  let start = pp;
  // fast path: no escapes
  while (pp < pend) {
    let c = load<u8>(pp);
    if (c == 34) {
      let s = String.UTF8.decodeUnsafe(start, pp - start);
      pp++;
      return s;
    }
    if (c == 92) break;
    pp++;
  }
  let out = String.UTF8.decodeUnsafe(start, pp - start);
  let parts = new Array<string>();
  parts.push(out);
  while (pp < pend) {
    let c = <i32>load<u8>(pp);
    if (c == 34) { pp++; return parts.join(""); }
    if (c == 92) {
      pp++;
      let e = peekc();
      pp++;
      if (e == 110) parts.push("\n");
      else if (e == 116) parts.push("\t");
      else if (e == 114) parts.push("\r");
      else if (e == 98) parts.push("\b");
      else if (e == 102) parts.push("\f");
      else if (e == 117) {
        if (pp + 4 > pend) { perr = true; return ""; }
        let u = (hex(load<u8>(pp)) << 12) | (hex(load<u8>(pp + 1)) << 8) | (hex(load<u8>(pp + 2)) << 4) | hex(load<u8>(pp + 3));
        pp += 4;
        parts.push(String.fromCharCode(u));
      } else if (e == 34 || e == 92 || e == 47) parts.push(String.fromCharCode(e));
      else { perr = true; return ""; }
      continue;
    }
    let s = pp;
    while (pp < pend) {
      let d = load<u8>(pp);
      if (d == 34 || d == 92) break;
      pp++;
    }
    parts.push(String.UTF8.decodeUnsafe(s, pp - s));
  }
  perr = true;
  return "";
}

function pnum(): V {
  let start = pp;
  if (peekc() == 45) pp++;
  let digits = 0;
  let simple = true;
  while (pp < pend) {
    let c = <i32>load<u8>(pp);
    if (c >= 48 && c <= 57) { digits++; pp++; }
    else if (c == 46 || c == 101 || c == 69 || c == 43 || (c == 45 && pp > start)) { simple = false; pp++; }
    else break;
  }
  let len = pp - start;
  if (digits == 0) { perr = true; return NULL; }
  if (simple && digits <= 15) {
    let v: i64 = 0;
    let neg = load<u8>(start) == 45;
    for (let q = neg ? start + 1 : start; q < pp; q++) v = v * 10 + <i64>(load<u8>(q) - 48);
    return num(<f64>(neg ? -v : v));
  }
  let text = String.UTF8.decodeUnsafe(start, len);
  let f = parseFloat(text);
  // keep the text of numbers a double cannot hold: long ones, and ones past its range
  if (digits > 15 || !isFinite(f)) return new VNum(f, text);
  return num(f);
}

// ---- dumping ----------------------------------------------------------------

let ob: usize = 0;
let olen: usize = 0;
let ocap: usize = 0;

function need(n: usize): void {
  if (olen + n <= ocap) return;
  let nc = max<usize>(ocap * 2, olen + n + 64);
  let nb = __alloc(nc);
  if (olen > 0) memory.copy(nb, ob, olen);
  ob = nb; ocap = nc;
}
// @ts-ignore: decorator
@inline function putb(b: i32): void { need(1); store<u8>(ob + olen, <u8>b); olen++; }
function puts(s: string): void {
  let n = String.UTF8.byteLength(s);
  need(<usize>n);
  String.UTF8.encodeUnsafe(changetype<usize>(s), s.length, ob + olen);
  olen += <usize>n;
}
function putAscii(s: string): void {
  let n = s.length;
  need(<usize>n);
  for (let i = 0; i < n; i++) store<u8>(ob + olen + <usize>i, <u8>s.charCodeAt(i));
  olen += <usize>n;
}

const HEX = "0123456789abcdef";
function putStr(s: string): void {
  putb(34);
  let n = s.length;
  let run = 0;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c == 34 || c == 92 || c < 32) {
      if (i > run) puts(s.substring(run, i));
      run = i + 1;
      putb(92);
      if (c == 34 || c == 92) putb(c);
      else if (c == 10) putb(110);
      else if (c == 13) putb(114);
      else if (c == 9) putb(116);
      else { putb(117); putb(48); putb(48); putb(HEX.charCodeAt(c >> 4)); putb(HEX.charCodeAt(c & 15)); }
    }
  }
  if (run == 0) puts(s); else if (run < n) puts(s.substring(run));
  putb(34);
}

function dumpV(v: V, rego: bool): void {
  switch (v.t) {
    case T_NULL: putAscii("null"); return;
    case T_BOOL: putAscii(v === TRUE ? "true" : "false"); return;
    case T_NUM: putAscii(numToText(asNum(v))); return;
    case T_STR: putStr(asStr(v).s); return;
    case T_ARR: {
      let a = asArr(v).a;
      putb(91);
      for (let i = 0; i < a.length; i++) { if (i > 0) putb(44); dumpV(unchecked(a[i]), rego); }
      putb(93);
      return;
    }
    case T_SET: {
      let a = asSet(v).a;
      if (rego) {
        if (a.length == 0) { putAscii("set()"); return; }
        putb(123);
      } else putb(91);
      for (let i = 0; i < a.length; i++) { if (i > 0) putb(44); dumpV(unchecked(a[i]), rego); }
      putb(rego ? 125 : 93);
      return;
    }
    case T_OBJ: {
      let o = asObj(v);
      putb(123);
      for (let i = 0; i < o.k.length; i++) {
        if (i > 0) putb(44);
        let k = unchecked(o.k[i]);
        if (k.t == T_STR || rego) dumpV(k, rego);
        else putStr(dumpString(k, false));
        putb(58);
        dumpV(unchecked(o.v[i]), rego);
      }
      putb(125);
      return;
    }
  }
}

// Dumps to a fresh NUL-terminated buffer; returns its address.
export function dumpToMem(v: V, rego: bool): usize {
  let sob = ob, solen = olen, socap = ocap;
  ob = 0; olen = 0; ocap = 0;
  dumpV(v, rego);
  putb(0);
  let r = ob;
  ob = sob; olen = solen; ocap = socap;
  return r;
}

export function dumpString(v: V, rego: bool): string {
  let sob = ob, solen = olen, socap = ocap;
  ob = 0; olen = 0; ocap = 0;
  dumpV(v, rego);
  let s = String.UTF8.decodeUnsafe(ob, olen);
  ob = sob; olen = solen; ocap = socap;
  return s;
}
