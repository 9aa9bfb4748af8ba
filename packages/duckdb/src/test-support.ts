/** Helpers of the DuckDB tests: run a pipe in process and on DuckDB and compare (the shared parity harness). */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Pipe, typedTable } from "@tablepipe/core";
import type { InvalidValueExample, ReadReport } from "@tablepipe/io";
import {
  expectParity as expectEngineParity,
  inProcessMessage,
  type ParityEngine,
} from "@tablepipe/sql/test-support";
import * as aq from "arquero";
import { afterAll, beforeAll, expect } from "vitest";
import { DuckDb } from "./engine/duckdb-database";
import { type DuckDbPipeResult, type DuckDbRunOptions, runOnDuckDb } from "./engine/run-on-duckdb";

export { expectSameTable, normalCell, normalRows } from "@tablepipe/sql/test-support";

/**
 * The DuckDB engine of a test file's shared parity suites (`@tablepipe/sql/test-support`), on one in-memory
 * database opened before the file's tests and closed after them; `runs`: cases per property.
 * @example describeStampSumParity(duckdbParityEngine(1), true, true);
 */
export function duckdbParityEngine(runs: number): ParityEngine {
  let db: DuckDb | undefined;
  beforeAll(async () => {
    db = await DuckDb.open();
  });
  afterAll(() => db?.close());
  return {
    name: "duckdb",
    runs,
    run: (p, columnTypes) => runOnDuckDb(p, { columnTypes, database: db as DuckDb }),
  };
}

/** Assert a DuckDB read reports what readTable reported: files, rows, dropped rows, counts (in order) and examples. */
export function expectSameReadReport(read: ReadReport | undefined, expected: ReadReport): void {
  const sorted = (examples: readonly InvalidValueExample[]) =>
    [...examples].sort(
      (a, b) =>
        a.file.localeCompare(b.file) ||
        (a.line ?? 0) - (b.line ?? 0) ||
        (a.column ?? "").localeCompare(b.column ?? ""),
    );
  expect(read?.files).toEqual(expected.files);
  expect([read?.rows, read?.droppedRows]).toEqual([expected.rows, expected.droppedRows]);
  expect(read?.invalidByColumn).toEqual(expected.invalidByColumn);
  // in the same order: describeRead lists the counts as the report holds them
  expect(Object.keys(read?.invalidByColumn ?? {})).toEqual(Object.keys(expected.invalidByColumn));
  expect(read?.absentColumns).toEqual(expected.absentColumns);
  expect(sorted(read?.examples ?? [])).toEqual(sorted(expected.examples));
}

/** Run a pipe in process and on DuckDB; assert equal tables and row counts; returns the DuckDB result. */
export async function expectParity<C extends string>(
  pipe: Pipe<C>,
  database: DuckDb,
  options: Omit<DuckDbRunOptions, "database"> = {},
): Promise<DuckDbPipeResult<C>> {
  let result: DuckDbPipeResult<C> | undefined;
  await expectEngineParity(pipe, {
    name: "duckdb",
    runs: 1,
    run: async (p) => {
      result = (await runOnDuckDb(p, { ...options, database })) as DuckDbPipeResult<C>;
      return result;
    },
  });
  return result as DuckDbPipeResult<C>;
}

/** Assert a pipe fails in process and on DuckDB with the same error, matching `pattern`. */
export async function expectSameError<C extends string>(
  pipe: Pipe<C>,
  database: DuckDb,
  options: Omit<DuckDbRunOptions, "database">,
  pattern: RegExp,
): Promise<void> {
  const message = inProcessMessage(pipe);
  expect(message).toMatch(pattern);
  await expect(runOnDuckDb(pipe, { ...options, database })).rejects.toThrow(message);
}

/**
 * A DuckDB database and a scratch folder (under the OS temp folder, named from `prefix`) for one test file:
 * opened before its tests, closed and deleted after them. Call it at the top of the file.
 * @example const scratch = scratchDuckDb("tablepipe-duckdb-read-"); ... runOnDuckDb(p, { database: scratch.db })
 */
export function scratchDuckDb(prefix: string): { readonly db: DuckDb; readonly folder: string } {
  let opened: { db: DuckDb; folder: string } | undefined;
  beforeAll(async () => {
    opened = { db: await DuckDb.open(), folder: await mkdtemp(join(tmpdir(), prefix)) };
  });
  afterAll(async () => {
    opened?.db.close();
    if (opened !== undefined) await rm(opened.folder, { recursive: true, force: true });
  });
  const get = () => {
    if (opened === undefined) throw new Error("scratchDuckDb: used outside the file's tests");
    return opened;
  };
  return {
    get db() {
      return get().db;
    },
    get folder() {
      return get().folder;
    },
  };
}

/**
 * `rows` payments of 1,000 customers, paid or not, amounts in cents with every eleventh a million times larger:
 * float sums over them depend on the order they are added in.
 */
export function orderSensitivePayments(rows: number) {
  const cents = (i: number) => ((i * 7919) % 100_003) / 100;
  return typedTable(
    aq.table({
      customer: Float64Array.from({ length: rows }, (_, i) => (i * 31) % 1000),
      paid: Array.from({ length: rows }, (_, i) => i % 3 === 0),
      amount: Float64Array.from({ length: rows }, (_, i) => (i % 11 === 0 ? cents(i) * 1e6 : cents(i))),
    }),
    {
      customer: { type: "int", nullable: false },
      paid: { type: "boolean", nullable: false },
      amount: { type: "float", nullable: false },
    },
  );
}
