import type { ColumnTable } from "arquero";

/**
 * A column's cells as the bit-for-bit suites compare them: a missing value (null, undefined, NaN) is null; `-0`
 * stays `-0`.
 * @example columnCells(table, "x") // [1.5, null, -0]
 */
export function columnCells(table: ColumnTable, name: string): unknown[] {
  return Array.from(table.array(name) as ArrayLike<unknown>, (v) =>
    v === undefined || v === null || (typeof v === "number" && Number.isNaN(v)) ? null : v,
  );
}
