// graph.reachable and graph.reachable_paths, as OPA's topdown defines them.
import { V, VArr, VObj, VSet, T_ARR, T_SET, T_OBJ, asArr, asSet, asObj, objGet, setAdd, setHas } from "./value";
import { typeErr, TYPE_NAMES } from "./builtins";

// The vertices of an array or a set; none for anything else.
function vertices(v: V): Array<V> {
  if (v.t == T_ARR) return asArr(v).a;
  if (v.t == T_SET) return asSet(v).a;
  return new Array<V>();
}
function operands(name: string, g: V, init: V): bool {
  if (g.t != T_OBJ) { typeErr(name, "operand 1 must be object but got " + TYPE_NAMES[g.t]); return false; }
  if (init.t != T_ARR && init.t != T_SET) { typeErr(name, "operand 2 must be {array, set} but got " + TYPE_NAMES[init.t]); return false; }
  return true;
}

export function b_graph_reachable(g: V, init: V): V | null {
  if (!operands("graph.reachable", g, init)) return null;
  let graph = asObj(g);
  let queue = vertices(init).slice(0);
  let reached = new VSet();
  for (let q = 0; q < queue.length; q++) {
    let node = queue[q];
    let edges = objGet(graph, node);
    if (edges === null) continue;
    let ns = vertices(edges!);
    for (let i = 0; i < ns.length; i++) if (!setHas(reached, ns[i])) queue.push(ns[i]);
    setAdd(reached, node);
  }
  return reached;
}

function pathBuilder(graph: VObj, root: V, path: Array<V>, out: VSet, reached: VSet): void {
  let edges = objGet(graph, root);
  // a node not in the graph: the path so far, without it
  if (edges === null) { setAdd(out, new VArr(path.slice(0))); return; }
  path.push(root);
  let ns = vertices(edges!);
  if (ns.length == 0) { setAdd(out, new VArr(path.slice(0))); return; }
  // one set of reached nodes for the whole walk from a start edge, as OPA's results show:
  // a node reached down one branch ends the paths of later branches that meet it
  setAdd(reached, root);
  for (let i = 0; i < ns.length; i++) {
    if (setHas(reached, ns[i])) setAdd(out, new VArr(path.slice(0)));
    else pathBuilder(graph, ns[i], path.slice(0), out, reached);
  }
}

export function b_graph_reachable_paths(g: V, init: V): V | null {
  if (!operands("graph.reachable_paths", g, init)) return null;
  let graph = asObj(g);
  let out = new VSet();
  let queue = vertices(init);
  for (let q = 0; q < queue.length; q++) {
    let node = queue[q];
    let edges = objGet(graph, node);
    if (edges === null) continue;
    let ns = vertices(edges!);
    if (ns.length == 0) { let p = new Array<V>(); p.push(node); setAdd(out, new VArr(p)); continue; }
    for (let i = 0; i < ns.length; i++) {
      let start = new Array<V>(); start.push(node);
      let seen = new VSet(); setAdd(seen, node);
      pathBuilder(graph, ns[i], start, out, seen);
    }
  }
  return out;
}
