import type { FirstRowsCutoff } from "@tablepipe/core";
import type { ColumnTable } from "arquero";
import type { FirstNSpec } from "./first-n-rows";
import { groupRows } from "./row-groups";
import { keepPositions, positionsOf } from "./rows";

/**
 * Group keys to a number, nested one map per key column. Keys compare as `Map` keys do (`0` and `-0` alike,
 * NaN equal to NaN), with `null` and `undefined` read as NaN: the missing key, as the grouping has it.
 */
type KeyTree = Map<unknown, KeyTree | number>;

/** A key value as a map key: missing values are one key; undefined for a value maps cannot key by value. */
function mapKey(value: unknown): unknown {
  if (value === null || value === undefined) return Number.NaN;
  return typeof value === "object" || typeof value === "function" ? undefined : value;
}

/** Slots at most: a direct table of bounds above this size is not worth it (the map is used). */
const MAX_SLOTS = 1 << 24;

/**
 * Bounds by group. `direct`: every key a whole number in a narrow range on the kept rows, each group a slot
 * `sum((key[k] - min[k]) * stride[k])` of `slots` (NaN: no bound). `tree`: any keys, one map level per key.
 */
type GroupBounds =
  | {
      readonly kind: "direct";
      readonly min: Float64Array;
      readonly span: Float64Array;
      readonly stride: Float64Array;
      readonly slots: Float64Array;
    }
  | { readonly kind: "tree"; readonly tree: KeyTree };

/**
 * The ranges of the key columns on `rows` when every value is a whole number or missing (NaN, left out) and
 * the slots are few.
 */
function keyRanges(
  keys: FirstNSpec["keys"],
  rows: Uint32Array,
): { min: Float64Array; span: Float64Array } | undefined {
  const min = new Float64Array(keys.length);
  const span = new Float64Array(keys.length);
  let slots = 1;
  for (let k = 0; k < keys.length; ++k) {
    const column = keys[k];
    if (!(column instanceof Float64Array)) return undefined;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let p = 0; p < rows.length; ++p) {
      const value = column[rows[p]!]!;
      if (Number.isNaN(value)) continue; // a missing key: its group gets no bound
      if (!Number.isInteger(value)) return undefined;
      if (value < lo) lo = value;
      if (value > hi) hi = value;
    }
    if (lo > hi) return undefined; // every key missing
    min[k] = lo;
    span[k] = hi - lo + 1;
    slots *= span[k]!;
    if (!(slots <= MAX_SLOTS)) return undefined;
  }
  return { min, span };
}

/**
 * Each group's bound from the rows a first-N step kept: the `n`-th smallest first order value (negated when
 * that column ranks descending) among the group's rows where it is a number, for groups with `n` such rows.
 * Undefined (no bounds) when the first order column is not a `Float64Array`, there is no key, or a key is an
 * object.
 */
export function groupBounds(spec: FirstNSpec): GroupBounds | undefined {
  const { rows, keys, order, n } = spec;
  const first = order[0];
  if (!(first instanceof Float64Array) || keys.length === 0 || rows.length === 0) return undefined;
  const sign = spec.descending?.[0] === true ? -1 : 1;
  const groups = groupRows(keys, rows);
  const values: number[][] = Array.from({ length: groups.groupCount }, () => []);
  for (let p = 0; p < rows.length; ++p) {
    const value = sign * first[rows[p]!]!;
    if (!Number.isNaN(value)) values[groups.groupOf[p]!]!.push(value);
  }
  // each group's n-th smallest value (NaN: fewer than n numbers, no bound)
  const nth = values.map((own) => (own.length < n ? Number.NaN : own.sort((a, b) => a - b)[n - 1]!));
  const ranges = keyRanges(keys, rows);
  if (ranges !== undefined) {
    const stride = new Float64Array(keys.length);
    let size = 1;
    for (let k = keys.length - 1; k >= 0; --k) {
      stride[k] = size;
      size *= ranges.span[k]!;
    }
    const slots = new Float64Array(size).fill(Number.NaN);
    for (let g = 0; g < groups.groupCount; ++g) {
      const bound = nth[g]!;
      if (Number.isNaN(bound)) continue;
      const row = rows[groups.firstPosition[g]!]!;
      let slot = 0;
      for (let k = 0; k < keys.length; ++k)
        slot += ((keys[k] as Float64Array)[row]! - ranges.min[k]!) * stride[k]!;
      if (Number.isNaN(slot)) continue; // a group with a missing key gets no bound: its rows are never cut
      // 0 and -0 share a slot: keep the larger bound, past which a row is past either group's
      slots[slot] = Number.isNaN(slots[slot]!) ? bound : Math.max(slots[slot]!, bound);
    }
    return { kind: "direct", ...ranges, stride, slots };
  }
  const tree: KeyTree = new Map();
  for (let g = 0; g < groups.groupCount; ++g) {
    const bound = nth[g]!;
    if (Number.isNaN(bound)) continue;
    const row = rows[groups.firstPosition[g]!]!;
    let level = tree;
    for (let k = 0; k < keys.length; ++k) {
      const key = mapKey(keys[k]![row]);
      if (key === undefined) return undefined;
      if (k === keys.length - 1) {
        // keys the map merges (0 and -0) keep the larger bound: a row past it is past either group's
        const held = level.get(key) as number | undefined;
        level.set(key, held === undefined ? bound : Math.max(held, bound));
      } else {
        let next = level.get(key) as KeyTree | undefined;
        if (next === undefined) {
          next = new Map();
          level.set(key, next);
        }
        level = next;
      }
    }
  }
  return { kind: "tree", tree };
}

/** The bound of the group of each row of `rows` (NaN when it has none), one pass per key column. */
function directBoundsOf(
  bounds: Extract<GroupBounds, { kind: "direct" }>,
  keys: FirstNSpec["keys"],
  rows: Uint32Array,
): Float64Array {
  const slotOf = new Float64Array(rows.length);
  for (let k = 0; k < keys.length; ++k) {
    const column = keys[k]!;
    const min = bounds.min[k]!;
    const span = bounds.span[k]!;
    const stride = bounds.stride[k]!;
    // a column of another kind (the kept rows' was numbers): its numbers, NaN for anything else
    const typed =
      column instanceof Float64Array
        ? column
        : Float64Array.from(column, (value) => (typeof value === "number" ? value : Number.NaN));
    for (let p = 0; p < rows.length; ++p) {
      const offset = typed[rows[p]!]! - min;
      // outside the range, a fraction or NaN: a group no kept row has (NaN stays NaN through the sum)
      slotOf[p] =
        slotOf[p]! +
        (offset >= 0 && offset < span && Number.isInteger(offset) ? offset * stride : Number.NaN);
    }
  }
  const out = new Float64Array(rows.length);
  for (let p = 0; p < rows.length; ++p) {
    const slot = slotOf[p]!;
    out[p] = Number.isNaN(slot) ? Number.NaN : bounds.slots[slot]!;
  }
  return out;
}

/** The bound of the group of each row of `rows` (NaN when it has none), through the key maps. */
function treeBoundsOf(tree: KeyTree, keys: FirstNSpec["keys"], rows: Uint32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let p = 0; p < rows.length; ++p) {
    let level: KeyTree | number | undefined = tree;
    for (let k = 0; k < keys.length && level instanceof Map; ++k) {
      const key = mapKey(keys[k]![rows[p]!]);
      level = key === undefined ? undefined : level.get(key);
    }
    out[p] = typeof level === "number" ? level : Number.NaN;
  }
  return out;
}

/**
 * `table` without the rows whose first order value (negated when descending) is above their group's bound:
 * such a row has `n` rows of its group strictly ahead of it. Rows with no number there are kept.
 */
export function dropPastBounds(table: ColumnTable, spec: FirstNSpec, bounds: GroupBounds): ColumnTable {
  const { rows, keys, order } = spec;
  const first = order[0];
  if (!(first instanceof Float64Array)) return table;
  const sign = spec.descending?.[0] === true ? -1 : 1;
  const bound =
    bounds.kind === "direct" ? directBoundsOf(bounds, keys, rows) : treeBoundsOf(bounds.tree, keys, rows);
  const keep = new Uint8Array(rows.length);
  let dropped = 0;
  for (let p = 0; p < rows.length; ++p) {
    // a NaN value or a group without a bound (NaN) is never past it
    if (sign * first[rows[p]!]! > bound[p]!) dropped += 1;
    else keep[p] = 1;
  }
  return dropped === 0 ? table : keepPositions(table, rows, positionsOf(keep));
}

/**
 * The cutoff of a first-N step whose request on a table is `specOf(table)` (see `FirstRowsCutoff`): a later
 * row is dropped when its group's `n` kept rows all have a smaller first order value. Only that first value
 * decides, so ties (broken by other columns) are never dropped.
 * @example firstRowsCutoff(["zone", "at"], (table) => ({ rows: visibleRows(table), keys: [...], order: [...], skipInTieBreak: [], n }))
 */
export function firstRowsCutoff(
  columns: readonly string[],
  specOf: (table: ColumnTable) => FirstNSpec,
): FirstRowsCutoff {
  return {
    columns,
    from: (kept) => {
      const bounds = groupBounds(specOf(kept));
      return (later) => (bounds === undefined ? later : dropPastBounds(later, specOf(later), bounds));
    },
  };
}
