import type { RowGroups } from "./row-groups";

/**
 * Mark, in each group, the `n` smallest positions under `compare` (a total order on positions).
 * Groups of at most `n` rows are kept whole without comparing anything; larger groups keep a bounded
 * max-heap of their `n` best rows, so the cost is O(rows × log n) and no sort of the table happens.
 * `primary`, when given, holds by position the numbers `compare` orders by first: a row whose number is
 * above that of its group's worst kept row is passed over without calling `compare`.
 */
export function firstNByGroup(
  groups: RowGroups,
  n: number,
  compare: (a: number, b: number) => number,
  primary?: Float64Array,
): Uint8Array {
  const { groupOf, groupCount } = groups;
  const rows = groupOf.length;
  const keep = new Uint8Array(rows);
  const sizes = new Uint32Array(groupCount);
  for (let p = 0; p < rows; ++p) sizes[groupOf[p]!]! += 1;

  // Heap storage only for groups larger than n.
  const offset = new Float64Array(groupCount).fill(-1);
  let total = 0;
  for (let g = 0; g < groupCount; ++g) {
    if (sizes[g]! > n) {
      offset[g] = total;
      total += n;
    }
  }
  if (total === 0) return keep.fill(1);
  const heap = new Int32Array(total);
  // The first order value of each heap's worst row: most rows are later than it, and are passed over
  // without a call to `compare` (NaN, which sorts first, never passes the `>` test).
  const worst = new Float64Array(primary === undefined ? 0 : groupCount);
  const filled = new Uint32Array(groupCount);

  const siftUp = (base: number, index: number): void => {
    let i = index;
    const item = heap[base + i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = heap[base + parent]!;
      if (compare(above, item) >= 0) break;
      heap[base + i] = above;
      i = parent;
    }
    heap[base + i] = item;
  };
  const siftDown = (base: number, count: number): void => {
    let i = 0;
    const item = heap[base]!;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= count) break;
      const right = left + 1;
      let child = left;
      if (right < count && compare(heap[base + right]!, heap[base + left]!) > 0) child = right;
      const below = heap[base + child]!;
      if (compare(below, item) <= 0) break;
      heap[base + i] = below;
      i = child;
    }
    heap[base + i] = item;
  };

  for (let p = 0; p < rows; ++p) {
    const g = groupOf[p]!;
    const base = offset[g]!;
    if (base < 0) {
      keep[p] = 1;
      continue;
    }
    const count = filled[g]!;
    if (count < n) {
      heap[base + count] = p;
      filled[g] = count + 1;
      siftUp(base, count);
      if (primary !== undefined) worst[g] = primary[heap[base]!]!;
    } else if (primary !== undefined && primary[p]! > worst[g]!) {
      // later than the worst row kept on the order's first column: cannot be among the first n
    } else if (compare(p, heap[base]!) < 0) {
      heap[base] = p;
      siftDown(base, n);
      if (primary !== undefined) worst[g] = primary[heap[base]!]!;
    }
  }
  for (let g = 0; g < groupCount; ++g) {
    const base = offset[g]!;
    if (base < 0) continue;
    for (let k = 0; k < n; ++k) keep[heap[base + k]!] = 1;
  }
  return keep;
}
