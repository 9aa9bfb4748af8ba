/** Helpers of the parity tests: run a pipe on both engines and compare the tables cell by cell. */
import type { Pipe } from "@tablepipe/core";
import type { ColumnTable } from "arquero";
import { expect } from "vitest";
import type { DuckDb } from "./engine/duckdb-database";
import { type DuckDbPipeResult, type DuckDbRunOptions, runOnDuckDb } from "./engine/run-on-duckdb";

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

/** Run a pipe in process and on DuckDB; assert equal tables and row counts; returns the DuckDB result. */
export async function expectParity<C extends string>(
  pipe: Pipe<C>,
  database: DuckDb,
  options: Omit<DuckDbRunOptions, "database"> = {},
): Promise<DuckDbPipeResult<C>> {
  const reference = pipe.run();
  const result = await runOnDuckDb(pipe, { ...options, database });
  expectSameTable(result.table, reference.table);
  const counts = (trace: typeof reference.trace) => trace.map((e) => [e.step, e.rowsIn, e.rowsOut]);
  expect(counts(result.trace)).toEqual(counts(reference.trace));
  return result;
}

/** Assert a pipe fails in process and on DuckDB with the same error, matching `pattern`. */
export async function expectSameError<C extends string>(
  pipe: Pipe<C>,
  database: DuckDb,
  options: Omit<DuckDbRunOptions, "database">,
  pattern: RegExp,
): Promise<void> {
  let message = "";
  try {
    pipe.run();
  } catch (error) {
    message = (error as Error).message;
  }
  expect(message).toMatch(pattern);
  await expect(runOnDuckDb(pipe, { ...options, database })).rejects.toThrow(message);
}
