// net.cidr_contains, net.cidr_intersects, net.cidr_is_valid, net.cidr_expand and
// net.cidr_contains_matches, with Go's net.ParseIP / net.ParseCIDR syntax.
import { V, VArr, VStr, VSet, T_STR, T_ARR, T_SET, T_OBJ, TRUE, FALSE, asStr, asArr, asSet, asObj, setAdd, num } from "./value";
import { builtinErr } from "./builtins";

function isDigit(c: i32): bool { return c >= 48 && c <= 57; }
function hexv(c: i32): i32 {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

// Four decimal fields of at most 255, without leading zeros.
function parseV4(s: string): Array<i32> | null {
  let parts = s.split(".");
  if (parts.length != 4) return null;
  let r = new Array<i32>();
  for (let i = 0; i < 4; i++) {
    let p = parts[i];
    if (p.length == 0 || p.length > 3 || (p.length > 1 && p.charCodeAt(0) == 48)) return null;
    let v = 0;
    for (let j = 0; j < p.length; j++) { let c = p.charCodeAt(j); if (!isDigit(c)) return null; v = v * 10 + c - 48; }
    if (v > 255) return null;
    r.push(v);
  }
  return r;
}

// Up to eight hex groups, one "::", an IPv4 address in the last 32 bits.
function parseV6(s: string): Array<i32> | null {
  let r = new Array<i32>(16).fill(0);
  let gap = -1, n = 0, i = 0;
  if (s.startsWith("::")) { gap = 0; i = 2; if (s.length == 2) return r; }
  while (i < s.length) {
    if (n >= 16) return null;
    // an IPv4 tail
    let rest = s.substring(i);
    let colon = rest.indexOf(":");
    if ((colon < 0 ? rest : rest.substring(0, colon)).includes(".")) {
      if (n > 12) return null;
      let v4 = parseV4(rest);
      if (v4 === null) return null;
      for (let k = 0; k < 4; k++) r[n + k] = v4![k];
      n += 4;
      i = s.length;
      break;
    }
    let v = 0, d = 0;
    while (i < s.length && d < 5 && hexv(s.charCodeAt(i)) >= 0) { v = v * 16 + hexv(s.charCodeAt(i)); i++; d++; }
    if (d == 0 || d > 4) return null;
    r[n] = v >> 8; r[n + 1] = v & 255; n += 2;
    if (i == s.length) break;
    if (s.charCodeAt(i) != 58) return null;
    i++;
    if (i < s.length && s.charCodeAt(i) == 58) {
      if (gap >= 0) return null;
      gap = n; i++;
      if (i == s.length) break;
    } else if (i == s.length) return null;
  }
  if (gap >= 0) {
    if (n == 16) return null;
    let shift = 16 - n;
    for (let k = n - 1; k >= gap; k--) r[k + shift] = r[k];
    for (let k = gap; k < gap + shift; k++) r[k] = 0;
  } else if (n != 16) return null;
  return r;
}

function parseIP(s: string): Array<i32> | null {
  if (s.includes(":")) return parseV6(s);
  return parseV4(s);
}
// IPv4 (also IPv4-mapped IPv6) as 4 bytes, as Go's To4
function to4(ip: Array<i32>): Array<i32> | null {
  if (ip.length == 4) return ip;
  for (let i = 0; i < 10; i++) if (ip[i] != 0) return null;
  if (ip[10] != 255 || ip[11] != 255) return null;
  return ip.slice(12);
}

class Net { ip: Array<i32> = new Array<i32>(); bits: i32 = 0; }

function parseCIDR(s: string): Net | null {
  let slash = s.indexOf("/");
  if (slash < 0) return null;
  let addr = s.substring(0, slash), len = s.substring(slash + 1);
  let ip = addr.includes(":") ? parseV6(addr) : parseV4(addr);
  if (ip === null || len.length == 0 || len.length > 3) return null;
  let bits = 0;
  for (let i = 0; i < len.length; i++) { let c = len.charCodeAt(i); if (!isDigit(c)) return null; bits = bits * 10 + c - 48; }
  if (len.length > 1 && len.charCodeAt(0) == 48) return null;
  if (bits > ip!.length * 8) return null;
  let n = new Net();
  n.bits = bits;
  n.ip = maskIP(ip!, bits);
  return n;
}
function maskIP(ip: Array<i32>, bits: i32): Array<i32> {
  let r = ip.slice(0);
  for (let i = 0; i < r.length; i++) {
    let keep = bits - i * 8;
    if (keep >= 8) continue;
    r[i] = keep <= 0 ? 0 : r[i] & (0xff << (8 - keep)) & 0xff;
  }
  return r;
}
function lastIP(n: Net): Array<i32> {
  let r = n.ip.slice(0);
  for (let i = 0; i < r.length; i++) {
    let keep = n.bits - i * 8;
    if (keep >= 8) continue;
    r[i] = keep <= 0 ? 255 : r[i] | (0xff >> keep);
  }
  return r;
}
function netContains(n: Net, ip: Array<i32>): bool {
  let x: Array<i32> | null = n.ip.length == 4 ? to4(ip) : ip;
  if (x === null || x!.length != n.ip.length) return false;
  let m = maskIP(x!, n.bits);
  for (let i = 0; i < m.length; i++) if (m[i] != n.ip[i]) return false;
  return true;
}

function ipText(ip: Array<i32>): string {
  let v4 = to4(ip);
  if (v4 !== null) return v4![0].toString() + "." + v4![1].toString() + "." + v4![2].toString() + "." + v4![3].toString();
  let g = new Array<i32>();
  for (let i = 0; i < 16; i += 2) g.push((ip[i] << 8) | ip[i + 1]);
  // the longest run of two or more zero groups becomes "::"
  let best = -1, bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (g[i] != 0) { i++; continue; }
    let j = i;
    while (j < 8 && g[j] == 0) j++;
    if (j - i > bestLen) { best = i; bestLen = j - i; }
    i = j;
  }
  let out = "";
  for (let i = 0; i < 8; i++) {
    if (i == best) { out += "::"; i += bestLen - 1; continue; }
    if (out.length > 0 && !out.endsWith(":")) out += ":";
    out += g[i].toString(16);
  }
  return out;
}

// Whether network a contains b, an address or a network; -1 when b is neither.
function containsText(a: Net, b: string): i32 {
  let ip = parseIP(b);
  if (ip !== null) return netContains(a, ip!) ? 1 : 0;
  let m = parseCIDR(b);
  if (m === null) return -1;
  return netContains(a, m!.ip) && netContains(a, lastIP(m!)) ? 1 : 0;
}

export function b_net_cidr_contains(a: V, b: V): V | null {
  if (a.t != T_STR || b.t != T_STR) return null;
  let n = parseCIDR(asStr(a).s);
  if (n === null) return builtinErr("net.cidr_contains", "invalid CIDR address: " + asStr(a).s);
  let r = containsText(n!, asStr(b).s);
  if (r < 0) return builtinErr("net.cidr_contains", "invalid CIDR address: " + asStr(b).s);
  return r == 1 ? TRUE : FALSE;
}

export function b_net_cidr_intersects(a: V, b: V): V | null {
  if (a.t != T_STR || b.t != T_STR) return null;
  let x = parseCIDR(asStr(a).s);
  if (x === null) return builtinErr("net.cidr_intersects", "invalid CIDR address: " + asStr(a).s);
  let y = parseCIDR(asStr(b).s);
  if (y === null) return builtinErr("net.cidr_intersects", "invalid CIDR address: " + asStr(b).s);
  return netContains(x!, y!.ip) || netContains(y!, x!.ip) ? TRUE : FALSE;
}

export function b_net_cidr_is_valid(a: V): V | null {
  if (a.t != T_STR) return null;
  return parseCIDR(asStr(a).s) !== null ? TRUE : FALSE;
}

export function b_net_cidr_expand(a: V): V | null {
  if (a.t != T_STR) return null;
  let n = parseCIDR(asStr(a).s);
  if (n === null) return builtinErr("net.cidr_expand", "invalid CIDR address: " + asStr(a).s);
  let hostBits = n!.ip.length * 8 - n!.bits;
  if (hostBits > 20) return builtinErr("net.cidr_expand", "network " + asStr(a).s + " has more than 2^20 addresses");
  let out = new VSet();
  let cur = n!.ip.slice(0);
  let count = 1 << hostBits;
  for (let k = 0; k < count; k++) {
    setAdd(out, new VStr(ipText(cur)));
    for (let i = cur.length - 1; i >= 0; i--) { if (cur[i] < 255) { cur[i]++; break; } cur[i] = 0; }
  }
  return out;
}

// [key, cidr text] of each element of a net.cidr_contains_matches operand; null (with the reason) if one is malformed.
function entries(v: V, pos: i32): Array<Array<V>> | null {
  let out = new Array<Array<V>>();
  let add = (key: V, e: V, out: Array<Array<V>>): bool => {
    let text: V | null = null;
    if (e.t == T_STR) text = e;
    else if (e.t == T_ARR && asArr(e).a.length > 0 && asArr(e).a[0].t == T_STR) text = asArr(e).a[0];
    if (text === null) return false;
    let p = new Array<V>(); p.push(key); p.push(text!); out.push(p);
    return true;
  };
  let ok = true;
  if (v.t == T_STR) ok = add(v, v, out);
  else if (v.t == T_ARR) { let a = asArr(v).a; for (let i = 0; i < a.length && ok; i++) ok = add(num(<f64>i), a[i], out); }
  else if (v.t == T_SET) { let a = asSet(v).a; for (let i = 0; i < a.length && ok; i++) ok = add(a[i], a[i], out); }
  else if (v.t == T_OBJ) { let o = asObj(v); for (let i = 0; i < o.k.length && ok; i++) ok = add(o.k[i], o.v[i], out); }
  else { builtinErr("net.cidr_contains_matches", "operand " + pos.toString() + " must be one of {string, array, set, object}"); return null; }
  if (!ok) { builtinErr("net.cidr_contains_matches", "operand " + pos.toString() + ": element must be string or non-empty array"); return null; }
  return out;
}

export function b_net_cidr_contains_matches(a: V, b: V): V | null {
  let xs = entries(a, 1);
  if (xs === null) return null;
  let ys = entries(b, 2);
  if (ys === null) return null;
  let out = new VSet();
  for (let i = 0; i < xs!.length; i++) {
    let n = parseCIDR(asStr(xs![i][1]).s);
    if (n === null) return builtinErr("net.cidr_contains_matches", "invalid CIDR address: " + asStr(xs![i][1]).s);
    for (let j = 0; j < ys!.length; j++) {
      let r = containsText(n!, asStr(ys![j][1]).s);
      if (r < 0) return builtinErr("net.cidr_contains_matches", "invalid CIDR address: " + asStr(ys![j][1]).s);
      if (r == 1) { let p = new Array<V>(); p.push(xs![i][0]); p.push(ys![j][0]); setAdd(out, new VArr(p)); }
    }
  }
  return out;
}

// ---- net.cidr_merge -----------------------------------------------------------
function cmpNet(a: Net, b: Net): i32 {
  if (a.ip.length != b.ip.length) return a.ip.length - b.ip.length;
  for (let i = 0; i < a.ip.length; i++) if (a.ip[i] != b.ip[i]) return a.ip[i] - b.ip[i];
  return a.bits - b.bits;
}
// b is the upper half of the network whose lower half is a
function siblings(a: Net, b: Net): bool {
  if (a.bits != b.bits || a.bits == 0 || a.ip.length != b.ip.length) return false;
  let parent = maskIP(a.ip, a.bits - 1);
  for (let i = 0; i < parent.length; i++) if (parent[i] != a.ip[i]) return false;
  let bit = a.bits - 1;
  let up = a.ip.slice(0);
  up[bit >> 3] |= 0x80 >> (bit & 7);
  for (let i = 0; i < up.length; i++) if (up[i] != b.ip[i]) return false;
  return true;
}
function netOf(text: string): Net | null {
  if (text.includes("/")) return parseCIDR(text);
  // a bare IPv4 address stands for its classful network, as Go's DefaultMask gives it
  let ip = parseV4(text);
  if (ip === null) return null;
  let n = new Net();
  n.bits = ip![0] < 128 ? 8 : ip![0] < 192 ? 16 : ip![0] < 224 ? 24 : 32;
  n.ip = maskIP(ip!, n.bits);
  return n;
}

export function b_net_cidr_merge(a: V): V | null {
  let elems: Array<V>;
  if (a.t == T_ARR) elems = asArr(a).a;
  else if (a.t == T_SET) elems = asSet(a).a;
  else return null;
  let nets = new Array<Net>();
  for (let i = 0; i < elems.length; i++) {
    let e = elems[i];
    if (e.t != T_STR) return builtinErr("net.cidr_merge", "element must be string");
    let s = asStr(e).s;
    let n = netOf(s);
    if (n === null) {
      if (!s.includes("/") && parseV6(s) !== null) return builtinErr("net.cidr_merge", "IPv6 invalid: needs prefix length");
      return builtinErr("net.cidr_merge", "invalid CIDR address: " + s);
    }
    nets.push(n!);
  }
  nets.sort((x: Net, y: Net): i32 => cmpNet(x, y));
  let stack = new Array<Net>();
  for (let i = 0; i < nets.length; i++) {
    let n = nets[i];
    if (stack.length > 0) {
      let top = stack[stack.length - 1];
      if (top.ip.length == n.ip.length && top.bits <= n.bits && netContains(top, n.ip)) continue;
    }
    stack.push(n);
    while (stack.length >= 2 && siblings(stack[stack.length - 2], stack[stack.length - 1])) {
      let lo = stack[stack.length - 2];
      stack.pop(); stack.pop();
      let p = new Net();
      p.bits = lo.bits - 1;
      p.ip = lo.ip;
      // the parent can swallow what is below it on the stack
      while (stack.length > 0 && stack[stack.length - 1].ip.length == p.ip.length && p.bits <= stack[stack.length - 1].bits && netContains(p, stack[stack.length - 1].ip)) stack.pop();
      stack.push(p);
    }
  }
  let out = new VSet();
  for (let i = 0; i < stack.length; i++) setAdd(out, new VStr(ipText(stack[i].ip) + "/" + stack[i].bits.toString()));
  return out;
}
