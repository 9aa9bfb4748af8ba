import type { ColumnValues } from "./columns";
import { rowComparator } from "./row-order";

/** Leading number columns the radix pass orders by (the comparator settles rows tied on all of them). */
const MAX_RADIX_KEYS = 3;
/** Below this many rows the comparator sorts alone: a radix pass costs ~64K bucket counts whatever the rows. */
const MIN_RADIX_ROWS = 512;
const DIGIT_BITS = 16;
const BUCKETS = 1 << DIGIT_BITS;

const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
/** Which of `words` holds the high 32 bits of `scratch` (little-endian: the second). */
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LOW = 1 - HIGH;

/**
 * The 64-bit pattern of each row's value, in two halves, that orders as `compareNumbers` does: NaN (missing)
 * first, then by value, -0 equal to 0; every bit inverted for a descending column (NaN last).
 */
function orderedBits(
  column: Float64Array,
  rows: Uint32Array,
  descending: boolean,
  high: Uint32Array,
  low: Uint32Array,
): void {
  const flip = descending ? 0xffffffff : 0;
  for (let p = 0; p < rows.length; p++) {
    const value = column[rows[p] as number] as number;
    let hi = 0;
    let lo = 0;
    if (!Number.isNaN(value)) {
      scratch[0] = value + 0; // -0 + 0 is 0
      hi = words[HIGH] as number;
      lo = words[LOW] as number;
      // negative numbers: all bits inverted (larger magnitude first); others: the sign bit set
      if (hi >= 0x80000000) {
        hi = ~hi >>> 0;
        lo = ~lo >>> 0;
      } else hi = (hi | 0x80000000) >>> 0;
    }
    high[p] = (hi ^ flip) >>> 0;
    low[p] = (lo ^ flip) >>> 0;
  }
}

/**
 * One stable counting pass: `order` by the 16-bit digit of `half` at `shift`, into `into`. False (nothing
 * written) when every row has the same digit.
 */
function countingPass(
  order: Uint32Array,
  into: Uint32Array,
  half: Uint32Array,
  shift: number,
  counts: Uint32Array,
): boolean {
  counts.fill(0);
  const n = order.length;
  for (let i = 0; i < n; i++) {
    const d = ((half[order[i] as number] as number) >>> shift) & 0xffff;
    counts[d] = (counts[d] as number) + 1;
  }
  const first = ((half[order[0] as number] as number) >>> shift) & 0xffff;
  if (counts[first] === n) return false;
  let at = 0;
  for (let d = 0; d < BUCKETS; d++) {
    const c = counts[d] as number;
    counts[d] = at;
    at += c;
  }
  for (let i = 0; i < n; i++) {
    const p = order[i] as number;
    const d = ((half[p] as number) >>> shift) & 0xffff;
    into[counts[d] as number] = p;
    counts[d] = (counts[d] as number) + 1;
  }
  return true;
}

/** Whether positions `a` and `b` hold equal values (NaN equal to NaN, -0 to 0) in every key column. */
function tiedOnKeys(keys: readonly Float64Array[], rows: Uint32Array, a: number, b: number): boolean {
  const ra = rows[a] as number;
  const rb = rows[b] as number;
  for (let k = 0; k < keys.length; k++) {
    const column = keys[k] as Float64Array;
    const x = column[ra] as number;
    const y = column[rb] as number;
    if (x !== y && !(Number.isNaN(x) && Number.isNaN(y))) return false;
  }
  return true;
}

/**
 * The positions `0..rows.length-1` of `rows` in the order `rowComparator(rows, columns, descending)` gives,
 * found faster: a stable radix sort on the leading number columns (up to three; `Float64Array`s), then the
 * comparator only within runs of rows tied on all of them.
 * @example sortedPositions(visibleRows(table), [columnValues(table, "at")]) // positions by time, then position
 */
export function sortedPositions(
  rows: Uint32Array,
  columns: readonly ColumnValues[],
  descending: readonly boolean[] = [],
): Uint32Array {
  const n = rows.length;
  const compare = rowComparator(rows, columns, descending);
  const keys: Float64Array[] = [];
  for (const column of columns) {
    if (!(column instanceof Float64Array) || keys.length === MAX_RADIX_KEYS) break;
    keys.push(column);
  }
  if (keys.length === 0 || n < MIN_RADIX_ROWS) {
    return Uint32Array.from(Array.from({ length: n }, (_, i) => i).sort(compare));
  }
  let order = Uint32Array.from({ length: n }, (_, i) => i);
  let spare = new Uint32Array(n);
  const high = new Uint32Array(n);
  const low = new Uint32Array(n);
  const counts = new Uint32Array(BUCKETS);
  // least significant first: the last key's low digits, ..., the first key's high digits
  for (let k = keys.length - 1; k >= 0; k--) {
    orderedBits(keys[k] as Float64Array, rows, descending[k] === true, high, low);
    for (const [half, shift] of [
      [low, 0],
      [low, DIGIT_BITS],
      [high, 0],
      [high, DIGIT_BITS],
    ] as const) {
      if (countingPass(order, spare, half, shift, counts)) [order, spare] = [spare, order];
    }
  }
  // rows tied on every key: ordered by the rest of the columns, as the comparator orders them
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && tiedOnKeys(keys, rows, order[i - 1] as number, order[i] as number)) continue;
    if (i - start > 1) order.set(Array.from(order.subarray(start, i)).sort(compare), start);
    start = i;
  }
  return order;
}
