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
  /** Order values, indexed by backing row number. */
  readonly order: readonly ColumnValues[];
  /** For each order column, true to rank it descending (missing values last); default ascending. */
  readonly descending?: readonly boolean[];
  /** Table columns that do not take part in the tie-break (group keys: equal within a group anyway). */
  readonly skipInTieBreak: readonly string[];
  readonly n: number;
}

/**
 * Keep the first `n` rows of each group by `order` (each column ascending or descending), ties broken by
 * every other column ascending
 * (a total order, so the result never depends on input order); survivors keep their input order.
 */
export function keepFirstN(table: ColumnTable, spec: FirstNSpec): ColumnTable {
  const { rows, keys, order, n, descending = [] } = spec;
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
    // descending on x is ascending on -x (a NaN never passes the quick test, and goes to `compare`)
    const sign = descending[0] === true ? -1 : 1;
    primary = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; ++i) primary[i] = sign * first[rows[i]!]!;
  }
  const compare = rowComparator(rows, [...order, ...tieBreak], descending);
  const keep = firstNByGroup(groups, n, compare, primary);
  return keepPositions(table, rows, positionsOf(keep));
}
