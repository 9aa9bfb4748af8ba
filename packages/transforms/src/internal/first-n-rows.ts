import type { ColumnTable } from "arquero";
import type { ColumnValues } from "./columns";
import { columnValues } from "./columns";
import { firstNByGroup } from "./first-n";
import { groupRows } from "./row-groups";
import { rowComparator } from "./row-order";
import { keepPositions, positionsOf } from "./rows";

/** A first-N-per-group request on columns already read (keys may be derived, like a calendar day). */
export interface FirstNSpec {
  /** The visible rows of the table. */
  readonly rows: Uint32Array;
  /** Group key values, indexed by backing row number. */
  readonly keys: readonly ColumnValues[];
  /** Order values, ascending, indexed by backing row number. */
  readonly order: readonly ColumnValues[];
  /** Table columns that do not take part in the tie-break (group keys: equal within a group anyway). */
  readonly skipInTieBreak: readonly string[];
  readonly n: number;
}

/**
 * Keep the first `n` rows of each group by `order`, ties broken by every other column ascending
 * (a total order, so the result never depends on input order); survivors keep their input order.
 */
export function keepFirstN(table: ColumnTable, spec: FirstNSpec): ColumnTable {
  const { rows, keys, order, n } = spec;
  const skip = new Set(spec.skipInTieBreak);
  const tieBreak = table
    .columnNames()
    .filter((name) => !skip.has(name))
    .map((name) => columnValues(table, name));
  const groups = groupRows(keys, rows);
  const first = order[0];
  // `compare` orders by the first order column first: with numbers there, a quick test passes over most rows
  let primary: Float64Array | undefined;
  if (first instanceof Float64Array) {
    primary = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; ++i) primary[i] = first[rows[i]!]!;
  }
  const keep = firstNByGroup(groups, n, rowComparator(rows, [...order, ...tieBreak]), primary);
  return keepPositions(table, rows, positionsOf(keep));
}
