// Runtime entry: the ABI exports the SDK calls, and the rt_* helpers that the
// generated code calls. Generated code adds opa_eval, eval, entrypoints, builtins.
import {
  V, VArr, VObj, VSet, VStr, VNum, NULL, TRUE, FALSE, T_ARR, T_OBJ, T_SET, T_STR, T_NUM,
  initValues, compare, asArr, asObj, asSet, asStr, asNum, objGet, objPut, setAdd, search, num, newObj, objGetStr, numToText,
} from "./value";
import { parseBytes, dumpToMem } from "./json";
export * from "./builtins";
export * from "./units";
export * from "./jsonpaths";
export * from "./encoding";
export * from "./glob";
export * from "./net";
export * from "./graph";
export * from "./semver";
export * from "./urlquery";
export * from "./uuid";
export * from "./crypto";
export * from "./jwt";
export * from "./jsonpatch";
import { takeErr, clearErr } from "./builtins";

@external("env", "opa_abort") declare function opa_abort(addr: usize): void;
@external("env", "opa_builtin0") declare function opa_builtin0(id: i32, ctx: i32): usize;
@external("env", "opa_builtin1") declare function opa_builtin1(id: i32, ctx: i32, a: usize): usize;
@external("env", "opa_builtin2") declare function opa_builtin2(id: i32, ctx: i32, a: usize, b: usize): usize;
@external("env", "opa_builtin3") declare function opa_builtin3(id: i32, ctx: i32, a: usize, b: usize, c: usize): usize;
@external("env", "opa_builtin4") declare function opa_builtin4(id: i32, ctx: i32, a: usize, b: usize, c: usize, d: usize): usize;

export function abortStr(msg: string): void {
  let buf = String.UTF8.encode(msg, true);
  opa_abort(changetype<usize>(buf));
  unreachable();
}

// AssemblyScript's own aborts (assertions, bounds) come here.
export function asAbort(msg: string | null, file: string | null, line: u32, col: u32): void {
  abortStr("internal error: " + (msg === null ? "abort" : msg!));
}

// ---- ABI --------------------------------------------------------------------
export function opa_malloc(size: usize): usize { return __alloc(size); }
export function opa_free(addr: usize): void {}
export function opa_heap_ptr_get(): usize { return __heap_get(); }
export function opa_heap_ptr_set(p: usize): void { __heap_set(p); }
export function opa_json_parse(addr: usize, len: usize): V | null { return parseBytes(addr, len, false); }
export function opa_value_parse(addr: usize, len: usize): V | null { return parseBytes(addr, len, true); }
export function opa_json_dump(v: V | null): usize { return dumpToMem(v === null ? NULL : v!, false); }
export function opa_value_dump(v: V | null): usize { return dumpToMem(v === null ? NULL : v!, true); }

// ---- helpers for generated code ---------------------------------------------
export function rt_init(heapStart: usize): void { __heap_set(heapStart); initValues(); }
export function rt_abort(addr: usize): void { opa_abort(addr); unreachable(); }
export function rt_err_clear(): void { clearErr(); }
// Aborts with where + the reason the last built-in gave undefined, if it had one.
export function rt_err_raise(where: usize, len: usize): void {
  let e = takeErr();
  if (e !== null) abortStr(String.UTF8.decodeUnsafe(where, len) + e!);
}
export function rt_const(addr: usize, len: usize): V {
  let v = parseBytes(addr, len, true);
  if (v === null) abortStr("internal: bad constant");
  return v!;
}
export function rt_str(addr: usize, len: usize): V { return new VStr(String.UTF8.decodeUnsafe(addr, len)); }
export function rt_null(): V { return NULL; }
export function rt_true(): V { return TRUE; }
export function rt_false(): V { return FALSE; }
export function rt_bool(b: i32): V { return b ? TRUE : FALSE; }
export function rt_is_false(v: V): i32 { return v === FALSE ? 1 : 0; }
export function rt_equal(a: V, b: V): i32 { return compare(a, b) == 0 ? 1 : 0; }
export function rt_compare(a: V, b: V): i32 { return compare(a, b); }
export function rt_type(v: V): i32 { return v.t; }

// v[k]: object lookup, array index, set membership.
export function rt_dot(v: V, k: V): V | null {
  let t = v.t;
  if (t == T_OBJ) return objGet(asObj(v), k);
  if (t == T_ARR) {
    if (k.t != T_NUM) return null;
    let f = asNum(k).f;
    let a = asArr(v).a;
    if (f < 0 || f >= <f64>a.length) return null;
    let i = <i32>f;
    if (<f64>i != f) return null;
    return unchecked(a[i]);
  }
  if (t == T_SET) return search(asSet(v).a, k) >= 0 ? k : null;
  return null;
}
// Lookups in base data also find number keys by their text (JSON keys are strings).
export function rt_dot_data(v: V, k: V): V | null {
  let r = rt_dot(v, k);
  if (r === null && k.t == T_NUM && v.t == T_OBJ) r = objGetStr(asObj(v), numToText(asNum(k)));
  return r;
}
export function rt_len(v: V): i32 {
  let t = v.t;
  if (t == T_ARR) return asArr(v).a.length;
  if (t == T_OBJ) return asObj(v).k.length;
  if (t == T_SET) return asSet(v).a.length;
  return 0;
}
export function rt_key(v: V, i: i32): V {
  let t = v.t;
  if (t == T_ARR) return num(<f64>i);
  if (t == T_OBJ) return unchecked(asObj(v).k[i]);
  return unchecked(asSet(v).a[i]);
}
export function rt_val(v: V, i: i32): V {
  let t = v.t;
  if (t == T_ARR) return unchecked(asArr(v).a[i]);
  if (t == T_OBJ) return unchecked(asObj(v).v[i]);
  return unchecked(asSet(v).a[i]);
}
export function rt_arr_new(): V { return new VArr(new Array<V>()); }
export function rt_arr_push(a: V, v: V): void { asArr(a).a.push(v); }
// length if v is an array, else -1
export function rt_arr_len(v: V): i32 { return v.t == T_ARR ? asArr(v).a.length : -1; }
export function rt_obj_len(v: V): i32 { return v.t == T_OBJ ? asObj(v).k.length : -1; }
export function rt_obj_new(): V { return new VObj(); }
export function rt_obj_put(o: V, k: V, v: V): void { objPut(asObj(o), k, v); }
// 0 when the key is present with a different value
export function rt_obj_insert(o: V, k: V, v: V): i32 { return objPut(asObj(o), k, v) ? 1 : 0; }
export function rt_set_new(): V { return new VSet(); }
export function rt_set_add(s: V, v: V): void { setAdd(asSet(s), v); }

function copyObj(o: VObj): VObj {
  let n = new VObj();
  n.k = o.k.slice(0);
  n.v = o.v.slice(0);
  return n;
}

// A copy of root with the value at path (an array of keys) set to v,
// copying the objects along the path. Non-objects on the way are replaced.
export function rt_upsert(root: V | null, path: V, v: V): V {
  let keys = asArr(path).a;
  if (keys.length == 0) return v;
  let top: VObj = root !== null && root.t == T_OBJ ? copyObj(asObj(root!)) : new VObj();
  let cur = top;
  for (let i = 0; i < keys.length - 1; i++) {
    let k = unchecked(keys[i]);
    let child = objGet(cur, k);
    let nc: VObj = child !== null && child.t == T_OBJ ? copyObj(asObj(child!)) : new VObj();
    objPut(cur, k, nc);
    cur = nc;
  }
  objPut(cur, unchecked(keys[keys.length - 1]), v);
  return top;
}

// A copy of root with v at path, or null on a conflict: a different value already
// at path, a non-object on the way, or (limit >= 0, for a path longer than limit)
// a value already at its first limit keys: another rule's value, which a longer
// path would reach into.
export function rt_merge_at(root: V, path: V, v: V, limit: i32): V | null {
  let keys = asArr(path).a;
  let n = keys.length;
  if (limit >= 0 && n > limit) {
    let cur: V | null = root;
    for (let i = 0; i < limit && cur !== null; i++) cur = cur!.t == T_OBJ ? objGet(asObj(cur!), unchecked(keys[i])) : null;
    if (cur !== null) return null;
  }
  let top = copyObj(asObj(root));
  let cur = top;
  for (let i = 0; i < n - 1; i++) {
    let k = unchecked(keys[i]);
    let child = objGet(cur, k);
    let nc: VObj;
    if (child === null) nc = new VObj();
    else if (child.t != T_OBJ) return null;
    else nc = copyObj(asObj(child!));
    objPut(cur, k, nc);
    cur = nc;
  }
  let last = unchecked(keys[n - 1]);
  let old = objGet(cur, last);
  if (old !== null) {
    // the sets of multi-value rules at one path are one set
    if (old.t == T_SET && v.t == T_SET) {
      let u = new VSet();
      u.a = asSet(old!).a.slice(0);
      let b = asSet(v).a;
      for (let i = 0; i < b.length; i++) setAdd(u, unchecked(b[i]));
      objPut(cur, last, u);
      return top;
    }
    return compare(old!, v) == 0 ? top : null;
  }
  objPut(cur, last, v);
  return top;
}

// A copy of root with x added to the set at path (made if missing); null if
// something other than a set or an object is in the way.
export function rt_add_at(root: V, path: V, x: V): V | null {
  let s = new VSet();
  setAdd(s, x);
  return rt_merge_at(root, path, s, -1);
}

// A copy of root where the objects along path exist (missing ones are created empty).
export function rt_ensure(root: V | null, path: V): V {
  let keys = asArr(path).a;
  let top: VObj = root !== null && root.t == T_OBJ ? copyObj(asObj(root!)) : new VObj();
  let cur = top;
  for (let i = 0; i < keys.length; i++) {
    let k = unchecked(keys[i]);
    let child = objGet(cur, k);
    if (child !== null && child.t != T_OBJ) return top;
    let nc: VObj = child !== null ? copyObj(asObj(child!)) : new VObj();
    objPut(cur, k, nc);
    cur = nc;
  }
  return top;
}

// Merges virtual documents into a base document (objects merged recursively; b wins).
export function rt_merge(a: V | null, b: V): V {
  if (a === null || a.t != T_OBJ || b.t != T_OBJ) return b;
  let r = copyObj(asObj(a!));
  let bo = asObj(b);
  for (let i = 0; i < bo.k.length; i++) {
    let k = unchecked(bo.k[i]);
    let x = objGet(r, k);
    objPut(r, k, rt_merge(x, unchecked(bo.v[i])));
  }
  return r;
}

export function rt_host0(id: i32): V | null { return changetype<V | null>(opa_builtin0(id, 0)); }
export function rt_host1(id: i32, a: V): V | null { return changetype<V | null>(opa_builtin1(id, 0, changetype<usize>(a))); }
export function rt_host2(id: i32, a: V, b: V): V | null { return changetype<V | null>(opa_builtin2(id, 0, changetype<usize>(a), changetype<usize>(b))); }
export function rt_host3(id: i32, a: V, b: V, c: V): V | null { return changetype<V | null>(opa_builtin3(id, 0, changetype<usize>(a), changetype<usize>(b), changetype<usize>(c))); }
export function rt_host4(id: i32, a: V, b: V, c: V, d: V): V | null { return changetype<V | null>(opa_builtin4(id, 0, changetype<usize>(a), changetype<usize>(b), changetype<usize>(c), changetype<usize>(d))); }
export function rt_heap_base(): usize { return __heap_base; }
