/**
 * Limits that keep one hostile document from crashing or hanging the linter, each checked in one
 * linear, iterative pass so the outcome never depends on the stack size of the thread:
 * nesting depth (on the CST, before the recursive composer runs), duplicate keys (a Set per map,
 * where the yaml package's own check is quadratic in the number of keys), aliases that contain
 * themselves (an endless value that every walk of the value would follow forever) and aliases that
 * expand a small text into a huge value (billion laughs).
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type CST, type Document, type Node } from 'yaml';

/**
 * Deeper collections are not read. Real manifests nest a few dozen levels; the yaml package's
 * composer recurses per level and runs out of stack somewhere near a thousand, at a point that
 * depends on the thread, so the limit is ours and well below that.
 */
export const maxNestingDepth = 256;

/**
 * How many nodes aliases may add to a document when expanded. go-yaml (what kubectl uses) refuses
 * documents whose aliases make up most of a large decode; this is the same idea with one number.
 */
export const maxAliasExpansion = 400_000;

export interface LimitError {
  message: string;
  /** Offset in the document's text. */
  offset: number;
  length: number;
}

/** The first collection (in document order) nested deeper than maxNestingDepth, from the CST. */
export function nestingError(tokens: readonly CST.Token[]): LimitError | null {
  let first: number | null = null;
  const stack: Array<{ token: CST.Token; depth: number }> = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (token.type === 'document') {
      if (token.value) stack.push({ token: token.value, depth });
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > maxNestingDepth) {
        if (first === null || token.offset < first) first = token.offset;
        continue;
      }
      for (const item of token.items) {
        if ('key' in item && item.key) stack.push({ token: item.key, depth: depth + 1 });
        if (item.value) stack.push({ token: item.value, depth: depth + 1 });
      }
    }
  }
  if (first === null) return null;
  return { message: `Collections are nested more than ${maxNestingDepth} levels deep here; a document this deep is not read`, offset: first, length: 1 };
}

interface Frame {
  node: Node;
  /** Children still to visit, in document order. */
  children: Node[];
  next: number;
  /** Nodes of the expanded value below this one (aliases count as their anchor's value). */
  size: number;
  /** Collection levels of the expanded value, this one included. */
  depth: number;
}

function childrenOf(node: Node): Node[] {
  if (isMap(node)) return node.items.flatMap((pair) => [pair.key as Node, pair.value as Node]).filter((child) => child != null);
  if (isSeq(node)) return node.items.filter((child): child is Node => child != null) as Node[];
  return [];
}

function isCollectionNode(node: Node): boolean {
  return isMap(node) || isSeq(node);
}

/** The first duplicate key of a map, as the yaml package defines one: equal scalar values. */
function duplicateKey(node: Node): LimitError | null {
  if (!isMap(node)) return null;
  const seen = new Set<unknown>();
  for (const pair of node.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const value = pair.key.value;
    if (typeof value === 'number' && Number.isNaN(value)) continue;
    if (seen.has(value)) return { message: 'Map keys must be unique', offset: pair.key.range?.[0] ?? 0, length: 1 };
    seen.add(value);
  }
  return null;
}

/**
 * Walks the composed document once, in document order (the order in which the yaml package
 * resolves an alias to the latest anchor of that name before it): duplicate keys, aliases inside
 * their own anchor's value, expansion beyond maxAliasExpansion, and expanded nesting beyond
 * maxNestingDepth. Returns the first problem found (a map's duplicate keys are checked on entering it).
 */
export function valueError(doc: Document): LimitError | null {
  const root = doc.contents as Node | null;
  if (!root) return null;
  const anchors = new Map<string, Node>();
  const expanded = new Map<Node, { size: number; depth: number }>();
  const onPath = new Set<Node>();
  let aliasExtra = 0;
  const stack: Frame[] = [];

  const enter = (node: Node): LimitError | null => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      // An unknown anchor is reported by the value conversion, with the yaml package's message.
      if (!target) return addToParent(1, 0);
      const at = node.range?.[0] ?? 0;
      if (onPath.has(target)) {
        return { message: `Alias *${node.source} is inside the value of its own anchor &${node.source}, so that value would be endless`, offset: at, length: node.source.length + 1 };
      }
      const { size, depth } = expanded.get(target)!;
      aliasExtra += size - 1;
      if (aliasExtra > maxAliasExpansion) {
        return { message: `Aliases expand this document by more than ${maxAliasExpansion} nodes (an alias bomb); it is not read`, offset: at, length: node.source.length + 1 };
      }
      if (stack.length + depth > maxNestingDepth) {
        return { message: `Alias *${node.source} nests collections more than ${maxNestingDepth} levels deep; a document this deep is not read`, offset: at, length: node.source.length + 1 };
      }
      return addToParent(size, depth);
    }
    const duplicate = duplicateKey(node);
    if (duplicate) return duplicate;
    if (node.anchor) anchors.set(node.anchor, node);
    onPath.add(node);
    stack.push({ node, children: childrenOf(node), next: 0, size: 1, depth: isCollectionNode(node) ? 1 : 0 });
    return null;
  };

  const addToParent = (size: number, depth: number): null => {
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.size += size;
      parent.depth = Math.max(parent.depth, depth + 1);
    }
    return null;
  };

  const first = enter(root);
  if (first) return first;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next < frame.children.length) {
      const problem = enter(frame.children[frame.next++]!);
      if (problem) return problem;
      continue;
    }
    stack.pop();
    onPath.delete(frame.node);
    const result = { size: frame.size, depth: frame.depth };
    if (frame.node.anchor) expanded.set(frame.node, result);
    addToParent(result.size, result.depth);
  }
  return null;
}
