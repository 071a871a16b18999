// glob.match and glob.quote_meta with the pattern language of gobwas/glob, which
// OPA uses: * (no separator), ** (anything), ?, [abc], [a-z], [!...], {a,b}, \x.
import { V, VStr, T_STR, T_ARR, T_NULL, TRUE, FALSE, asStr, asArr } from "./value";
import { builtinErr, typeErr, TYPE_NAMES } from "./builtins";

const LIT = 0, ANY = 1, SUPER = 2, SINGLE = 3, CLASS = 4, ALT = 5;
class Node {
  kind: i32;
  cp: i32 = 0;
  neg: bool = false;
  ranges: Array<i32> = new Array<i32>(); // pairs lo, hi
  alts: Array<Array<Node>> = new Array<Array<Node>>();
  constructor(kind: i32) { this.kind = kind; }
}

function codePoints(s: string): Array<i32> {
  let r = new Array<i32>();
  for (let i = 0; i < s.length; i++) {
    let c = s.codePointAt(i);
    r.push(c);
    if (c > 0xffff) i++;
  }
  return r;
}

let pp = 0;
let bad = false;
// A sequence up to the end, or (inAlt) up to an unescaped ',' or '}'.
function parseSeq(p: Array<i32>, inAlt: bool): Array<Node> {
  let out = new Array<Node>();
  while (pp < p.length) {
    let c = p[pp];
    if (inAlt && (c == 44 || c == 125)) return out;
    pp++;
    if (c == 42) {
      if (pp < p.length && p[pp] == 42) { pp++; out.push(new Node(SUPER)); } else out.push(new Node(ANY));
    } else if (c == 63) out.push(new Node(SINGLE));
    else if (c == 92) {
      if (pp >= p.length) { bad = true; return out; }
      let n = new Node(LIT); n.cp = p[pp++]; out.push(n);
    } else if (c == 91) {
      let n = new Node(CLASS);
      if (pp < p.length && p[pp] == 33) { n.neg = true; pp++; }
      let closed = false;
      while (pp < p.length) {
        let a = p[pp++];
        if (a == 93) { closed = true; break; }
        if (a == 92 && pp < p.length) a = p[pp++];
        let b = a;
        if (pp + 1 < p.length && p[pp] == 45 && p[pp + 1] != 93) { b = p[pp + 1]; pp += 2; }
        n.ranges.push(a); n.ranges.push(b);
      }
      if (!closed) { bad = true; return out; }
      out.push(n);
    } else if (c == 123) {
      let n = new Node(ALT);
      for (;;) {
        n.alts.push(parseSeq(p, true));
        if (bad) return out;
        if (pp >= p.length) { bad = true; return out; }
        let d = p[pp++];
        if (d == 125) break;
      }
      out.push(n);
    } else { let n = new Node(LIT); n.cp = c; out.push(n); }
  }
  return out;
}

function isSep(c: i32, seps: Array<i32>): bool { return seps.includes(c); }

function matchAt(ns: Array<Node>, i: i32, s: Array<i32>, j: i32, seps: Array<i32>): bool {
  if (i == ns.length) return j == s.length;
  let n = ns[i];
  let k = n.kind;
  if (k == LIT) return j < s.length && s[j] == n.cp && matchAt(ns, i + 1, s, j + 1, seps);
  if (k == SINGLE) return j < s.length && !isSep(s[j], seps) && matchAt(ns, i + 1, s, j + 1, seps);
  if (k == CLASS) {
    if (j >= s.length) return false;
    let hit = false;
    for (let r = 0; r < n.ranges.length; r += 2) if (s[j] >= n.ranges[r] && s[j] <= n.ranges[r + 1]) { hit = true; break; }
    return hit != n.neg && matchAt(ns, i + 1, s, j + 1, seps);
  }
  if (k == ANY || k == SUPER) {
    for (let e = j; ; e++) {
      if (matchAt(ns, i + 1, s, e, seps)) return true;
      if (e >= s.length || (k == ANY && isSep(s[e], seps))) return false;
    }
  }
  // ALT: each alternative followed by the rest
  for (let a = 0; a < n.alts.length; a++) {
    let seq = n.alts[a].concat(ns.slice(i + 1));
    if (matchAt(seq, 0, s, j, seps)) return true;
  }
  return false;
}

export function b_glob_match(pat: V, delims: V, subject: V): V | null {
  if (pat.t != T_STR || subject.t != T_STR) return null;
  let seps = new Array<i32>();
  if (delims.t == T_ARR) {
    let a = asArr(delims).a;
    for (let i = 0; i < a.length; i++) {
      let d = a[i];
      if (d.t != T_STR) return typeErr("glob.match", "operand 2 must be array of strings but got array containing " + TYPE_NAMES[d.t]);
      let cs = codePoints(asStr(d).s);
      if (cs.length != 1) return typeErr("glob.match", "operand 2 must be array of runes but got array containing string");
      seps.push(cs[0]);
    }
    if (seps.length == 0) seps.push(46);
  } else if (delims.t != T_NULL) return typeErr("glob.match", "operand 2 must be one of {array, null} but got " + TYPE_NAMES[delims.t]);
  pp = 0; bad = false;
  let p = codePoints(asStr(pat).s);
  let ns = parseSeq(p, false);
  if (bad || pp < p.length) return builtinErr("glob.match", "invalid glob pattern " + asStr(pat).s);
  return matchAt(ns, 0, codePoints(asStr(subject).s), 0, seps) ? TRUE : FALSE;
}

export function b_glob_quote_meta(a: V): V | null {
  if (a.t != T_STR) return null;
  let s = asStr(a).s;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    let c = s.charAt(i);
    if ("*?\\[]{}".includes(c)) out += "\\";
    out += c;
  }
  return new VStr(out);
}
