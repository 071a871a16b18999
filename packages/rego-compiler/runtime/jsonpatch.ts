// json.patch: RFC 6902 operations (add, remove, replace, move, copy, test) on
// objects, arrays and sets; a failing operation makes the result undefined, as in OPA.
import { V, VArr, VObj, VSet, VStr, T_STR, T_NUM, T_ARR, T_OBJ, T_SET, asStr, asArr, asObj, asSet, asNum, objGet, objPut, setAdd, setHas, equal } from "./value";
import { pointerSegments } from "./jsonpaths";

// "/a/b" (with ~1 for "/" and ~0 for "~") or an array of segments; null otherwise.
function pathOf(p: V): Array<V> | null {
  if (p.t == T_ARR) return asArr(p).a;
  if (p.t != T_STR) return null;
  return pointerSegments(asStr(p).s);
}

// An array index from a segment; -1 if it is not one. "-" (append) is len.
function indexOf(seg: V, len: i32, allowEnd: bool): i32 {
  if (seg.t == T_NUM) {
    let f = asNum(seg).f;
    if (f != Math.floor(f) || f < 0) return -1;
    let i = <i32>f;
    return i < len || (allowEnd && i == len) ? i : -1;
  }
  if (seg.t != T_STR) return -1;
  let s = asStr(seg).s;
  if (s == "-") return allowEnd ? len : -1;
  if (s.length == 0 || (s.length > 1 && s.charCodeAt(0) == 48)) return -1;
  let v = 0;
  for (let k = 0; k < s.length; k++) {
    let c = s.charCodeAt(k);
    if (c < 48 || c > 57 || v > 100000000) return -1;
    v = v * 10 + c - 48;
  }
  return v < len || (allowEnd && v == len) ? v : -1;
}

function child(node: V, seg: V): V | null {
  if (node.t == T_OBJ) return objGet(asObj(node), seg);
  if (node.t == T_ARR) { let a = asArr(node).a; let i = indexOf(seg, a.length, false); return i < 0 ? null : a[i]; }
  if (node.t == T_SET) return setHas(asSet(node), seg) ? seg : null;
  return null;
}
function getAt(doc: V, path: Array<V>): V | null {
  let cur: V | null = doc;
  for (let i = 0; i < path.length && cur !== null; i++) cur = child(cur!, path[i]);
  return cur;
}

const ADD = 0, REMOVE = 1;
// A copy of node with value added at (or removed from) path[i..]; null if the path does not fit.
function edit(node: V, path: Array<V>, i: i32, op: i32, value: V | null): V | null {
  let seg = path[i];
  let last = i == path.length - 1;
  if (node.t == T_OBJ) {
    let o = asObj(node);
    let cur = objGet(o, seg);
    let r = new VObj();
    r.k = o.k.slice(0); r.v = o.v.slice(0);
    if (last) {
      if (op == ADD) { objPut(r, seg, value!); return r; }
      if (cur === null) return null;
      let q = new VObj();
      for (let k = 0; k < o.k.length; k++) if (!equal(o.k[k], seg)) { q.k.push(o.k[k]); q.v.push(o.v[k]); }
      return q;
    }
    if (cur === null) return null;
    let n = edit(cur!, path, i + 1, op, value);
    if (n === null) return null;
    objPut(r, seg, n!);
    return r;
  }
  if (node.t == T_ARR) {
    let a = asArr(node).a;
    let idx = indexOf(seg, a.length, last && op == ADD);
    if (idx < 0) return null;
    if (last) {
      let r = new Array<V>();
      for (let k = 0; k < a.length; k++) {
        if (k == idx && op == ADD) r.push(value!);
        if (k != idx || op == ADD) r.push(a[k]);
      }
      if (idx == a.length) r.push(value!);
      return new VArr(r);
    }
    let r = a.slice(0);
    let n = edit(a[idx], path, i + 1, op, value);
    if (n === null) return null;
    r[idx] = n!;
    return new VArr(r);
  }
  if (node.t == T_SET) {
    let s = asSet(node);
    let r = new VSet();
    if (last) {
      if (op == ADD) {
        // a set member is its own key
        if (!equal(seg, value!)) return null;
        r.a = s.a.slice(0); setAdd(r, value!); return r;
      }
      if (!setHas(s, seg)) return null;
      for (let k = 0; k < s.a.length; k++) if (!equal(s.a[k], seg)) r.a.push(s.a[k]);
      return r;
    }
    if (!setHas(s, seg)) return null;
    let n = edit(seg, path, i + 1, op, value);
    if (n === null) return null;
    for (let k = 0; k < s.a.length; k++) if (!equal(s.a[k], seg)) r.a.push(s.a[k]);
    setAdd(r, n!);
    return r;
  }
  return null;
}
function add(doc: V, path: Array<V>, v: V): V | null { return path.length == 0 ? v : edit(doc, path, 0, ADD, v); }
function remove(doc: V, path: Array<V>): V | null { return path.length == 0 ? null : edit(doc, path, 0, REMOVE, null); }

function attr(o: VObj, name: string): V | null { return objGet(o, new VStr(name)); }

export function b_json_patch(doc: V, ops: V): V | null {
  if (ops.t != T_ARR) return null;
  let cur: V = doc;
  let list = asArr(ops).a;
  for (let i = 0; i < list.length; i++) {
    if (list[i].t != T_OBJ) return null;
    let o = asObj(list[i]);
    let opv = attr(o, "op"), pv = attr(o, "path");
    if (opv === null || opv!.t != T_STR || pv === null) return null;
    let op = asStr(opv!).s;
    let path = pathOf(pv!);
    if (path === null) return null;
    let next: V | null = null;
    if (op == "add" || op == "replace" || op == "test") {
      let value = attr(o, "value");
      if (value === null) return null;
      if (op == "add") next = add(cur, path!, value!);
      else if (op == "replace") { let r = remove(cur, path!); next = r === null && path!.length > 0 ? null : add(r === null ? cur : r!, path!, value!); }
      else { let at = getAt(cur, path!); next = at !== null && equal(at!, value!) ? cur : null; }
    } else if (op == "remove") next = remove(cur, path!);
    else if (op == "move" || op == "copy") {
      let fv = attr(o, "from");
      if (fv === null) return null;
      let from = pathOf(fv!);
      if (from === null) return null;
      let chunk = getAt(cur, from!);
      if (chunk === null) return null;
      let base: V | null = cur;
      if (op == "move") base = from!.length == 0 ? null : remove(cur, from!);
      if (base === null) return null;
      next = add(base!, path!, chunk!);
    } else return null;
    if (next === null) return null;
    cur = next!;
  }
  return cur;
}
