/**
 * Where each row's rolling frame begins and ends among its partition's rows in order: a frame of rows (the row
 * and the `rows - 1` before it) or a range of the order column's values (SQL's `ROWS` and `RANGE` frames).
 */

/** Each index `k` of `sorted`'s frame: `sorted[first[k]..last[k]]`, both ends included, inside `k`'s partition. */
export interface FrameBounds {
  readonly first: Int32Array;
  readonly last: Int32Array;
}

/**
 * The frames of the row and the `rows - 1` rows before it (fewer at the partition's start), for `sorted`'s
 * partitions cut at `start` (length partitions + 1).
 * @example rowFrameBounds(Int32Array.of(0, 3), 2) // first [0, 0, 1], last [0, 1, 2]
 */
export function rowFrameBounds(start: Int32Array, rows: number): FrameBounds {
  const n = start[start.length - 1]!;
  const first = new Int32Array(n);
  const last = new Int32Array(n);
  for (let g = 0; g + 1 < start.length; ++g) {
    for (let k = start[g]!; k < start[g + 1]!; ++k) {
      first[k] = Math.max(start[g]!, k - rows + 1);
      last[k] = k;
    }
  }
  return { first, last };
}

/** Whether two order values are peers: equal, or both missing (NaN). */
const peers = (a: number, b: number): boolean => a === b || (Number.isNaN(a) && Number.isNaN(b));

/**
 * The frames of a range of the order column (SQL's `RANGE BETWEEN range PRECEDING AND CURRENT ROW`): the rows of
 * the partition whose order value `v` lies between the row's `x` and `range` before it (`x - range <= v <= x`
 * ascending, `x <= v <= x + range` descending, the bound computed as SQL does), the row's peers after it
 * included; a row whose order value is missing (NaN) has the missing ones as its frame. `keys` are the order
 * values by position, `sorted` the positions partition by partition, each ordered by `keys` (missing first
 * ascending, last descending).
 * @example rangeFrameBounds(Float64Array.of(1, 2, 2, 5), Uint32Array.of(0, 1, 2, 3), Int32Array.of(0, 4), 1, false) // first [0, 0, 0, 3], last [0, 2, 2, 3]
 */
export function rangeFrameBounds(
  keys: Float64Array,
  sorted: Uint32Array,
  start: Int32Array,
  range: number,
  descending: boolean,
): FrameBounds {
  const n = sorted.length;
  const first = new Int32Array(n);
  const last = new Int32Array(n);
  const key = (k: number): number => keys[sorted[k]!]!;
  /** Whether order value `v` is outside the frame of a row whose order value is `x` (not missing). */
  const before = descending
    ? (v: number, x: number) => Number.isNaN(v) || v > x + range
    : (v: number, x: number) => Number.isNaN(v) || v < x - range;
  for (let g = 0; g + 1 < start.length; ++g) {
    const from = start[g]!;
    const to = start[g + 1]!;
    for (let k = to - 1; k >= from; --k) last[k] = k + 1 < to && peers(key(k), key(k + 1)) ? last[k + 1]! : k;
    let low = from;
    for (let k = from; k < to; ++k) {
      const x = key(k);
      if (Number.isNaN(x)) {
        first[k] = k > from && Number.isNaN(key(k - 1)) ? first[k - 1]! : k;
        continue;
      }
      while (low < k && before(key(low), x)) low++;
      first[k] = low;
    }
  }
  return { first, last };
}
