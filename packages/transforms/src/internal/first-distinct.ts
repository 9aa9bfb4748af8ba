import type { RowGroups } from "./row-groups";

/** Groups up to this size are sorted by insertion (most are a few rows); larger ones by the built-in sort. */
const INSERTION_SORT_MAX = 32;

/**
 * Whether position `a` comes before `b`: by `values` ascending, NaN first when `missingFirst` (else last), then
 * by position. The order each group's runs of equal values are found in.
 */
function before(values: Float64Array, a: number, b: number, missingFirst: boolean): boolean {
  const x = values[a]!;
  const y = values[b]!;
  if (x < y) return true;
  if (x > y) return false;
  if (x === y) return a < b;
  const missingX = Number.isNaN(x);
  if (missingX === Number.isNaN(y)) return a < b;
  return missingX === missingFirst;
}

/** The positions `order[from..to)` sorted by {@link before}. */
function sortRange(
  order: Int32Array,
  from: number,
  to: number,
  values: Float64Array,
  missingFirst: boolean,
): void {
  if (to - from > INSERTION_SORT_MAX) {
    order.subarray(from, to).sort((a, b) => (before(values, a, b, missingFirst) ? -1 : 1));
    return;
  }
  for (let i = from + 1; i < to; ++i) {
    const item = order[i]!;
    let j = i - 1;
    while (j >= from && before(values, item, order[j]!, missingFirst)) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = item;
  }
}

/** Equal as a dedupe has it: -0 is 0, and NaN (a missing value) equals NaN. */
function sameNumber(x: number, y: number): boolean {
  return x === y || (Number.isNaN(x) && Number.isNaN(y));
}

/** How a first-N step orders the rows of a group (see {@link firstDistinctByValue}). */
export interface GroupOrder {
  /** The step's first order value of each position (negated where it ranks descending). */
  readonly values: Float64Array;
  /** True when a missing (NaN) value comes first, as it does ascending; false when last (descending). */
  readonly missingFirst: boolean;
  /** The step's total order on positions: by `values` first, as above, then its tie-break. */
  readonly compare: (a: number, b: number) => number;
}

/**
 * A dedupe on every column, then a first-N step, in one pass: the positions of the first `n` distinct rows of
 * each group under `order.compare`, ascending, and the number of distinct rows. Rows equal in every column
 * (`same`, on two positions) share their group and their value in `order.values`, so only rows sharing both
 * are compared, and the first copy of each is the one kept. Each group's positions (a counting pass sorts
 * them by group) are sorted by value; the runs of equal values then come in the step's order, and only a run
 * holding the group's `n`-th row needs `compare`. No hash table, no heap: the cost is a pass over the rows and
 * a small sort per group.
 * @example firstDistinctByValue(groupRows([zones, days], rows), order, sameRows(columns, rows), 3) // { kept: Uint32Array [0, 4, …], distinct: 341176 }
 */
export function firstDistinctByValue(
  groups: RowGroups,
  order: GroupOrder,
  same: (a: number, b: number) => boolean,
  n: number,
): { kept: Uint32Array; distinct: number } {
  const { groupOf, groupCount } = groups;
  const { values, missingFirst, compare } = order;
  const rows = groupOf.length;
  // positions by group, ascending within each (a counting sort)
  const start = new Int32Array(groupCount + 1);
  for (let p = 0; p < rows; ++p) start[groupOf[p]! + 1]! += 1;
  for (let g = 0; g < groupCount; ++g) start[g + 1]! += start[g]!;
  const next = start.slice(0, groupCount);
  const sorted = new Int32Array(rows);
  for (let p = 0; p < rows; ++p) sorted[next[groupOf[p]!]!++] = p;

  const copy = new Uint8Array(rows);
  const keep = new Uint8Array(rows);
  let copies = 0;
  let kept = 0;
  const tied: number[] = [];
  for (let g = 0; g < groupCount; ++g) {
    const from = start[g]!;
    const to = start[g + 1]!;
    sortRange(sorted, from, to, values, missingFirst);
    let taken = 0;
    for (let i = from; i < to; ) {
      // a run of equal values, positions ascending: each row a copy of an earlier distinct one, or distinct
      const value = values[sorted[i]!]!;
      let end = i + 1;
      while (end < to && sameNumber(values[sorted[end]!]!, value)) end++;
      let distinct = 1;
      for (let a = i + 1; a < end; ++a) {
        const later = sorted[a]!;
        let isCopy = false;
        for (let b = i; b < a && !isCopy; ++b) {
          const earlier = sorted[b]!;
          isCopy = copy[earlier] === 0 && same(earlier, later);
        }
        if (isCopy) {
          copy[later] = 1;
          copies++;
        } else distinct++;
      }
      if (taken < n) {
        if (taken + distinct <= n) {
          for (let a = i; a < end; ++a) if (copy[sorted[a]!] === 0) keep[sorted[a]!] = 1;
          taken += distinct;
        } else {
          // the run holds the group's n-th row: its distinct rows in the step's order decide which
          tied.length = 0;
          for (let a = i; a < end; ++a) if (copy[sorted[a]!] === 0) tied.push(sorted[a]!);
          tied.sort(compare);
          for (let k = 0; k < n - taken; ++k) keep[tied[k]!] = 1;
          taken = n;
        }
      }
      i = end;
    }
    kept += taken;
  }
  const positions = new Uint32Array(kept);
  for (let p = 0, k = 0; p < rows; ++p) if (keep[p] === 1) positions[k++] = p;
  return { kept: positions, distinct: rows - copies };
}
