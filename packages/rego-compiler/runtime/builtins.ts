// Built-in functions compiled into the module. Each takes and returns values;
// null means undefined (a type error gives undefined, as OPA's wasm does).
import {
  V, VArr, VObj, VSet, VStr, VNum, VBool, NULL, TRUE, FALSE, T_NULL, T_BOOL, T_NUM, T_STR, T_ARR, T_OBJ, T_SET,
  compare, equal, asArr, asObj, asSet, asStr, asNum, objGet, objPut, objGetStr, setAdd, setHas, search, num, boolv,
  fmtNum, numToText, isInt, cmpStr,
} from "./value";
import { parseString, dumpString } from "./json";
import { goSprintf, regoString } from "./sprintf";

// ---- errors -------------------------------------------------------------------
// Why the last built-in gave undefined where OPA raises an error; the generated
// code turns it into an abort in strict mode and ignores it otherwise.
let lastErr: string | null = null;
export function takeErr(): string | null { let e = lastErr; lastErr = null; return e; }
export function clearErr(): void { lastErr = null; }
export function typeErr(name: string, msg: string): V | null { lastErr = "eval_type_error: " + name + ": " + msg; return null; }
export function builtinErr(name: string, msg: string): V | null { lastErr = "eval_builtin_error: " + name + ": " + msg; return null; }

// ---- helpers ----------------------------------------------------------------
// @ts-ignore: decorator
@inline function isStr(v: V): bool { return v.t == T_STR; }
// @ts-ignore: decorator
@inline function isNum(v: V): bool { return v.t == T_NUM; }
// @ts-ignore: decorator
@inline function S(v: V): string { return asStr(v).s; }
// @ts-ignore: decorator
@inline function F(v: V): f64 { return asNum(v).f; }

function hasSurrogates(s: string): bool {
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xe000) return true;
  }
  return false;
}
export function runeCount(s: string): i32 {
  if (!hasSurrogates(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) i++;
    n++;
  }
  return n;
}
function runes(s: string): Array<string> {
  let r = new Array<string>();
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) { r.push(s.substring(i, i + 2)); i++; }
    else r.push(s.charAt(i));
  }
  return r;
}
function elems(v: V): Array<V> | null {
  if (v.t == T_ARR) return asArr(v).a;
  if (v.t == T_SET) return asSet(v).a;
  return null;
}
function arr(a: Array<V>): V { return new VArr(a); }
function strArr(a: Array<string>): V {
  let r = new Array<V>(a.length);
  for (let i = 0; i < a.length; i++) unchecked(r[i] = new VStr(unchecked(a[i])));
  return new VArr(r);
}

// ---- comparison and arithmetic ----------------------------------------------
export function b_equal(a: V, b: V): V | null { return boolv(compare(a, b) == 0); }
export function b_neq(a: V, b: V): V | null { return boolv(compare(a, b) != 0); }
export function b_lt(a: V, b: V): V | null { return boolv(compare(a, b) < 0); }
export function b_lte(a: V, b: V): V | null { return boolv(compare(a, b) <= 0); }
export function b_gt(a: V, b: V): V | null { return boolv(compare(a, b) > 0); }
export function b_gte(a: V, b: V): V | null { return boolv(compare(a, b) >= 0); }

// Integer arithmetic on exact decimal texts for results beyond 2^53.
const SAFE: f64 = 9007199254740992.0;
function bigOk(f: f64): bool { return Math.abs(f) <= SAFE; }

function intText(v: V): string | null {
  let n = asNum(v);
  let s = n.s;
  if (s !== null) {
    for (let i = 0; i < s.length; i++) { let c = s.charCodeAt(i); if (!(c >= 48 && c <= 57) && !(i == 0 && c == 45)) return null; }
    return s;
  }
  if (!isInt(v) || !bigOk(n.f)) return null;
  return fmtNum(n.f);
}
function absAdd(a: string, b: string): string {
  let r = "", carry = 0, i = a.length - 1, j = b.length - 1;
  let parts = new Array<i32>();
  while (i >= 0 || j >= 0 || carry) {
    let d = carry + (i >= 0 ? a.charCodeAt(i) - 48 : 0) + (j >= 0 ? b.charCodeAt(j) - 48 : 0);
    parts.push(d % 10); carry = d / 10; i--; j--;
  }
  for (let k = parts.length - 1; k >= 0; k--) r += String.fromCharCode(48 + parts[k]);
  return r;
}
function absCmp(a: string, b: string): i32 {
  if (a.length != b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : (a > b ? 1 : 0);
}
function absSub(a: string, b: string): string { // a >= b
  let parts = new Array<i32>(), borrow = 0, i = a.length - 1, j = b.length - 1;
  while (i >= 0) {
    let d = a.charCodeAt(i) - 48 - borrow - (j >= 0 ? b.charCodeAt(j) - 48 : 0);
    if (d < 0) { d += 10; borrow = 1; } else borrow = 0;
    parts.push(d); i--; j--;
  }
  let r = "";
  let k = parts.length - 1;
  while (k > 0 && parts[k] == 0) k--;
  for (; k >= 0; k--) r += String.fromCharCode(48 + parts[k]);
  return r;
}
export function absMul(a: string, b: string): string {
  let n = a.length, m = b.length;
  let res = new Array<i32>(n + m).fill(0);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) {
      let p = (a.charCodeAt(i) - 48) * (b.charCodeAt(j) - 48) + res[i + j + 1];
      res[i + j + 1] = p % 10;
      res[i + j] += p / 10;
    }
  let r = "", k = 0;
  while (k < res.length - 1 && res[k] == 0) k++;
  for (; k < res.length; k++) r += String.fromCharCode(48 + res[k]);
  return r;
}
function sadd(a: string, b: string): string {
  let an = a.startsWith("-"), bn = b.startsWith("-");
  let x = an ? a.substring(1) : a, y = bn ? b.substring(1) : b;
  if (an == bn) { let s = absAdd(x, y); return an && s != "0" ? "-" + s : s; }
  let c = absCmp(x, y);
  if (c == 0) return "0";
  if (c > 0) { let s = absSub(x, y); return an ? "-" + s : s; }
  let s = absSub(y, x); return bn ? "-" + s : s;
}
function bigNum(s: string): V {
  let f = parseFloat(s);
  if (bigOk(f)) return num(f);
  return new VNum(f, s);
}
function bigArith(op: i32, a: V, b: V): V | null {
  let x = intText(a), y = intText(b);
  if (x === null || y === null) return null;
  if (op == 0) return bigNum(sadd(x!, y!));
  if (op == 1) return bigNum(sadd(x!, y!.startsWith("-") ? y!.substring(1) : "-" + y!));
  let xn = x!.startsWith("-"), yn = y!.startsWith("-");
  let p = absMul(xn ? x!.substring(1) : x!, yn ? y!.substring(1) : y!);
  return bigNum(xn != yn && p != "0" ? "-" + p : p);
}

export function b_plus(a: V, b: V): V | null {
  if (!isNum(a) || !isNum(b)) return null;
  let r = F(a) + F(b);
  if (!bigOk(r) || asNum(a).s !== null || asNum(b).s !== null) { let q = bigArith(0, a, b); if (q !== null) return q; }
  return num(r);
}
export function b_minus(a: V, b: V): V | null {
  if (isNum(a) && isNum(b)) {
    let r = F(a) - F(b);
    if (!bigOk(r) || asNum(a).s !== null || asNum(b).s !== null) { let q = bigArith(1, a, b); if (q !== null) return q; }
    return num(r);
  }
  if (a.t == T_SET && b.t == T_SET) return b_set_diff(a, b);
  if (!isNum(a) && a.t != T_SET) return typeErr("minus", "operand 1 must be one of {number, set} but got " + TYPE_NAMES[a.t]);
  return typeErr("minus", "operand 2 must be " + (isNum(b) ? "set" : "number") + " but got " + TYPE_NAMES[b.t]);
}
export function b_mul(a: V, b: V): V | null {
  if (!isNum(a) || !isNum(b)) return null;
  let r = F(a) * F(b);
  if (!bigOk(r) || asNum(a).s !== null || asNum(b).s !== null) { let q = bigArith(2, a, b); if (q !== null) return q; }
  return num(r);
}
export function b_div(a: V, b: V): V | null {
  if (!isNum(a) || !isNum(b)) return null;
  if (F(b) == 0) return builtinErr("div", "divide by zero");
  return num(F(a) / F(b));
}
export function b_rem(a: V, b: V): V | null {
  if (!isNum(a) || !isNum(b)) return null;
  if (!isInt(a) || !isInt(b)) return builtinErr("rem", "modulo on floating-point number");
  if (F(b) == 0) return builtinErr("rem", "modulo by zero");
  let r = F(a) % F(b);
  return num(r == 0 ? 0 : r);
}
export function b_abs(a: V): V | null { return isNum(a) ? num(Math.abs(F(a))) : null; }
export function b_ceil(a: V): V | null { return isNum(a) ? num(Math.ceil(F(a))) : null; }
export function b_floor(a: V): V | null { return isNum(a) ? num(Math.floor(F(a))) : null; }
export function b_round(a: V): V | null {
  if (!isNum(a)) return null;
  let f = F(a);
  let r = f < 0 ? -Math.floor(-f + 0.5) : Math.floor(f + 0.5);
  return num(r == 0 ? 0 : r);
}

// ---- aggregates -------------------------------------------------------------
export function b_count(a: V): V | null {
  let t = a.t;
  if (t == T_ARR) return num(<f64>asArr(a).a.length);
  if (t == T_OBJ) return num(<f64>asObj(a).k.length);
  if (t == T_SET) return num(<f64>asSet(a).a.length);
  if (t == T_STR) return num(<f64>runeCount(S(a)));
  return null;
}
// sum and product: a fold of the numbers of an array or set; anything else is undefined.
function foldNumbers(a: V, start: f64, sum: bool): V | null {
  let e = elems(a);
  if (e === null) return null;
  let acc: V = num(start);
  for (let i = 0; i < e!.length; i++) {
    let x = unchecked(e![i]);
    if (!isNum(x)) return null;
    let r = sum ? b_plus(acc, x) : b_mul(acc, x);
    if (r === null) return null;
    acc = r!;
  }
  return acc;
}
export function b_sum(a: V): V | null {
  return foldNumbers(a, 0, true);
}
export function b_product(a: V): V | null {
  return foldNumbers(a, 1, false);
}
export function b_max(a: V): V | null {
  let e = elems(a);
  if (e === null || e!.length == 0) return null;
  let m = unchecked(e![0]);
  for (let i = 1; i < e!.length; i++) if (compare(unchecked(e![i]), m) > 0) m = unchecked(e![i]);
  return m;
}
export function b_min(a: V): V | null {
  let e = elems(a);
  if (e === null || e!.length == 0) return null;
  let m = unchecked(e![0]);
  for (let i = 1; i < e!.length; i++) if (compare(unchecked(e![i]), m) < 0) m = unchecked(e![i]);
  return m;
}
export function b_sort(a: V): V | null {
  if (a.t == T_SET) return arr(asSet(a).a.slice(0));
  if (a.t != T_ARR) return null;
  let c = asArr(a).a.slice(0);
  c.sort((x: V, y: V): i32 => compare(x, y));
  return arr(c);
}
export function b_all(a: V): V | null {
  let e = elems(a);
  if (e === null) return null;
  for (let i = 0; i < e!.length; i++) if (unchecked(e![i]) !== TRUE) return FALSE;
  return TRUE;
}
export function b_any(a: V): V | null {
  let e = elems(a);
  if (e === null) return null;
  for (let i = 0; i < e!.length; i++) if (unchecked(e![i]) === TRUE) return TRUE;
  return FALSE;
}

// ---- arrays -----------------------------------------------------------------
export function b_array_concat(a: V, b: V): V | null {
  if (a.t != T_ARR || b.t != T_ARR) return null;
  return arr(asArr(a).a.concat(asArr(b).a));
}
export function b_array_reverse(a: V): V | null {
  if (a.t != T_ARR) return null;
  let c = asArr(a).a.slice(0);
  c.reverse();
  return arr(c);
}
export function b_array_slice(a: V, s: V, e: V): V | null {
  if (a.t != T_ARR || !isNum(s) || !isNum(e)) return null;
  let x = asArr(a).a;
  let i = <i32>Math.floor(F(s)), j = <i32>Math.floor(F(e));
  if (i < 0) i = 0;
  if (j > x.length) j = x.length;
  if (j < i) j = i;
  return arr(x.slice(i, j));
}

// ---- sets -------------------------------------------------------------------
export function b_set_diff(a: V, b: V): V | null {
  if (a.t != T_SET || b.t != T_SET) return null;
  let r = new VSet();
  let x = asSet(a).a, y = asSet(b);
  for (let i = 0; i < x.length; i++) if (!setHas(y, unchecked(x[i]))) r.a.push(unchecked(x[i]));
  return r;
}
export function b_and(a: V, b: V): V | null {
  if (a.t != T_SET || b.t != T_SET) return null;
  let r = new VSet();
  let x = asSet(a).a, y = asSet(b);
  for (let i = 0; i < x.length; i++) if (setHas(y, unchecked(x[i]))) r.a.push(unchecked(x[i]));
  return r;
}
export function b_or(a: V, b: V): V | null {
  if (a.t != T_SET || b.t != T_SET) return null;
  let r = new VSet();
  r.a = asSet(a).a.slice(0);
  let y = asSet(b).a;
  for (let i = 0; i < y.length; i++) setAdd(r, unchecked(y[i]));
  return r;
}
export function b_intersection(a: V): V | null {
  if (a.t != T_SET) return null;
  let e = asSet(a).a;
  if (e.length == 0) return new VSet();
  let acc: V = unchecked(e[0]);
  for (let i = 0; i < e.length; i++) {
    let r = b_and(acc, unchecked(e[i]));
    if (r === null) return null;
    acc = r!;
  }
  return acc;
}
export function b_union(a: V): V | null {
  if (a.t != T_SET) return null;
  let e = asSet(a).a;
  let acc: V = new VSet();
  for (let i = 0; i < e.length; i++) {
    let r = b_or(acc, unchecked(e[i]));
    if (r === null) return null;
    acc = r!;
  }
  return acc;
}

// ---- membership -------------------------------------------------------------
export function b_internal_member_2(x: V, c: V): V | null {
  let t = c.t;
  if (t == T_SET) return boolv(setHas(asSet(c), x));
  if (t == T_ARR) {
    let a = asArr(c).a;
    for (let i = 0; i < a.length; i++) if (equal(unchecked(a[i]), x)) return TRUE;
    return FALSE;
  }
  if (t == T_OBJ) {
    let o = asObj(c);
    for (let i = 0; i < o.v.length; i++) if (equal(unchecked(o.v[i]), x)) return TRUE;
    return FALSE;
  }
  return FALSE;
}
export function b_internal_member_3(k: V, x: V, c: V): V | null {
  let t = c.t;
  if (t == T_ARR || t == T_OBJ) {
    let kv: V | null = null;
    if (t == T_OBJ) kv = objGet(asObj(c), k);
    else if (isNum(k) && isInt(k)) {
      let a = asArr(c).a;
      let f = F(k);
      if (f >= 0 && f < <f64>a.length) kv = unchecked(a[<i32>f]);
    }
    return boolv(kv !== null && equal(kv!, x));
  }
  return FALSE;
}

// ---- types ------------------------------------------------------------------
export function b_is_number(a: V): V | null { return boolv(a.t == T_NUM); }
export function b_is_string(a: V): V | null { return boolv(a.t == T_STR); }
export function b_is_boolean(a: V): V | null { return boolv(a.t == T_BOOL); }
export function b_is_array(a: V): V | null { return boolv(a.t == T_ARR); }
export function b_is_set(a: V): V | null { return boolv(a.t == T_SET); }
export function b_is_object(a: V): V | null { return boolv(a.t == T_OBJ); }
export function b_is_null(a: V): V | null { return boolv(a.t == T_NULL); }
export const TYPE_NAMES: StaticArray<string> = ["null", "boolean", "number", "string", "array", "object", "set"];
export function b_type_name(a: V): V | null { return new VStr(TYPE_NAMES[a.t]); }

// ---- strings ----------------------------------------------------------------
export function b_concat(d: V, a: V): V | null {
  if (!isStr(d)) return null;
  let e = elems(a);
  if (e === null) return null;
  let parts = new Array<string>(e!.length);
  for (let i = 0; i < e!.length; i++) {
    let x = unchecked(e![i]);
    if (!isStr(x)) return null;
    unchecked(parts[i] = S(x));
  }
  return new VStr(parts.join(S(d)));
}
export function b_contains(a: V, b: V): V | null {
  if (!isStr(a) || !isStr(b)) return null;
  return boolv(S(a).includes(S(b)));
}
export function b_startswith(a: V, b: V): V | null {
  if (!isStr(a) || !isStr(b)) return null;
  return boolv(S(a).startsWith(S(b)));
}
export function b_endswith(a: V, b: V): V | null {
  if (!isStr(a) || !isStr(b)) return null;
  return boolv(S(a).endsWith(S(b)));
}
export function b_lower(a: V): V | null { return isStr(a) ? new VStr(S(a).toLowerCase()) : null; }
export function b_upper(a: V): V | null { return isStr(a) ? new VStr(S(a).toUpperCase()) : null; }
export function b_split(a: V, b: V): V | null {
  if (!isStr(a) || !isStr(b)) return null;
  let s = S(a), d = S(b);
  if (d.length == 0) return strArr(runes(s));
  return strArr(s.split(d));
}
export function b_replace(a: V, o: V, n: V): V | null {
  if (!isStr(a) || !isStr(o) || !isStr(n)) return null;
  let s = S(a), x = S(o), y = S(n);
  if (x.length == 0) {
    // Go inserts the replacement around every rune
    let r = runes(s);
    return new VStr(y + r.join(y) + (r.length > 0 ? y : ""));
  }
  return new VStr(s.replaceAll(x, y));
}
export function b_strings_replace_n(p: V, a: V): V | null {
  if (p.t != T_OBJ || !isStr(a)) return null;
  let o = asObj(p);
  let s = S(a);
  // Go's strings.NewReplacer: at each position, the first pattern (in argument order, here key order) that matches
  for (let i = 0; i < o.k.length; i++) {
    if (!isStr(unchecked(o.k[i]))) return typeErr("strings.replace_n", "operand 1 non-string key found in pattern object");
    if (!isStr(unchecked(o.v[i]))) return typeErr("strings.replace_n", "operand 1 non-string value found in pattern object");
  }
  let out = new Array<string>();
  let i = 0;
  while (i < s.length) {
    let hit = -1;
    for (let j = 0; j < o.k.length; j++) {
      let k = S(unchecked(o.k[j]));
      if (k.length > 0 && s.startsWith(k, i)) { hit = j; break; }
    }
    if (hit >= 0) { out.push(S(unchecked(o.v[hit]))); i += S(unchecked(o.k[hit])).length; }
    else { out.push(s.charAt(i)); i++; }
  }
  return new VStr(out.join(""));
}
export function b_strings_reverse(a: V): V | null {
  if (!isStr(a)) return null;
  let r = runes(S(a));
  r.reverse();
  return new VStr(r.join(""));
}
export function b_indexof(a: V, b: V): V | null {
  if (!isStr(a) || !isStr(b)) return null;
  let s = S(a);
  let i = s.indexOf(S(b));
  if (i < 0) return num(-1);
  return num(<f64>runeCount(s.substring(0, i)));
}
export function b_indexof_n(a: V, b: V): V | null {
  if (!isStr(a) || !isStr(b)) return null;
  let s = S(a), n = S(b);
  let r = new Array<V>();
  if (n.length == 0) return arr(r);
  let i = s.indexOf(n);
  while (i >= 0) { r.push(num(<f64>runeCount(s.substring(0, i)))); i = s.indexOf(n, i + 1); }
  return arr(r);
}
export function b_substring(a: V, st: V, ln: V): V | null {
  if (!isStr(a) || !isNum(st) || !isNum(ln)) return null;
  if (!isInt(st)) return typeErr("substring", "operand 2 must be integer number but got floating-point number");
  if (!isInt(ln)) return typeErr("substring", "operand 3 must be integer number but got floating-point number");
  let r = runes(S(a));
  let s = <i32>F(st), l = <i32>F(ln);
  if (s < 0) return builtinErr("substring", "negative offset");
  if (s >= r.length) return new VStr("");
  let e = l < 0 || s + l > r.length ? r.length : s + l;
  return new VStr(r.slice(s, e).join(""));
}
function cutset(s: string, c: string, left: bool, right: bool): string {
  let a = 0, b = s.length;
  if (left) while (a < b && c.includes(s.charAt(a))) a++;
  if (right) while (b > a && c.includes(s.charAt(b - 1))) b--;
  return s.substring(a, b);
}
export function b_trim(a: V, c: V): V | null { return isStr(a) && isStr(c) ? new VStr(cutset(S(a), S(c), true, true)) : null; }
export function b_trim_left(a: V, c: V): V | null { return isStr(a) && isStr(c) ? new VStr(cutset(S(a), S(c), true, false)) : null; }
export function b_trim_right(a: V, c: V): V | null { return isStr(a) && isStr(c) ? new VStr(cutset(S(a), S(c), false, true)) : null; }
export function b_trim_prefix(a: V, c: V): V | null {
  if (!isStr(a) || !isStr(c)) return null;
  let s = S(a), p = S(c);
  return new VStr(s.startsWith(p) ? s.substring(p.length) : s);
}
export function b_trim_suffix(a: V, c: V): V | null {
  if (!isStr(a) || !isStr(c)) return null;
  let s = S(a), p = S(c);
  return new VStr(p.length > 0 && s.endsWith(p) ? s.substring(0, s.length - p.length) : s);
}
function isSpace(c: i32): bool {
  return c == 32 || (c >= 9 && c <= 13) || c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}
export function b_trim_space(a: V): V | null {
  if (!isStr(a)) return null;
  let s = S(a);
  let i = 0, j = s.length;
  while (i < j && isSpace(s.charCodeAt(i))) i++;
  while (j > i && isSpace(s.charCodeAt(j - 1))) j--;
  return new VStr(s.substring(i, j));
}
export function b_strings_count(a: V, b: V): V | null {
  if (!isStr(a) || !isStr(b)) return null;
  let s = S(a), n = S(b);
  if (n.length == 0) return num(<f64>(runeCount(s) + 1));
  let c = 0, i = s.indexOf(n);
  while (i >= 0) { c++; i = s.indexOf(n, i + n.length); }
  return num(<f64>c);
}
export function b_format_int(a: V, b: V): V | null {
  if (!isNum(a) || !isNum(b)) return null;
  let base = <i32>F(b);
  if (<f64>base != F(b) || (base != 2 && base != 8 && base != 10 && base != 16)) return typeErr("format_int", "operand 2 must be one of {2, 8, 10, 16}");
  let f = F(a);
  let neg = f < 0;
  let n = <i64>Math.floor(Math.abs(f));
  if (neg) n = <i64>Math.floor(-f) ; // truncation toward zero
  let s = n == 0 ? "0" : "";
  const D = "0123456789abcdef";
  while (n > 0) { s = D.charAt(<i32>(n % base)) + s; n /= base; }
  return new VStr(neg && s != "0" ? "-" + s : s);
}
export function b_sprintf(f: V, a: V): V | null {
  if (!isStr(f) || a.t != T_ARR) return null;
  return goSprintf(S(f), asArr(a).a);
}
export function b_to_number(a: V): V | null {
  let t = a.t;
  if (t == T_NUM) return a;
  if (t == T_NULL) return num(0);
  if (t == T_BOOL) return num(a === TRUE ? 1 : 0);
  if (t == T_STR) {
    let s = S(a);
    if (!isDecimal(s)) {
      let l = s.toLowerCase();
      if (l.startsWith("+") || l.startsWith("-")) l = l.substring(1);
      if (l == "nan" || l == "inf" || l == "infinity") return typeErr("to_number", "operand 1 must be a finite number but got " + s);
      return builtinErr("to_number", "strconv.ParseFloat: parsing " + regoString(a) + ": invalid syntax");
    }
    let v = parseString(s, false);
    // JSON's number syntax keeps exact text; .5, 5. and +5 are numbers too
    if (v !== null && v.t == T_NUM) return v;
    return num(parseFloat(s));
  }
  return null;
}

// [+-] digits [. [digits]] | [+-] . digits, then an optional exponent.
function isDecimal(s: string): bool {
  let i = 0, n = s.length, digits = 0;
  if (i < n && (s.charCodeAt(i) == 43 || s.charCodeAt(i) == 45)) i++;
  while (i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) { i++; digits++; }
  if (i < n && s.charCodeAt(i) == 46) { i++; while (i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) { i++; digits++; } }
  if (digits == 0) return false;
  if (i < n && (s.charCodeAt(i) == 101 || s.charCodeAt(i) == 69)) {
    i++;
    if (i < n && (s.charCodeAt(i) == 43 || s.charCodeAt(i) == 45)) i++;
    let e = 0;
    while (i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) { i++; e++; }
    if (e == 0) return false;
  }
  return i == n;
}

// ---- numbers ----------------------------------------------------------------
export function b_numbers_range(a: V, b: V): V | null {
  if (!isNum(a) || !isNum(b)) return null;
  if (!isInt(a)) return typeErr("numbers.range", "operand 1 must be integer number but got floating-point number");
  if (!isInt(b)) return typeErr("numbers.range", "operand 2 must be integer number but got floating-point number");
  let x = F(a), y = F(b);
  let r = new Array<V>();
  if (x <= y) for (let i = x; i <= y; i++) r.push(num(i));
  else for (let i = x; i >= y; i--) r.push(num(i));
  return arr(r);
}
export function b_numbers_range_step(a: V, b: V, s: V): V | null {
  if (!isNum(a) || !isNum(b) || !isNum(s) || !isInt(a) || !isInt(b) || !isInt(s)) return null;
  let x = F(a), y = F(b), st = F(s);
  if (st <= 0) return builtinErr("numbers.range_step", "step must be a positive integer");
  let r = new Array<V>();
  if (x <= y) for (let i = x; i <= y; i += st) r.push(num(i));
  else for (let i = x; i >= y; i -= st) r.push(num(i));
  return arr(r);
}

// ---- bits -------------------------------------------------------------------
function bi(a: V): bool { return isNum(a) && isInt(a); }
// Both operands integers (the second, for shifts, not negative); the reason otherwise.
function bitsOk(name: string, a: V, b: V | null, shift: bool): bool {
  if (!bi(a)) { typeErr(name, "operand 1 must be integer number but got floating-point number"); return false; }
  if (b === null) return true;
  if (!bi(b!)) { typeErr(name, "operand 2 must be integer number but got floating-point number"); return false; }
  if (shift && F(b!) < 0) { typeErr(name, "operand 2 must be an unsigned integer number but got a negative integer"); return false; }
  return true;
}
export function b_bits_and(a: V, b: V): V | null { return bitsOk("bits.and", a, b, false) ? num(<f64>(<i64>F(a) & <i64>F(b))) : null; }
export function b_bits_or(a: V, b: V): V | null { return bitsOk("bits.or", a, b, false) ? num(<f64>(<i64>F(a) | <i64>F(b))) : null; }
export function b_bits_xor(a: V, b: V): V | null { return bitsOk("bits.xor", a, b, false) ? num(<f64>(<i64>F(a) ^ <i64>F(b))) : null; }
export function b_bits_negate(a: V): V | null { return bitsOk("bits.negate", a, null, false) ? num(<f64>(~<i64>F(a))) : null; }
export function b_bits_lsh(a: V, b: V): V | null {
  if (!bitsOk("bits.lsh", a, b, true)) return null;
  let r = F(a) * Math.pow(2, F(b));
  if (bigOk(r) && asNum(a).s === null) return num(<f64>(<i64>F(a) << <i64>F(b)));
  // past 2^53: exact, like OPA's big integers
  let x = intText(a);
  if (x === null || F(b) > 65536) return null;
  let neg = x!.startsWith("-");
  let m = neg ? x!.substring(1) : x!;
  for (let i = 0; i < <i32>F(b); i++) m = absMul(m, "2");
  return bigNum(neg ? "-" + m : m);
}
export function b_bits_rsh(a: V, b: V): V | null { return bitsOk("bits.rsh", a, b, true) ? num(<f64>(<i64>F(a) >> <i64>F(b))) : null; }

// ---- objects ----------------------------------------------------------------
export function b_object_get(o: V, k: V, d: V): V | null {
  if (o.t != T_OBJ) return null;
  if (k.t == T_ARR) {
    let path = asArr(k).a;
    let cur: V = o;
    for (let i = 0; i < path.length; i++) {
      let p = unchecked(path[i]);
      let n: V | null = null;
      if (cur.t == T_OBJ) n = objGet(asObj(cur), p);
      else if (cur.t == T_ARR && isNum(p) && isInt(p)) {
        let a = asArr(cur).a; let f = F(p);
        if (f >= 0 && f < <f64>a.length) n = unchecked(a[<i32>f]);
      } else if (cur.t == T_SET) n = setHas(asSet(cur), p) ? p : null;
      if (n === null) return d;
      cur = n!;
    }
    return cur;
  }
  let v = objGet(asObj(o), k);
  return v === null ? d : v;
}
export function b_object_keys(o: V): V | null {
  if (o.t != T_OBJ) return null;
  let s = new VSet();
  s.a = asObj(o).k.slice(0);
  return s;
}
function keySet(k: V): VSet | null {
  if (k.t == T_SET) return asSet(k);
  let s = new VSet();
  if (k.t == T_ARR) { let a = asArr(k).a; for (let i = 0; i < a.length; i++) setAdd(s, unchecked(a[i])); return s; }
  if (k.t == T_OBJ) { s.a = asObj(k).k.slice(0); return s; }
  return null;
}
export function b_object_remove(o: V, k: V): V | null {
  if (o.t != T_OBJ) return null;
  let ks = keySet(k);
  if (ks === null) return null;
  let x = asObj(o);
  let r = new VObj();
  for (let i = 0; i < x.k.length; i++) if (!setHas(ks!, unchecked(x.k[i]))) { r.k.push(unchecked(x.k[i])); r.v.push(unchecked(x.v[i])); }
  return r;
}
export function b_object_filter(o: V, k: V): V | null {
  if (o.t != T_OBJ) return null;
  let ks = keySet(k);
  if (ks === null) return null;
  let x = asObj(o);
  let r = new VObj();
  for (let i = 0; i < x.k.length; i++) if (setHas(ks!, unchecked(x.k[i]))) { r.k.push(unchecked(x.k[i])); r.v.push(unchecked(x.v[i])); }
  return r;
}
function unionObj(a: V, b: V): V {
  if (a.t != T_OBJ || b.t != T_OBJ) return b;
  let x = asObj(a), y = asObj(b);
  let r = new VObj();
  r.k = x.k.slice(0); r.v = x.v.slice(0);
  for (let i = 0; i < y.k.length; i++) {
    let k = unchecked(y.k[i]);
    let cur = objGet(r, k);
    objPut(r, k, cur === null ? unchecked(y.v[i]) : unionObj(cur!, unchecked(y.v[i])));
  }
  return r;
}
export function b_object_union(a: V, b: V): V | null {
  if (a.t != T_OBJ || b.t != T_OBJ) return null;
  return unionObj(a, b);
}
export function b_object_union_n(a: V): V | null {
  if (a.t != T_ARR) return null;
  let e = asArr(a).a;
  let acc: V = new VObj();
  for (let i = 0; i < e.length; i++) {
    if (unchecked(e[i]).t != T_OBJ) return typeErr("object.union_n", "operand 1 must be array of objects but got array containing " + TYPE_NAMES[unchecked(e[i]).t]);
    acc = unionObj(acc, unchecked(e[i]));
  }
  return acc;
}

// ---- json -------------------------------------------------------------------
export function b_json_marshal(a: V): V | null { return new VStr(dumpString(a, false)); }
// json.marshal_with_options: {pretty, indent, prefix}; indentation as Go's json.Indent, and the
// prefix also before the first line.
export function b_json_marshal_with_options(a: V, opts: V): V | null {
  if (opts.t != T_OBJ) return null;
  let o = asObj(opts);
  let pretty = -1; // unset
  let indent = "\t", prefix = "";
  let custom = false;
  for (let i = 0; i < o.k.length; i++) {
    let k = unchecked(o.k[i]), v = unchecked(o.v[i]);
    let name = k.t == T_STR ? S(k) : "";
    if (name == "pretty") {
      if (v.t != T_BOOL) return typeErr("json.marshal_with_options", "pretty must be a boolean");
      pretty = v === TRUE ? 1 : 0;
    } else if (name == "indent" || name == "prefix") {
      if (!isStr(v)) return typeErr("json.marshal_with_options", name + " must be a string");
      if (name == "indent") indent = S(v); else prefix = S(v);
      custom = true;
    } else return typeErr("json.marshal_with_options", "object contained unknown key " + regoString(k));
  }
  let compact = dumpString(a, false);
  if (pretty == 0 || (pretty == -1 && !custom)) return new VStr(compact);
  return new VStr(prefix + indentJSON(compact, prefix, indent));
}
function indentJSON(s: string, prefix: string, indent: string): string {
  let out = new Array<string>();
  let depth = 0;
  let line = "\n" + prefix;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c == 34) {
      let j = i + 1;
      while (j < s.length && s.charCodeAt(j) != 34) j += s.charCodeAt(j) == 92 ? 2 : 1;
      out.push(s.substring(i, j + 1));
      i = j;
    } else if (c == 123 || c == 91) {
      let close = c == 123 ? 125 : 93;
      if (i + 1 < s.length && s.charCodeAt(i + 1) == close) { out.push(s.substring(i, i + 2)); i++; continue; }
      out.push(s.charAt(i));
      depth++;
      out.push(line + indent.repeat(depth));
    } else if (c == 125 || c == 93) {
      depth--;
      out.push(line + indent.repeat(depth));
      out.push(s.charAt(i));
    } else if (c == 44) out.push("," + line + indent.repeat(depth));
    else if (c == 58) out.push(": ");
    else out.push(s.charAt(i));
  }
  return out.join("");
}
export function b_json_unmarshal(a: V): V | null {
  if (!isStr(a)) return null;
  return parseString(S(a), false);
}
export function b_json_is_valid(a: V): V | null {
  if (!isStr(a)) return FALSE;
  return boolv(parseString(S(a), false) !== null);
}

// walk(x) gives the array of [path, value] pairs; the code generator iterates it.
export function b_walk(a: V): V | null {
  let out = new Array<V>();
  walkInto(a, new Array<V>(), out);
  return arr(out);
}
function walkInto(v: V, path: Array<V>, out: Array<V>): void {
  let pair = new Array<V>(2);
  pair[0] = arr(path.slice(0));
  pair[1] = v;
  out.push(arr(pair));
  let t = v.t;
  if (t == T_ARR) {
    let a = asArr(v).a;
    for (let i = 0; i < a.length; i++) { path.push(num(<f64>i)); walkInto(unchecked(a[i]), path, out); path.pop(); }
  } else if (t == T_OBJ) {
    let o = asObj(v);
    for (let i = 0; i < o.k.length; i++) { path.push(unchecked(o.k[i])); walkInto(unchecked(o.v[i]), path, out); path.pop(); }
  } else if (t == T_SET) {
    let a = asSet(v).a;
    for (let i = 0; i < a.length; i++) { path.push(unchecked(a[i])); walkInto(unchecked(a[i]), path, out); path.pop(); }
  }
}

// A string, or an array or set of strings, as a list; null (with the reason) otherwise.
function strList(v: V, name: string, pos: i32): Array<string> | null {
  if (v.t == T_STR) { let r = new Array<string>(); r.push(S(v)); return r; }
  let e = elems(v);
  if (e === null) { typeErr(name, "operand " + pos.toString() + " must be one of {string, set, array} but got " + TYPE_NAMES[v.t]); return null; }
  let r = new Array<string>();
  for (let i = 0; i < e!.length; i++) {
    let x = unchecked(e![i]);
    if (!isStr(x)) { typeErr(name, "operand " + pos.toString() + " must be " + TYPE_NAMES[v.t] + " of strings but got " + TYPE_NAMES[v.t] + " containing " + TYPE_NAMES[x.t]); return null; }
    r.push(S(x));
  }
  return r;
}
function anyAffix(a: V, b: V, prefix: bool): V | null {
  let name = prefix ? "strings.any_prefix_match" : "strings.any_suffix_match";
  let xs = strList(a, name, 1);
  if (xs === null) return null;
  let ys = strList(b, name, 2);
  if (ys === null) return null;
  for (let i = 0; i < xs!.length; i++)
    for (let j = 0; j < ys!.length; j++)
      if (prefix ? xs![i].startsWith(ys![j]) : xs![i].endsWith(ys![j])) return TRUE;
  return FALSE;
}
export function b_strings_any_prefix_match(a: V, b: V): V | null { return anyAffix(a, b, true); }
export function b_strings_any_suffix_match(a: V, b: V): V | null { return anyAffix(a, b, false); }
function flattenInto(a: Array<V>, out: Array<V>): void {
  for (let i = 0; i < a.length; i++) {
    let x = unchecked(a[i]);
    if (x.t == T_ARR) { let y = asArr(x).a; for (let j = 0; j < y.length; j++) out.push(unchecked(y[j])); } else out.push(x);
  }
}
export function b_array_flatten(a: V): V | null {
  if (a.t != T_ARR) return null;
  let out = new Array<V>();
  flattenInto(asArr(a).a, out);
  return arr(out);
}
