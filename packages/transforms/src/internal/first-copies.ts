import type { RowGroups } from "./row-groups";

/** Groups up to this size are sorted by insertion (most are a few rows); larger ones by the built-in sort. */
const INSERTION_SORT_MAX = 32;

/** `value` ascending with NaN first, then position: the order runs of equal values are found in. */
function before(values: Float64Array, a: number, b: number): boolean {
  const x = values[a]!;
  const y = values[b]!;
  if (x < y) return true;
  if (x > y) return false;
  if (x === y) return a < b;
  const missingX = Number.isNaN(x);
  return missingX === Number.isNaN(y) ? a < b : missingX;
}

/** The positions `order[from..to)` sorted by {@link before}. */
function sortRange(order: Int32Array, from: number, to: number, values: Float64Array): void {
  if (to - from > INSERTION_SORT_MAX) {
    order.subarray(from, to).sort((a, b) => (before(values, a, b) ? -1 : 1));
    return;
  }
  for (let i = from + 1; i < to; ++i) {
    const item = order[i]!;
    let j = i - 1;
    while (j >= from && before(values, item, order[j]!)) {
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

/**
 * The first copy of each distinct row, as positions ascending, when rows equal in every column (`same`, on
 * two positions) are known to share their group in `groups` and their number in `values` (by position): only
 * rows sharing both are compared. Each group's positions are sorted by value (a counting pass sorts them by
 * group first), so the cost is a pass over the rows and a small sort per group, with no hash table: a dedupe
 * of the candidates of a first-N step, whose groups it has already found and whose first order value
 * separates almost all rows.
 * @example firstCopies(groupRows([zones], rows), pickupMillis, sameRows(columns, rows)) // Uint32Array [0, 1, 3, …]
 */
export function firstCopies(
  groups: RowGroups,
  values: Float64Array,
  same: (a: number, b: number) => boolean,
): Uint32Array {
  const { groupOf, groupCount } = groups;
  const n = groupOf.length;
  // positions by group, ascending within each (a counting sort)
  const start = new Int32Array(groupCount + 1);
  for (let p = 0; p < n; ++p) start[groupOf[p]! + 1]! += 1;
  for (let g = 0; g < groupCount; ++g) start[g + 1]! += start[g]!;
  const next = start.slice(0, groupCount);
  const order = new Int32Array(n);
  for (let p = 0; p < n; ++p) order[next[groupOf[p]!]!++] = p;

  const copy = new Uint8Array(n);
  let copies = 0;
  for (let g = 0; g < groupCount; ++g) {
    const from = start[g]!;
    const to = start[g + 1]!;
    if (to - from < 2) continue;
    sortRange(order, from, to, values);
    // a run of equal values, positions ascending: each row is a copy of an earlier distinct one, or distinct
    for (let i = from; i < to; ) {
      const value = values[order[i]!]!;
      let end = i + 1;
      while (end < to && sameNumber(values[order[end]!]!, value)) end++;
      for (let a = i + 1; a < end; ++a) {
        const later = order[a]!;
        for (let b = i; b < a; ++b) {
          const earlier = order[b]!;
          if (copy[earlier] === 0 && same(earlier, later)) {
            copy[later] = 1;
            copies++;
            break;
          }
        }
      }
      i = end;
    }
  }
  const firsts = new Uint32Array(n - copies);
  for (let p = 0, k = 0; p < n; ++p) if (copy[p] === 0) firsts[k++] = p;
  return firsts;
}
