// json.remove, json.filter (paths as "a/b" strings or arrays of segments) and
// object.subset, following OPA's topdown definitions.
import {
  V, VArr, VObj, VSet, VStr, NULL, TRUE, FALSE, T_NULL, T_STR, T_ARR, T_OBJ, T_SET,
  asArr, asObj, asSet, asStr, objGet, objPut, setAdd, setHas, equal, compare,
} from "./value";
import { typeErr, TYPE_NAMES } from "./builtins";

// The segments of a JSON pointer-ish string: "/a/b" (leading slashes optional), "~1" for "/", "~0" for "~".
export function pointerSegments(s: string): Array<V> {
  let out = new Array<V>();
  if (s.length == 0) return out;
  let i = 0;
  while (i < s.length && s.charCodeAt(i) == 47) i++;
  let parts = s.substring(i).split("/");
  for (let j = 0; j < parts.length; j++) out.push(new VStr(parts[j].replaceAll("~1", "/").replaceAll("~0", "~")));
  return out;
}

// One path: a JSON pointer-ish string or an array of segments.
function parsePath(name: string, p: V): Array<V> | null {
  if (p.t == T_STR) return pointerSegments(asStr(p).s);
  if (p.t == T_ARR) return asArr(p).a.slice(0);
  typeErr(name, "operand 2 must be one of {set, array} containing string paths or array of path segments but got " + TYPE_NAMES[p.t]);
  return null;
}

// The paths as a tree of objects whose leaves are null (a path ends there).
function pathTree(name: string, paths: V): VObj | null {
  let list: Array<V>;
  if (paths.t == T_ARR) list = asArr(paths).a;
  else if (paths.t == T_SET) list = asSet(paths).a;
  else { typeErr(name, "operand 2 must be one of {set, array} but got " + TYPE_NAMES[paths.t]); return null; }
  let root = new VObj();
  for (let i = 0; i < list.length; i++) {
    let path = parsePath(name, unchecked(list[i]));
    if (path === null) return null;
    let segs = path!;
    if (segs.length == 0) continue;
    let node = root;
    let done = false;
    for (let j = 0; j < segs.length - 1; j++) {
      let child = objGet(node, unchecked(segs[j]));
      if (child === null) { let o = new VObj(); objPut(node, unchecked(segs[j]), o); node = o; continue; }
      if (child!.t == T_NULL) { done = true; break; }
      node = asObj(child!);
    }
    if (!done) objPut(node, segs[segs.length - 1], NULL);
  }
  return root;
}

function indexKey(i: i32): V { return new VStr(i.toString()); }

// a without the leaves of b; null when a itself is removed.
function removeIn(a: V, b: V | null): V | null {
  if (b === null) return a;
  if (b.t == T_NULL) return null;
  if (b.t != T_OBJ) return a;
  let bo = asObj(b);
  let t = a.t;
  if (t == T_OBJ) {
    let x = asObj(a);
    let r = new VObj();
    for (let i = 0; i < x.k.length; i++) {
      let d = removeIn(unchecked(x.v[i]), objGet(bo, unchecked(x.k[i])));
      if (d !== null) { r.k.push(unchecked(x.k[i])); r.v.push(d!); }
    }
    return r;
  }
  if (t == T_SET) {
    let x = asSet(a).a;
    let r = new VSet();
    for (let i = 0; i < x.length; i++) {
      let d = removeIn(unchecked(x[i]), objGet(bo, unchecked(x[i])));
      if (d !== null) setAdd(r, d!);
    }
    return r;
  }
  if (t == T_ARR) {
    let x = asArr(a).a;
    let r = new Array<V>();
    for (let i = 0; i < x.length; i++) {
      let d = removeIn(unchecked(x[i]), objGet(bo, indexKey(i)));
      if (d !== null) r.push(d!);
    }
    return new VArr(r);
  }
  return a;
}

// The parts of a that the filter tree f selects (null in f: all of it).
function filterIn(a: V, f: V): V | null {
  if (f.t == T_NULL) return a;
  if (f.t != T_OBJ) return null;
  let fo = asObj(f);
  let t = a.t;
  if (t == T_ARR) {
    let x = asArr(a).a;
    let r = new Array<V>();
    for (let i = 0; i < x.length; i++) {
      let sub = objGet(fo, indexKey(i));
      if (sub === null) continue;
      let d = filterIn(unchecked(x[i]), sub!);
      if (d === null) return null;
      r.push(d!);
    }
    return new VArr(r);
  }
  if (t == T_SET) {
    let x = asSet(a).a;
    let r = new VSet();
    for (let i = 0; i < x.length; i++) {
      let sub = objGet(fo, unchecked(x[i]));
      if (sub === null) continue;
      let d = filterIn(unchecked(x[i]), sub!);
      if (d === null) return null;
      setAdd(r, d!);
    }
    return r;
  }
  if (t == T_OBJ) {
    let x = asObj(a);
    let r = new VObj();
    for (let i = 0; i < x.k.length; i++) {
      let sub = objGet(fo, unchecked(x.k[i]));
      if (sub === null) continue;
      let d = filterIn(unchecked(x.v[i]), sub!);
      if (d === null) return null;
      r.k.push(unchecked(x.k[i])); r.v.push(d!);
    }
    return r;
  }
  return a;
}

export function b_json_remove(o: V, paths: V): V | null {
  if (o.t != T_OBJ) return typeErr("json.remove", "operand 1 must be object but got " + TYPE_NAMES[o.t]);
  let tree = pathTree("json.remove", paths);
  if (tree === null) return null;
  return removeIn(o, tree);
}

export function b_json_filter(o: V, paths: V): V | null {
  if (o.t != T_OBJ) return typeErr("json.filter", "operand 1 must be object but got " + TYPE_NAMES[o.t]);
  let tree = pathTree("json.filter", paths);
  if (tree === null) return null;
  return filterIn(o, tree!);
}

// ---- object.subset ----------------------------------------------------------
function objectSubset(sup: VObj, sub: VObj): bool {
  for (let i = 0; i < sub.k.length; i++) {
    let s = objGet(sup, unchecked(sub.k[i]));
    if (s === null) return false;
    let v = unchecked(sub.v[i]);
    if (equal(v, s!)) continue;
    if (!nestedSubset(s!, v)) return false;
  }
  return true;
}
function setSubset(sup: VSet, sub: VSet): bool {
  for (let i = 0; i < sub.a.length; i++) if (!setHas(sup, unchecked(sub.a[i]))) return false;
  return true;
}
// sub appears as a contiguous run in sup
function arraySubset(sup: Array<V>, sub: Array<V>): bool {
  if (sub.length > sup.length) return false;
  for (let start = 0; start + sub.length <= sup.length; start++) {
    let j = 0;
    while (j < sub.length && compare(unchecked(sup[start + j]), unchecked(sub[j])) == 0) j++;
    if (j == sub.length) return true;
  }
  return false;
}
// as OPA: true once every element of sub was seen, checked after each element of sup
function arraySetSubset(sup: Array<V>, sub: VSet): bool {
  let unmatched = sub.a.length;
  for (let i = 0; i < sup.length; i++) {
    if (setHas(sub, unchecked(sup[i]))) unmatched--;
    if (unmatched == 0) return true;
  }
  return false;
}
// Subset of two values of the same composite type (objects, sets, arrays); false otherwise.
function nestedSubset(sup: V, sub: V): bool {
  if (sup.t == T_OBJ && sub.t == T_OBJ) return objectSubset(asObj(sup), asObj(sub));
  if (sup.t == T_SET && sub.t == T_SET) return setSubset(asSet(sup), asSet(sub));
  if (sup.t == T_ARR && sub.t == T_ARR) return arraySubset(asArr(sup).a, asArr(sub).a);
  return false;
}

export function b_object_subset(sup: V, sub: V): V | null {
  if ((sup.t == T_OBJ && sub.t == T_OBJ) || (sup.t == T_SET && sub.t == T_SET) || (sup.t == T_ARR && sub.t == T_ARR))
    return nestedSubset(sup, sub) ? TRUE : FALSE;
  if (sup.t == T_ARR && sub.t == T_SET) return arraySetSubset(asArr(sup).a, asSet(sub)) ? TRUE : FALSE;
  return typeErr("object.subset", "both arguments object.subset must be of the same type or array and set");
}
