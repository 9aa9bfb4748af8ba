import { fmix, hashNumberInto, hashValueInto, mix, sameValue } from "@tablepipe/core/internal";
import type { ColumnValues } from "./columns";

const float = new Float64Array(1);
const words = new Uint32Array(float.buffer);

/** Rows partitioned by equal key values (see `sameValue`), groups numbered by first appearance. */
export interface RowGroups {
  /** The group of each position (an index into the `rows` given to {@link groupRows}). */
  readonly groupOf: Int32Array;
  /** The number of groups. */
  readonly groupCount: number;
  /** The first position of each group, ascending (length `groupCount`). */
  readonly firstPosition: Int32Array;
}

function rowHashes(keys: readonly ColumnValues[], rows: Uint32Array): Uint32Array {
  const hashes = new Uint32Array(rows.length);
  for (const column of keys) {
    // One loop per column; numeric typed columns skip the type dispatch.
    if (column instanceof Float64Array) {
      for (let i = 0; i < rows.length; ++i) hashes[i] = hashNumberInto(hashes[i]!, column[rows[i]!]!);
    } else {
      for (let i = 0; i < rows.length; ++i) hashes[i] = hashValueInto(hashes[i]!, column[rows[i]!]);
    }
  }
  for (let i = 0; i < hashes.length; ++i) hashes[i] = fmix(hashes[i]!);
  return hashes;
}

/** Options of {@link groupRows}. */
export interface GroupRowsOptions {
  /**
   * Hash only these of the key columns (equal keys still mean equal in every key column: the hash is only
   * where to look). Hashing a few columns that tell rows apart is much cheaper than hashing all of them; if
   * they turn out to tell too few rows apart, every key column is hashed after all.
   */
  readonly hashKeys?: readonly ColumnValues[];
  /** About how many groups to expect (a dedupe: about as many as rows), to size the table once. */
  readonly expectedGroups?: number;
}

/**
 * Group the positions of `rows` by the values of the `keys` columns (backing arrays, indexed by row
 * number). An open-addressing hash table on typed arrays with exact comparison on hash hits: no string
 * keys, no `Map` size limit, memory linear in the rows. With no key columns, every row is one group.
 */
export function groupRows(
  keys: readonly ColumnValues[],
  rows: Uint32Array,
  options: GroupRowsOptions = {},
): RowGroups {
  const { hashKeys, expectedGroups = 0 } = options;
  if (keys.length === 1 && keys[0] instanceof Float64Array)
    return groupNumbers(keys[0], rows, expectedGroups);
  if (keys.length > 1 && keys.every((column) => column instanceof Float64Array)) {
    const direct = groupNumberTuples(keys as readonly Float64Array[], rows);
    if (direct !== undefined) return direct;
  }
  if (hashKeys !== undefined && hashKeys.length < keys.length) {
    // Too many rows equal in the hashed columns but not in all: give up early and hash every key column.
    const grouped = groupByHashes(
      keys,
      rows,
      rowHashes(hashKeys, rows),
      256 + (rows.length >>> 6),
      expectedGroups,
    );
    if (grouped !== undefined) return grouped;
  }
  return groupByHashes(
    keys,
    rows,
    rowHashes(keys, rows),
    Number.POSITIVE_INFINITY,
    expectedGroups,
  ) as RowGroups;
}

/** A hash of a number for {@link groupNumbers}: equal numbers (0 and -0 too) hash alike. */
export function numberHash(x: number): number {
  if (x === (x | 0)) return fmix(x | 0);
  float[0] = x;
  return fmix(mix(words[0]!, words[1]!));
}

/**
 * {@link groupRows} on one number column: each slot holds a key and its group + 1 side by side (0: empty),
 * so a probe touches one cache line and compares the key in place; NaN (missing) is one group of its own.
 */
export function groupNumbers(column: Float64Array, rows: Uint32Array, expectedGroups = 0): RowGroups {
  const n = rows.length;
  const direct = groupSmallIntegers(column, rows);
  if (direct !== undefined) return direct;
  let size = 1024;
  while (size < expectedGroups * 2) size *= 2;
  let mask = size - 1;
  let slots: Float64Array = new Float64Array(size * 2);
  const groupOf = new Int32Array(n);
  const first = new Int32Array(n);
  let groupCount = 0;
  let nanGroup = -1;
  for (let p = 0; p < n; ++p) {
    const x = column[rows[p]!]!;
    let group: number;
    if (Number.isNaN(x)) {
      if (nanGroup < 0) {
        nanGroup = groupCount++;
        first[nanGroup] = p;
      }
      group = nanGroup;
    } else {
      let slot = numberHash(x) & mask;
      for (;;) {
        const stored = slots[2 * slot + 1]!;
        if (stored === 0) {
          group = groupCount++;
          slots[2 * slot] = x;
          slots[2 * slot + 1] = group + 1;
          first[group] = p;
          if (groupCount * 2 > size) {
            size *= 2;
            mask = size - 1;
            slots = rehashNumbers(slots, size);
          }
          break;
        }
        if (slots[2 * slot] === x) {
          group = stored - 1;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    groupOf[p] = group;
  }
  return { groupOf, groupCount, firstPosition: first.slice(0, groupCount) };
}

/** Whole numbers spanning at most this many values (and at most 4 per row) are grouped by direct indexing. */
const MAX_DIRECT_RANGE = 1 << 25;

/**
 * The smallest of the values `column[rows[p]]` and how many values they span, when they are whole numbers
 * (NaN, a missing value, skipped) in a range narrow enough to index directly by `value - min`; undefined
 * otherwise. `range` is 0 when every value is NaN (or there are no rows).
 */
export function directRange(
  column: Float64Array,
  rows: Uint32Array,
): { min: number; range: number } | undefined {
  const n = rows.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let p = 0; p < n; ++p) {
    const x = column[rows[p]!]!;
    if (Number.isNaN(x)) continue;
    if (x !== Math.floor(x)) return undefined;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const range = min > max ? 0 : max - min + 1;
  return range <= MAX_DIRECT_RANGE && range <= 4 * n + 1024 ? { min, range } : undefined;
}

/**
 * {@link groupNumbers} for whole numbers in a narrow range (ids, codes, small keys): a group per value
 * indexed by `value - min`, no hashing and no probing. Undefined when the values are not such numbers.
 */
function groupSmallIntegers(column: Float64Array, rows: Uint32Array): RowGroups | undefined {
  const n = rows.length;
  const span = directRange(column, rows);
  if (span === undefined) return undefined;
  const { min, range } = span;
  const groupOfValue = new Int32Array(range); // group + 1 of each value (0: not seen yet)
  const groupOf = new Int32Array(n);
  const first = new Int32Array(n);
  let groupCount = 0;
  let nanGroup = -1;
  for (let p = 0; p < n; ++p) {
    const x = column[rows[p]!]!;
    let group: number;
    if (Number.isNaN(x)) {
      if (nanGroup < 0) {
        nanGroup = groupCount++;
        first[nanGroup] = p;
      }
      group = nanGroup;
    } else {
      const index = x - min;
      group = groupOfValue[index]! - 1;
      if (group < 0) {
        group = groupCount++;
        groupOfValue[index] = group + 1;
        first[group] = p;
      }
    }
    groupOf[p] = group;
  }
  return { groupOf, groupCount, firstPosition: first.slice(0, groupCount) };
}

/**
 * {@link groupRows} on several number columns that each hold whole numbers in a narrow range (a zone id and a
 * day number): each row's values are combined into one index (a missing value is a value of its own), and
 * rows are grouped by that index directly, with no hashing and no comparison of keys. Undefined when a column
 * holds other numbers, or the combined range is too wide for the rows.
 */
function groupNumberTuples(keys: readonly Float64Array[], rows: Uint32Array): RowGroups | undefined {
  const n = rows.length;
  const spans: { min: number; range: number }[] = [];
  let slots = 1;
  for (const column of keys) {
    const span = directRange(column, rows);
    if (span === undefined) return undefined;
    slots *= span.range + 1; // one more for NaN
    if (slots > MAX_DIRECT_RANGE || slots > 4 * n + 1024) return undefined;
    spans.push(span);
  }
  const index = new Int32Array(n);
  let stride = 1;
  keys.forEach((column, c) => {
    const { min, range } = spans[c]!;
    for (let p = 0; p < n; ++p) {
      const x = column[rows[p]!]!;
      index[p]! += (Number.isNaN(x) ? range : x - min) * stride;
    }
    stride *= range + 1;
  });
  const groupOfIndex = new Int32Array(slots); // group + 1 of each combined index (0: not seen yet)
  const groupOf = new Int32Array(n);
  const first = new Int32Array(n);
  let groupCount = 0;
  for (let p = 0; p < n; ++p) {
    const at = index[p]!;
    let group = groupOfIndex[at]! - 1;
    if (group < 0) {
      group = groupCount++;
      groupOfIndex[at] = group + 1;
      first[group] = p;
    }
    groupOf[p] = group;
  }
  return { groupOf, groupCount, firstPosition: first.slice(0, groupCount) };
}

/** The (key, group + 1) slots of {@link groupNumbers} moved into a table of `size` slots. */
function rehashNumbers(old: Float64Array, size: number): Float64Array {
  const slots = new Float64Array(size * 2);
  const mask = size - 1;
  for (let s = 0; s < old.length; s += 2) {
    const stored = old[s + 1]!;
    if (stored === 0) continue;
    const x = old[s]!;
    let slot = numberHash(x) & mask;
    while (slots[2 * slot + 1]! !== 0) slot = (slot + 1) & mask;
    slots[2 * slot] = x;
    slots[2 * slot + 1] = stored;
  }
  return slots;
}

/** The (group, hash) slots moved into a table of `size` slots. */
function rehash(old: Int32Array, size: number, groups: number): Int32Array {
  // the table is at most half full, so probing always finds a free slot
  const slots = new Int32Array(size * 2).fill(-1);
  const mask = size - 1;
  let moved = 0;
  for (let s = 0; s < old.length && moved < groups; s += 2) {
    const group = old[s]!;
    if (group < 0) continue;
    const hash = old[s + 1]!;
    let slot = hash & mask;
    while (slots[2 * slot]! >= 0) slot = (slot + 1) & mask;
    slots[2 * slot] = group;
    slots[2 * slot + 1] = hash;
    moved++;
  }
  return slots;
}

/** `sameValue` on number columns, inline: equal, or both NaN (0 equals -0). */
function sameNumbers(keys: readonly Float64Array[], rows: Uint32Array): (a: number, b: number) => boolean {
  return (a, b) => {
    const ra = rows[a]!;
    const rb = rows[b]!;
    for (const column of keys) {
      const x = column[ra]!;
      const y = column[rb]!;
      if (x !== y && !(Number.isNaN(x) && Number.isNaN(y))) return false;
    }
    return true;
  };
}

/**
 * Whether two positions of `rows` hold equal values (see `sameValue`) in every one of the `keys` columns.
 * @example sameRows([ids, names], rows)(0, 5) // true: rows[0] and rows[5] have the same id and name
 */
export function sameRows(
  keys: readonly ColumnValues[],
  rows: Uint32Array,
): (a: number, b: number) => boolean {
  if (keys.every((column) => column instanceof Float64Array))
    return sameNumbers(keys as readonly Float64Array[], rows);
  return (a, b) => {
    const ra = rows[a]!;
    const rb = rows[b]!;
    for (const column of keys) if (!sameValue(column[ra], column[rb])) return false;
    return true;
  };
}

/**
 * The grouping, given each position's hash; undefined once more than `maxFalseHits` hash hits turn out to be
 * different keys. Each slot holds a group and its hash side by side (one cache line per probe).
 */
function groupByHashes(
  keys: readonly ColumnValues[],
  rows: Uint32Array,
  hashes: Uint32Array,
  maxFalseHits: number,
  expectedGroups: number,
): RowGroups | undefined {
  const n = rows.length;
  // The table grows with the groups (rehashing at half full), so few groups stay in cache.
  let size = 1024;
  while (size < expectedGroups * 2) size *= 2;
  let mask = size - 1;
  let slots: Int32Array = new Int32Array(size * 2).fill(-1);
  const groupOf = new Int32Array(n);
  const first = new Int32Array(n);
  let groupCount = 0;
  let falseHits = 0;

  const sameKeys = sameRows(keys, rows);

  for (let position = 0; position < n; ++position) {
    const hash = hashes[position]! | 0;
    let slot = hash & mask;
    let group = -1;
    for (;;) {
      const candidate = slots[2 * slot]!;
      if (candidate < 0) break;
      if (slots[2 * slot + 1] === hash) {
        if (sameKeys(first[candidate]!, position)) {
          group = candidate;
          break;
        }
        if (++falseHits > maxFalseHits) return undefined;
      }
      slot = (slot + 1) & mask;
    }
    if (group < 0) {
      group = groupCount++;
      slots[2 * slot] = group;
      slots[2 * slot + 1] = hash;
      first[group] = position;
      if (groupCount * 2 > size) {
        size *= 2;
        mask = size - 1;
        slots = rehash(slots, size, groupCount);
      }
    }
    groupOf[position] = group;
  }
  return { groupOf, groupCount, firstPosition: first.slice(0, groupCount) };
}
