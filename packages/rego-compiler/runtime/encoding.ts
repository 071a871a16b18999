// base64, base64url and hex, over the UTF-8 bytes of strings (as Go's encoders
// see them). Decoded bytes that are not UTF-8 become U+FFFD, one per byte.
import { V, VStr, T_STR, TRUE, FALSE, asStr } from "./value";
import { builtinErr } from "./builtins";

const STD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

function utf8(s: string): Uint8Array { return Uint8Array.wrap(String.UTF8.encode(s)); }

// Go's string(bytes) as runes: a byte that starts no valid sequence is U+FFFD.
export function fromBytes(b: Array<i32>): string {
  let out = new Array<string>();
  let i = 0, n = b.length;
  while (i < n) {
    let c = b[i];
    let need = 0, cp = 0, min = 0;
    if (c < 0x80) { out.push(String.fromCharCode(c)); i++; continue; }
    else if (c >= 0xc2 && c < 0xe0) { need = 1; cp = c & 0x1f; min = 0x80; }
    else if (c >= 0xe0 && c < 0xf0) { need = 2; cp = c & 0x0f; min = 0x800; }
    else if (c >= 0xf0 && c < 0xf5) { need = 3; cp = c & 0x07; min = 0x10000; }
    else { out.push("\ufffd"); i++; continue; }
    let ok = true;
    for (let j = 1; j <= need; j++) {
      if (i + j >= n) { ok = false; break; }
      let d = b[i + j];
      if ((d & 0xc0) != 0x80) { ok = false; break; }
      cp = (cp << 6) | (d & 0x3f);
    }
    if (!ok || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000)) { out.push("\ufffd"); i++; continue; }
    out.push(String.fromCodePoint(cp));
    i += need + 1;
  }
  return out.join("");
}

function encode(s: string, alphabet: string, pad: bool): string {
  let b = utf8(s);
  let out = new Array<string>();
  let i = 0;
  for (; i + 2 < b.length; i += 3) {
    let x = (<i32>b[i] << 16) | (<i32>b[i + 1] << 8) | <i32>b[i + 2];
    out.push(alphabet.charAt(x >> 18) + alphabet.charAt((x >> 12) & 63) + alphabet.charAt((x >> 6) & 63) + alphabet.charAt(x & 63));
  }
  let rest = b.length - i;
  if (rest == 1) {
    let x = <i32>b[i] << 16;
    out.push(alphabet.charAt(x >> 18) + alphabet.charAt((x >> 12) & 63) + (pad ? "==" : ""));
  } else if (rest == 2) {
    let x = (<i32>b[i] << 16) | (<i32>b[i + 1] << 8);
    out.push(alphabet.charAt(x >> 18) + alphabet.charAt((x >> 12) & 63) + alphabet.charAt((x >> 6) & 63) + (pad ? "=" : ""));
  }
  return out.join("");
}

export let badAt: i32 = -1;
// Padded base64 (newlines ignored), as Go's StdEncoding/URLEncoding decode; null with badAt set otherwise.
function decode(s: string, alphabet: string): Array<i32> | null {
  let out = new Array<i32>();
  let q = new Array<i32>();
  let padded = false;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c == 10 || c == 13) continue;
    if (padded && c != 61) { badAt = i; return null; }
    if (c == 61) {
      if (q.length < 2) { badAt = i; return null; }
      padded = true;
      q.push(-1);
      if (q.length == 4) {
        if (q[2] == -1 && q[3] != -1) { badAt = i; return null; }
        flush(q, out);
        q = new Array<i32>();
      }
      continue;
    }
    let v = alphabet.indexOf(String.fromCharCode(c));
    if (v < 0 || c > 127) { badAt = i; return null; }
    if (q.length > 0 && q[q.length - 1] == -1) { badAt = i; return null; }
    q.push(v);
    if (q.length == 4) { flush(q, out); q = new Array<i32>(); }
  }
  if (q.length != 0) { badAt = s.length; return null; }
  return out;
}
function flush(q: Array<i32>, out: Array<i32>): void {
  let n = q[2] == -1 ? 1 : q[3] == -1 ? 2 : 3;
  let x = (q[0] << 18) | (q[1] << 12) | ((q[2] < 0 ? 0 : q[2]) << 6) | (q[3] < 0 ? 0 : q[3]);
  out.push((x >> 16) & 255);
  if (n > 1) out.push((x >> 8) & 255);
  if (n > 2) out.push(x & 255);
}

export function b_base64_encode(a: V): V | null { return a.t == T_STR ? new VStr(encode(asStr(a).s, STD, true)) : null; }
export function b_base64url_encode(a: V): V | null { return a.t == T_STR ? new VStr(encode(asStr(a).s, URL, true)) : null; }
export function b_base64url_encode_no_pad(a: V): V | null { return a.t == T_STR ? new VStr(encode(asStr(a).s, URL, false)) : null; }
export function b_base64_decode(a: V): V | null {
  if (a.t != T_STR) return null;
  let b = decode(asStr(a).s, STD);
  if (b === null) return builtinErr("base64.decode", "illegal base64 data at input byte " + badAt.toString());
  return new VStr(fromBytes(b!));
}
export function b_base64_is_valid(a: V): V | null {
  if (a.t != T_STR) return null;
  return decode(asStr(a).s, STD) !== null ? TRUE : FALSE;
}
// base64url.decode also takes input without its padding
export function b_base64url_decode(a: V): V | null {
  if (a.t != T_STR) return null;
  let s = asStr(a).s;
  if (s.length % 4 != 0 && !s.includes("=")) s += "=".repeat(4 - s.length % 4);
  let b = decode(s, URL);
  if (b === null) return builtinErr("base64url.decode", "illegal base64 data at input byte " + badAt.toString());
  return new VStr(fromBytes(b!));
}

/** The bytes of unpadded or padded base64url text, or null. */
export function base64urlBytes(s: string): Array<i32> | null {
  if (s.length % 4 != 0 && !s.includes("=")) s += "=".repeat(4 - s.length % 4);
  return decode(s, URL);
}

const HEX = "0123456789abcdef";
export function b_hex_encode(a: V): V | null {
  if (a.t != T_STR) return null;
  let b = utf8(asStr(a).s);
  let out = new Array<string>();
  for (let i = 0; i < b.length; i++) out.push(HEX.charAt(b[i] >> 4) + HEX.charAt(b[i] & 15));
  return new VStr(out.join(""));
}
function hexVal(c: i32): i32 {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}
export function b_hex_decode(a: V): V | null {
  if (a.t != T_STR) return null;
  let s = asStr(a).s;
  let out = new Array<i32>();
  let i = 0;
  for (; i + 1 < s.length; i += 2) {
    let hi = hexVal(s.charCodeAt(i)), lo = hexVal(s.charCodeAt(i + 1));
    if (hi < 0) return builtinErr("hex.decode", "encoding/hex: invalid byte: " + goRune(s.codePointAt(i)));
    if (lo < 0) return builtinErr("hex.decode", "encoding/hex: invalid byte: " + goRune(s.codePointAt(i + 1)));
    out.push((hi << 4) | lo);
  }
  if (i < s.length) {
    if (hexVal(s.charCodeAt(i)) < 0) return builtinErr("hex.decode", "encoding/hex: invalid byte: " + goRune(s.codePointAt(i)));
    return builtinErr("hex.decode", "encoding/hex: odd length hex string");
  }
  return new VStr(fromBytes(out));
}
// Go's %#U: U+0067 'g'
function goRune(cp: i32): string {
  let h = cp.toString(16).toUpperCase();
  while (h.length < 4) h = "0" + h;
  return "U+" + h + " '" + String.fromCodePoint(cp) + "'";
}
