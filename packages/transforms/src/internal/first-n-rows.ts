import type { FirstDistinctRows } from "@tablepipe/core";
import type { ColumnTable } from "arquero";
import type { ColumnValues } from "./columns";
import { columnValues } from "./columns";
import { firstDistinctByValue } from "./first-distinct";
import { firstNByGroup } from "./first-n";
import { groupRows, sameRows } from "./row-groups";
import { rowComparator } from "./row-order";
import { keepPositions, positionsOf } from "./rows";
import { withoutNegativeZeroColumns, zeroSignedColumns } from "./zero-signs";

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

/** The step's total order on the positions of `spec.rows`: by the order columns, then every other column. */
function firstNComparator(table: ColumnTable, spec: FirstNSpec): (a: number, b: number) => number {
  const skip = new Set(spec.skipInTieBreak);
  const tieBreak = table
    .columnNames()
    .filter((name) => !skip.has(name))
    .map((name) => columnValues(table, name));
  return rowComparator(spec.rows, [...spec.order, ...tieBreak], spec.descending ?? []);
}

/**
 * The first order value of each position of `spec.rows`, negated where it ranks descending (so that it ranks
 * ascending), when the first order column holds numbers; undefined otherwise.
 */
function firstOrderValues(spec: FirstNSpec): Float64Array | undefined {
  const first = spec.order[0];
  if (!(first instanceof Float64Array)) return undefined;
  const { rows } = spec;
  const sign = spec.descending?.[0] === true ? -1 : 1;
  const values = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; ++i) values[i] = sign * first[rows[i]!]!;
  return values;
}

/**
 * The positions in `spec.rows` of the rows {@link keepFirstN} keeps, ascending (`spec.rows` may be any rows).
 * `compare` orders by the first order column first: with numbers there, a quick test passes over most rows
 * (a NaN never passes it, and goes to `compare`).
 */
function firstNPositions(table: ColumnTable, spec: FirstNSpec): Uint32Array {
  const groups = groupRows(spec.keys, spec.rows);
  const compare = firstNComparator(table, spec);
  return positionsOf(firstNByGroup(groups, spec.n, compare, firstOrderValues(spec)));
}

/**
 * {@link keepFirstN} on the distinct rows of `table` (the first copy of each row equal in every column, as a
 * dedupe keeps it), and how many distinct rows there are. Equal rows share their group and first order value:
 * when that value is a number, one pass finds the copies and the first rows of each group together
 * ({@link firstDistinctByValue}); else rows are hashed on the group keys and the first order column (compared
 * on every column where those match), then the step runs on the distinct ones.
 * @example keepFirstDistinctN(trips, spec) // { table: the first 3 distinct trips per zone and day, distinctRows: 341176 }
 */
export function keepFirstDistinctN(table: ColumnTable, spec: FirstNSpec): FirstDistinctRows {
  const { rows } = spec;
  const columns = table.columnNames().map((name) => columnValues(table, name));
  const values = firstOrderValues(spec);
  if (values !== undefined) {
    const groups = groupRows(spec.keys, rows);
    const order = {
      values,
      missingFirst: spec.descending?.[0] !== true,
      compare: firstNComparator(table, spec),
    };
    const { kept, distinct } = firstDistinctByValue(groups, order, sameRows(columns, rows), spec.n);
    return { table: distinctCells(table, keepPositions(table, rows, kept)), distinctRows: distinct };
  }
  const first = spec.order[0];
  const { firstPosition } = groupRows(columns, rows, {
    hashKeys: first === undefined ? spec.keys : [...spec.keys, first],
    expectedGroups: rows.length,
  });
  // each distinct row's first copy, ascending (groups are numbered by first appearance)
  const distinct = new Uint32Array(firstPosition.length);
  for (let g = 0; g < distinct.length; ++g) distinct[g] = rows[firstPosition[g]!]!;
  const kept = firstNPositions(table, { ...spec, rows: distinct });
  const positions = new Uint32Array(kept.length);
  for (let i = 0; i < kept.length; ++i) positions[i] = firstPosition[kept[i]!]!;
  return {
    table: distinctCells(table, keepPositions(table, rows, positions)),
    distinctRows: distinct.length,
  };
}

/** Rows of `table` a dedupe on every column kept, each float zero as 0, as `dropDuplicates` gives them. */
function distinctCells(table: ColumnTable, kept: ColumnTable): ColumnTable {
  return withoutNegativeZeroColumns(kept, zeroSignedColumns(table));
}
