/** Comparing an engine's table with the in-process one, cell by cell (parity tests of the SQL engines). */
import type { ColumnTable } from "arquero";
import { expect } from "vitest";

/** A cell as compared: missing values (null, undefined, NaN, invalid Date) are null, Dates epoch ms, -0 is 0. */
export function normalCell(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value === "number") return Number.isNaN(value) ? null : value === 0 ? 0 : value;
  return value;
}

/** The rows of a table as arrays of normal cells, in row order. */
export function normalRows(table: ColumnTable): unknown[][] {
  const names = table.columnNames();
  const columns = names.map((name) => table.array(name) as ArrayLike<unknown>);
  return Array.from({ length: table.numRows() }, (_, row) =>
    columns.map((column) => normalCell(column[row])),
  );
}

function sameCell(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") {
    return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  }
  return a === b;
}

/** Assert two tables have the same columns and the same rows in the same order (floats to 1e-9 relative). */
export function expectSameTable(actual: ColumnTable, expected: ColumnTable): void {
  expect(actual.columnNames()).toEqual(expected.columnNames());
  const a = normalRows(actual);
  const e = normalRows(expected);
  const same =
    a.length === e.length && a.every((row, i) => row.every((cell, j) => sameCell(cell, e[i]?.[j])));
  if (!same) expect(a).toEqual(e); // the diff
}
