/**
 * What is statically known about a TypeScript expression, with the AST nodes it was written at.
 * `unknown` is a value the linter cannot know (a parameter, a call into another file, a computed
 * key); it is never guessed (see variants.ts).
 */
import type { TSESTree } from '@typescript-eslint/types';

export type Node = TSESTree.Node;

export type StaticValue =
  | { kind: 'scalar'; value: string | number | boolean | null; node: Node }
  | { kind: 'undefined'; node: Node }
  | { kind: 'object'; entries: ObjectEntry[]; node: Node }
  | { kind: 'array'; items: StaticValue[]; node: Node }
  | { kind: 'unknown'; node: Node };

export interface ObjectEntry {
  key: string;
  value: StaticValue;
  /** The key as written (for a missing field below it). */
  keyNode: Node;
  /** Key through value (for a field that must not be there). */
  entryNode: Node;
  /** The value expression at the place it was written (for a bad value). */
  valueNode: Node;
}

export function scalar(value: string | number | boolean | null, node: Node): StaticValue {
  return { kind: 'scalar', value, node };
}

export function unknown(node: Node): StaticValue {
  return { kind: 'unknown', node };
}

export function hasUnknown(value: StaticValue): boolean {
  switch (value.kind) {
    case 'unknown':
      return true;
    case 'object':
      return value.entries.some((entry) => hasUnknown(entry.value));
    case 'array':
      return value.items.some(hasUnknown);
    default:
      return false;
  }
}

export function entryOf(value: StaticValue | undefined, key: string): ObjectEntry | undefined {
  return value?.kind === 'object' ? value.entries.find((entry) => entry.key === key) : undefined;
}

/**
 * The node where the field at a path was written: the entry itself when the whole path is known
 * (`complete`), else the key of the nearest enclosing field that is (the core's missing-field convention).
 */
export function locatePath(value: StaticValue, segments: ReadonlyArray<string | number>): { node: Node; complete: boolean } {
  let current = value;
  let node = value.node;
  for (const segment of segments) {
    if (typeof segment === 'number') {
      const item = current.kind === 'array' ? current.items[segment] : undefined;
      if (!item) return { node, complete: false };
      current = item;
      node = item.node;
    } else {
      const entry = entryOf(current, segment);
      if (!entry) return { node, complete: false };
      current = entry.value;
      node = entry.entryNode;
    }
  }
  return { node, complete: true };
}
