import type { FirstDistinctRows } from "@tablepipe/core";
import type { ColumnTable } from "arquero";
import type { ColumnValues } from "./columns";
import { columnValues } from "./columns";
import { firstCopies } from "./first-copies";
import { firstNByGroup } from "./first-n";
import { groupRows, type RowGroups, sameRows } from "./row-groups";
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
  return keepPositions(table, spec.rows, firstNPositions(table, spec));
}

/**
 * The positions in `spec.rows` of the rows {@link keepFirstN} keeps, ascending (`spec.rows` may be any rows;
 * `groups`: their groups by `spec.keys`, when known).
 */
function firstNPositions(
  table: ColumnTable,
  spec: FirstNSpec,
  groups: RowGroups = groupRows(spec.keys, spec.rows),
): Uint32Array {
  const { rows, order, n, descending = [] } = spec;
  const skip = new Set(spec.skipInTieBreak);
  const tieBreak = table
    .columnNames()
    .filter((name) => !skip.has(name))
    .map((name) => columnValues(table, name));
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
  return positionsOf(firstNByGroup(groups, n, compare, primary));
}

/**
 * The first copy of each distinct row of `spec.rows` (equal in every column, as a dedupe has it), as positions
 * ascending: equal rows share their group and first order value, so when that value is a number only rows
 * sharing both are compared ({@link firstCopies}); else rows are hashed on the group keys and the first order
 * column, and compared on every column where those match.
 */
function distinctPositions(
  columns: readonly ColumnValues[],
  spec: FirstNSpec,
  groups: RowGroups,
): Uint32Array {
  const { rows } = spec;
  const first = spec.order[0];
  if (first instanceof Float64Array) {
    const values = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; ++i) values[i] = first[rows[i]!]!;
    return firstCopies(groups, values, sameRows(columns, rows));
  }
  const { firstPosition } = groupRows(columns, rows, {
    hashKeys: first === undefined ? spec.keys : [...spec.keys, first],
    expectedGroups: rows.length,
  });
  return new Uint32Array(firstPosition); // groups are numbered by first appearance: ascending
}

/**
 * {@link keepFirstN} on the distinct rows of `table` (the first copy of each row equal in every column, as a
 * dedupe keeps it), and how many distinct rows there are: cheaper than a dedupe then the step, as equal rows
 * share their group and first order value (see `distinctPositions`), and the groups are found once.
 * @example keepFirstDistinctN(trips, spec) // { table: the first 3 distinct trips per zone and day, distinctRows: 341176 }
 */
export function keepFirstDistinctN(table: ColumnTable, spec: FirstNSpec): FirstDistinctRows {
  const columns = table.columnNames().map((name) => columnValues(table, name));
  const groups = groupRows(spec.keys, spec.rows);
  const distinct = distinctPositions(columns, spec, groups);
  // the distinct rows, and their groups, for the first-N step
  const rows = new Uint32Array(distinct.length);
  const groupOf = new Int32Array(distinct.length);
  for (let i = 0; i < distinct.length; ++i) {
    rows[i] = spec.rows[distinct[i]!]!;
    groupOf[i] = groups.groupOf[distinct[i]!]!;
  }
  // a group's first row is distinct (nothing before it is equal): every group is there, in the same order
  const firstPosition = new Int32Array(groups.groupCount).fill(-1);
  for (let i = 0; i < groupOf.length; ++i)
    if (firstPosition[groupOf[i]!]! < 0) firstPosition[groupOf[i]!] = i;
  const kept = firstNPositions(
    table,
    { ...spec, rows },
    { groupOf, groupCount: groups.groupCount, firstPosition },
  );
  const positions = new Uint32Array(kept.length);
  for (let i = 0; i < kept.length; ++i) positions[i] = distinct[kept[i]!]!;
  return { table: keepPositions(table, spec.rows, positions), distinctRows: distinct.length };
}
