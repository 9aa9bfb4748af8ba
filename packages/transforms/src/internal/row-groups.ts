import type { ColumnValues } from "./columns";
import { fmix, hashNumberInto, hashValueInto, sameValue } from "./values";

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

function tableSize(count: number): number {
  let size = 16;
  while (size < count * 1.5) size *= 2;
  return size;
}

/**
 * Group the positions of `rows` by the values of the `keys` columns (backing arrays, indexed by row
 * number). An open-addressing hash table on typed arrays with exact comparison on hash hits: no string
 * keys, no `Map` size limit, memory linear in the rows. With no key columns, every row is one group.
 */
export function groupRows(keys: readonly ColumnValues[], rows: Uint32Array): RowGroups {
  const n = rows.length;
  const hashes = rowHashes(keys, rows);
  const size = tableSize(n);
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  const groupOf = new Int32Array(n);
  const first = new Int32Array(n);
  let groupCount = 0;

  const sameKeys = (a: number, b: number): boolean => {
    const ra = rows[a]!;
    const rb = rows[b]!;
    for (const column of keys) if (!sameValue(column[ra], column[rb])) return false;
    return true;
  };

  for (let position = 0; position < n; ++position) {
    const hash = hashes[position]!;
    let slot = hash & mask;
    let group = -1;
    for (;;) {
      const candidate = slots[slot]!;
      if (candidate < 0) break;
      const firstOfCandidate = first[candidate]!;
      if (hashes[firstOfCandidate] === hash && sameKeys(firstOfCandidate, position)) {
        group = candidate;
        break;
      }
      slot = (slot + 1) & mask;
    }
    if (group < 0) {
      group = groupCount++;
      slots[slot] = group;
      first[group] = position;
    }
    groupOf[position] = group;
  }
  return { groupOf, groupCount, firstPosition: first.slice(0, groupCount) };
}
