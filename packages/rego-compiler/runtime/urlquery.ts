// urlquery.encode/decode/encode_object/decode_object, as Go's url.QueryEscape,
// QueryUnescape, Values.Encode and ParseQuery.
import { V, VArr, VObj, VStr, T_STR, T_ARR, T_SET, T_OBJ, asStr, asArr, asSet, asObj, objGet, objPut } from "./value";
import { builtinErr, typeErr, TYPE_NAMES } from "./builtins";

const HEXU = "0123456789ABCDEF";
function escape(s: string): string {
  let b = Uint8Array.wrap(String.UTF8.encode(s));
  let out = new Array<string>();
  for (let i = 0; i < b.length; i++) {
    let c = <i32>b[i];
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c == 45 || c == 95 || c == 46 || c == 126) out.push(String.fromCharCode(c));
    else if (c == 32) out.push("+");
    else out.push("%" + HEXU.charAt(c >> 4) + HEXU.charAt(c & 15));
  }
  return out.join("");
}
function hexv(c: i32): i32 {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}
let badEscape = "";
// null (with badEscape) on a malformed %XX
function unescape(s: string): string | null {
  let b = Uint8Array.wrap(String.UTF8.encode(s));
  let out = new Uint8Array(b.length);
  let n = 0;
  for (let i = 0; i < b.length; i++) {
    let c = <i32>b[i];
    if (c == 37) {
      if (i + 2 >= b.length || hexv(b[i + 1]) < 0 || hexv(b[i + 2]) < 0) {
        let end = i + 3 < b.length ? i + 3 : b.length;
        badEscape = String.UTF8.decodeUnsafe(changetype<usize>(b.buffer) + i, end - i);
        return null;
      }
      out[n++] = <u8>((hexv(b[i + 1]) << 4) | hexv(b[i + 2]));
      i += 2;
    } else out[n++] = c == 43 ? 32 : <u8>c;
  }
  return String.UTF8.decodeUnsafe(changetype<usize>(out.buffer), n);
}

export function b_urlquery_encode(a: V): V | null { return a.t == T_STR ? new VStr(escape(asStr(a).s)) : null; }
export function b_urlquery_decode(a: V): V | null {
  if (a.t != T_STR) return null;
  let r = unescape(asStr(a).s);
  if (r === null) return builtinErr("urlquery.decode", "invalid URL escape \"" + badEscape + "\"");
  return new VStr(r!);
}
export function b_urlquery_encode_object(a: V): V | null {
  if (a.t != T_OBJ) return null;
  let o = asObj(a);
  let out = new Array<string>();
  // keys in order, as url.Values.Encode sorts them
  for (let i = 0; i < o.k.length; i++) {
    let k = o.k[i], v = o.v[i];
    if (k.t != T_STR) return typeErr("urlquery.encode_object", "operand 1 must be object with string keys");
    let ek = escape(asStr(k).s);
    let vs: Array<V>;
    if (v.t == T_STR) { vs = new Array<V>(); vs.push(v); }
    else if (v.t == T_ARR) vs = asArr(v).a;
    else if (v.t == T_SET) vs = asSet(v).a;
    else return typeErr("urlquery.encode_object", "operand 1 values must be string, array[string], or set[string] but got " + TYPE_NAMES[v.t]);
    for (let j = 0; j < vs.length; j++) {
      if (vs[j].t != T_STR) return typeErr("urlquery.encode_object", "operand 1 values must be string, array[string], or set[string] but got " + TYPE_NAMES[vs[j].t]);
      out.push(ek + "=" + escape(asStr(vs[j]).s));
    }
  }
  return new VStr(out.join("&"));
}
export function b_urlquery_decode_object(a: V): V | null {
  if (a.t != T_STR) return null;
  let o = new VObj();
  let parts = asStr(a).s.split("&");
  for (let i = 0; i < parts.length; i++) {
    let p = parts[i];
    if (p.length == 0) continue;
    if (p.includes(";")) return builtinErr("urlquery.decode_object", "invalid semicolon separator in query");
    let eq = p.indexOf("=");
    let k = unescape(eq < 0 ? p : p.substring(0, eq));
    if (k === null) return builtinErr("urlquery.decode_object", "invalid URL escape \"" + badEscape + "\"");
    let v = unescape(eq < 0 ? "" : p.substring(eq + 1));
    if (v === null) return builtinErr("urlquery.decode_object", "invalid URL escape \"" + badEscape + "\"");
    let key = new VStr(k!);
    let cur = objGet(o, key);
    let arr: VArr;
    if (cur === null) { arr = new VArr(new Array<V>()); objPut(o, key, arr); } else arr = asArr(cur!);
    arr.a.push(new VStr(v!));
  }
  return o;
}
