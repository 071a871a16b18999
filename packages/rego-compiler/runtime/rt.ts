// A bump allocator with the OPA heap pointer contract: resetting the pointer
// discards everything allocated at or above it. Nothing is ever freed otherwise.
import { BLOCK, BLOCK_OVERHEAD, OBJECT, OBJECT_OVERHEAD, AL_MASK } from "~lib/rt/common";

// @ts-ignore: decorator
@lazy let top: usize = 0;

// @ts-ignore: decorator
@inline function grow(to: usize): void {
  let have = (<usize>memory.size()) << 16;
  if (to > have) {
    let pages = <i32>((to - have + 0xffff) >>> 16);
    if (memory.grow(pages) < 0) unreachable();
  }
}

// @ts-ignore: decorator
@global export function __heap_get(): usize { return top; }
// @ts-ignore: decorator
@global export function __heap_set(p: usize): void { top = p; }

// @ts-ignore: decorator
@unsafe @global
export function __alloc(size: usize): usize {
  let ptr = ((top + BLOCK_OVERHEAD + AL_MASK) & ~AL_MASK);
  let sz = (size + AL_MASK) & ~AL_MASK;
  let end = ptr + sz;
  grow(end);
  changetype<BLOCK>(ptr - BLOCK_OVERHEAD).mmInfo = sz;
  top = end;
  return ptr;
}

// @ts-ignore: decorator
@unsafe @global
export function __realloc(ptr: usize, size: usize): usize {
  let old = changetype<BLOCK>(ptr - BLOCK_OVERHEAD).mmInfo;
  if (size <= old) return ptr;
  if (ptr + old == top) {
    let sz = (size + AL_MASK) & ~AL_MASK;
    grow(ptr + sz);
    changetype<BLOCK>(ptr - BLOCK_OVERHEAD).mmInfo = sz;
    top = ptr + sz;
    return ptr;
  }
  let n = __alloc(size > old << 1 ? size : old << 1);
  memory.copy(n, ptr, old);
  return n;
}

// @ts-ignore: decorator
@unsafe @global
export function __free(ptr: usize): void {}

// @ts-ignore: decorator
@unsafe @global
export function __reset(): void {}

// @ts-ignore: decorator
@unsafe @global
export function __new(size: usize, id: u32): usize {
  let ptr = __alloc(OBJECT_OVERHEAD + size);
  let o = changetype<OBJECT>(ptr - BLOCK_OVERHEAD);
  o.gcInfo = 0;
  o.gcInfo2 = 0;
  o.rtId = id;
  o.rtSize = <u32>size;
  return ptr + OBJECT_OVERHEAD;
}

// @ts-ignore: decorator
@unsafe @global
export function __renew(oldPtr: usize, size: usize): usize {
  let p = __realloc(oldPtr - OBJECT_OVERHEAD, OBJECT_OVERHEAD + size);
  changetype<OBJECT>(p - BLOCK_OVERHEAD).rtSize = <u32>size;
  return p + OBJECT_OVERHEAD;
}

// @ts-ignore: decorator
@global @unsafe
export function __link(parentPtr: usize, childPtr: usize, expectMultiple: bool): void {}
// @ts-ignore: decorator
@global @unsafe
export function __pin(ptr: usize): usize { return ptr; }
// @ts-ignore: decorator
@global @unsafe
export function __unpin(ptr: usize): void {}
// @ts-ignore: decorator
@global @unsafe
function __visit(ptr: usize, cookie: u32): void {}
// @ts-ignore: decorator
@global @unsafe
export function __collect(): void {}
