// The value model: null, booleans, numbers, strings, arrays, objects, sets.
// Objects and sets keep their keys sorted in Rego order, so lookups are binary
// searches, comparison is a merge, and iteration is deterministic.

export const T_NULL: i32 = 0;
export const T_BOOL: i32 = 1;
export const T_NUM: i32 = 2;
export const T_STR: i32 = 3;
export const T_ARR: i32 = 4;
export const T_OBJ: i32 = 5;
export const T_SET: i32 = 6;

export class V {
  t: i32;
  constructor(t: i32) { this.t = t; }
}
export class VBool extends V {
  b: bool;
  constructor(b: bool) { super(T_BOOL); this.b = b; }
}
export class VNum extends V {
  f: f64;
  s: string | null; // exact decimal text when the double cannot hold it
  constructor(f: f64, s: string | null) { super(T_NUM); this.f = f; this.s = s; }
}
export class VStr extends V {
  s: string;
  constructor(s: string) { super(T_STR); this.s = s; }
}
export class VArr extends V {
  a: Array<V>;
  constructor(a: Array<V>) { super(T_ARR); this.a = a; }
}
export class VObj extends V {
  k: Array<V>;
  v: Array<V>;
  constructor() { super(T_OBJ); this.k = new Array<V>(); this.v = new Array<V>(); }
}
export class VSet extends V {
  a: Array<V>;
  constructor() { super(T_SET); this.a = new Array<V>(); }
}

// Immutable singletons, made once at start-up (below the SDK's base heap pointer).
export let NULL: V = changetype<V>(0);
export let TRUE: VBool = changetype<VBool>(0);
export let FALSE: VBool = changetype<VBool>(0);
export let SMALL: Array<VNum> = changetype<Array<VNum>>(0);

export function initValues(): void {
  NULL = new V(T_NULL);
  TRUE = new VBool(true);
  FALSE = new VBool(false);
  SMALL = new Array<VNum>(256);
  for (let i = 0; i < 256; i++) SMALL[i] = new VNum(<f64>i, null);
}

// @ts-ignore: decorator
@inline export function boolv(b: bool): V { return b ? TRUE : FALSE; }
export function num(f: f64): V {
  if (f >= 0 && f < 256) {
    let i = <i32>f;
    if (<f64>i == f) return unchecked(SMALL[i]);
  }
  return new VNum(f, null);
}
// @ts-ignore: decorator
@inline export function str(s: string): V { return new VStr(s); }

// @ts-ignore: decorator
@inline export function asNum(v: V): VNum { return changetype<VNum>(v); }
// @ts-ignore: decorator
@inline export function asStr(v: V): VStr { return changetype<VStr>(v); }
// @ts-ignore: decorator
@inline export function asArr(v: V): VArr { return changetype<VArr>(v); }
// @ts-ignore: decorator
@inline export function asObj(v: V): VObj { return changetype<VObj>(v); }
// @ts-ignore: decorator
@inline export function asSet(v: V): VSet { return changetype<VSet>(v); }
// @ts-ignore: decorator
@inline export function isNull(v: V | null): bool { return changetype<usize>(v) == 0; }

// ---- comparison -------------------------------------------------------------

export function cmpStr(a: string, b: string): i32 {
  // Code point order, which is also UTF-8 byte order.
  let n = min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = <i32>a.charCodeAt(i), y = <i32>b.charCodeAt(i);
    if (x != y) {
      // surrogates (0xD800..0xDFFF) encode code points above 0xFFFF
      let xs = x >= 0xd800 && x < 0xe000, ys = y >= 0xd800 && y < 0xe000;
      if (xs && !ys && y >= 0xe000) return 1;
      if (ys && !xs && x >= 0xe000) return -1;
      return x < y ? -1 : 1;
    }
  }
  return a.length == b.length ? 0 : (a.length < b.length ? -1 : 1);
}

export function cmpNum(a: VNum, b: VNum): i32 {
  if (a.f < b.f) return -1;
  if (a.f > b.f) return 1;
  let as = a.s, bs = b.s;
  if (as !== null || bs !== null) return cmpBigText(a, b);
  return 0;
}

function numText(n: VNum): string {
  let s = n.s;
  if (s !== null) return s;
  return fmtNum(n.f);
}

// Exact comparison of two decimal texts of equal double value.
function cmpBigText(a: VNum, b: VNum): i32 {
  let x = normDec(numText(a)), y = normDec(numText(b));
  if (x == y) return 0;
  // both have the same sign and magnitude class; compare as integers-with-exponent
  let xn = x.startsWith("-"), yn = y.startsWith("-");
  let c = cmpAbsDec(xn ? x.substring(1) : x, yn ? y.substring(1) : y);
  return xn ? -c : c;
}

// Normal form "digits.e" : strip leading/trailing zeros and express as D E (D integer digits, value = D * 10^E)
export function normDec(s: string): string {
  let neg = false, i = 0;
  if (s.startsWith("-")) { neg = true; i = 1; }
  let digits = "", exp: i32 = 0, seenDot = false;
  let n = s.length;
  while (i < n) {
    let c = s.charCodeAt(i);
    if (c == 46) { seenDot = true; }
    else if (c == 101 || c == 69) { exp += I32.parseInt(s.substring(i + 1)); break; }
    else { digits += String.fromCharCode(c); if (seenDot) exp--; }
    i++;
  }
  let a = 0;
  while (a < digits.length - 1 && digits.charCodeAt(a) == 48) a++;
  digits = digits.substring(a);
  let b = digits.length;
  while (b > 1 && digits.charCodeAt(b - 1) == 48) { b--; exp++; }
  digits = digits.substring(0, b);
  if (digits == "0") return "0";
  return (neg ? "-" : "") + digits + "e" + exp.toString();
}

function cmpAbsDec(x: string, y: string): i32 {
  let xe = x.indexOf("e"), ye = y.indexOf("e");
  let xd = xe < 0 ? x : x.substring(0, xe), yd = ye < 0 ? y : y.substring(0, ye);
  let xx = xe < 0 ? 0 : I32.parseInt(x.substring(xe + 1)), yx = ye < 0 ? 0 : I32.parseInt(y.substring(ye + 1));
  // magnitude = len(d) + exp
  let xm = xd.length + xx, ym = yd.length + yx;
  if (xd == "0") return yd == "0" ? 0 : -1;
  if (yd == "0") return 1;
  if (xm != ym) return xm < ym ? -1 : 1;
  let n = max(xd.length, yd.length);
  for (let i = 0; i < n; i++) {
    let a = i < xd.length ? xd.charCodeAt(i) : 48, b = i < yd.length ? yd.charCodeAt(i) : 48;
    if (a != b) return a < b ? -1 : 1;
  }
  return 0;
}

export function compare(a: V, b: V): i32 {
  if (a === b) return 0;
  let ta = a.t, tb = b.t;
  if (ta != tb) return ta < tb ? -1 : 1;
  switch (ta) {
    case T_NULL: return 0;
    case T_BOOL: {
      let x = changetype<VBool>(a).b, y = changetype<VBool>(b).b;
      return x == y ? 0 : (x ? 1 : -1);
    }
    case T_NUM: return cmpNum(asNum(a), asNum(b));
    case T_STR: return cmpStr(asStr(a).s, asStr(b).s);
    case T_ARR: return cmpArr(asArr(a).a, asArr(b).a);
    case T_SET: return cmpArr(asSet(a).a, asSet(b).a);
    case T_OBJ: {
      let x = asObj(a), y = asObj(b);
      let n = min(x.k.length, y.k.length);
      for (let i = 0; i < n; i++) {
        let c = compare(unchecked(x.k[i]), unchecked(y.k[i]));
        if (c != 0) return c;
        c = compare(unchecked(x.v[i]), unchecked(y.v[i]));
        if (c != 0) return c;
      }
      return x.k.length == y.k.length ? 0 : (x.k.length < y.k.length ? -1 : 1);
    }
  }
  return 0;
}

function cmpArr(x: Array<V>, y: Array<V>): i32 {
  let n = min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    let c = compare(unchecked(x[i]), unchecked(y[i]));
    if (c != 0) return c;
  }
  return x.length == y.length ? 0 : (x.length < y.length ? -1 : 1);
}

// @ts-ignore: decorator
@inline export function equal(a: V, b: V): bool { return compare(a, b) == 0; }

// ---- sorted collections -----------------------------------------------------

// Index of k, or -(insertion point)-1.
export function search(a: Array<V>, k: V): i32 {
  let lo = 0, hi = a.length - 1;
  // fast path: appending in order
  if (hi >= 0) {
    let c = compare(unchecked(a[hi]), k);
    if (c < 0) return -(hi + 1) - 1;
    if (c == 0) return hi;
  }
  while (lo <= hi) {
    let mid = (lo + hi) >>> 1;
    let c = compare(unchecked(a[mid]), k);
    if (c == 0) return mid;
    if (c < 0) lo = mid + 1; else hi = mid - 1;
  }
  return -lo - 1;
}

export function setAdd(s: VSet, v: V): void {
  let i = search(s.a, v);
  if (i >= 0) return;
  insertAt(s.a, -i - 1, v);
}

export function insertAt(a: Array<V>, at: i32, v: V): void {
  let n = a.length;
  a.push(v);
  for (let j = n; j > at; j--) unchecked(a[j] = a[j - 1]);
  unchecked(a[at] = v);
}

export function setHas(s: VSet, v: V): bool { return search(s.a, v) >= 0; }

export function objGet(o: VObj, k: V): V | null {
  let i = search(o.k, k);
  if (i < 0) return null;
  return unchecked(o.v[i]);
}

// Insert or replace. Returns false when the key was present with a different value.
export function objPut(o: VObj, k: V, v: V): bool {
  let i = search(o.k, k);
  if (i >= 0) {
    let ok = equal(unchecked(o.v[i]), v);
    unchecked(o.v[i] = v);
    return ok;
  }
  let at = -i - 1;
  insertAt(o.k, at, k);
  insertAt(o.v, at, v);
  return true;
}

export function objGetStr(o: VObj, k: string): V | null {
  let lo = 0, hi = o.k.length - 1;
  while (lo <= hi) {
    let mid = (lo + hi) >>> 1;
    let kk = unchecked(o.k[mid]);
    let c: i32 = kk.t < T_STR ? -1 : (kk.t > T_STR ? 1 : cmpStr(asStr(kk).s, k));
    if (c == 0) return unchecked(o.v[mid]);
    if (c < 0) lo = mid + 1; else hi = mid - 1;
  }
  return null;
}

export function newObj(): VObj { return new VObj(); }
export function newSet(): VSet { return new VSet(); }
export function newArr(): VArr { return new VArr(new Array<V>()); }

// ---- numbers ----------------------------------------------------------------

export function fmtNum(f: f64): string {
  if (f == Math.floor(f) && Math.abs(f) < 1e21) {
    if (Math.abs(f) < 9.2e18) return (<i64>f).toString();
  }
  let s = f.toString();
  return s;
}

export function numToText(n: VNum): string { return numText(n); }

// Integer value of a number, if it is one and fits.
export function isInt(v: V): bool {
  if (v.t != T_NUM) return false;
  let f = asNum(v).f;
  return f == Math.floor(f) && isFinite(f);
}
