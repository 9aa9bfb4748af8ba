import { join } from "node:path";
import { pipe, type RowSchema } from "@tablepipe/core";
import { DuckDb, duckdbParquetFiles, runOnDuckDb } from "@tablepipe/duckdb";
import { readTable } from "@tablepipe/io";
import { dropDuplicates } from "@tablepipe/transforms";
import * as aq from "arquero";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { runOnSpark } from "./engine/run-on-spark";
import { sparkFiles } from "./engine/sources";
import { sparkTestSession } from "./test-support";

/** Runs against the Spark Connect server the global setup found (`pnpm spark:start`); none: declared, not run. */
const sparkTest = sparkTestSession("spark-parquet-readers");
const { remote } = sparkTest;

let db: DuckDb | undefined;
beforeAll(async () => {
  if (remote !== "") db = await DuckDb.open();
});
afterAll(() => db?.close());

/** Write the rows of DuckDB's `select` to the Parquet file `name` of the test folder; returns its path. */
async function duckdbParquet(name: string, select: string): Promise<string> {
  const path = join(sparkTest.folder, name);
  await (db as DuckDb).connection.run(`COPY (${select}) TO '${path}' (FORMAT parquet)`);
  return path;
}

const values = (table: aq.ColumnTable, name: string): unknown[] =>
  Array.from(table.array(name) as ArrayLike<unknown>);

/** An empty table of the schema's columns: the pipe's table when a file source is read. */
const shapeOf = (schema: RowSchema): aq.ColumnTable =>
  aq.table(Object.fromEntries(Object.keys(schema.shape).map((name) => [name, []])));

/** The file read with the schema by readTable, by `duckdbParquetFiles` and by `sparkFiles`: the three tables. */
async function threeReads(path: string, schema: RowSchema): Promise<aq.ColumnTable[]> {
  const inProcess = await readTable(path, schema);
  const duck = duckdbParquetFiles(path, schema);
  const onDuckDb = await runOnDuckDb(pipe(shapeOf(schema)), { database: db as DuckDb, source: duck });
  const source = sparkFiles("parquet", [path], { schema });
  const onSpark = await runOnSpark(pipe(shapeOf(schema)), { remote: sparkTest.session, source });
  return [inProcess, onDuckDb.table, onSpark.table];
}

describe.runIf(remote !== "")("a Parquet file on Spark as readTable reads it", { timeout: 180_000 }, () => {
  it("without a schema, floors a time stamp finer than a millisecond, as readTable does", async () => {
    const path = await duckdbParquet(
      "micro.parquet",
      `SELECT * FROM (VALUES (TIMESTAMP '2024-02-29 23:59:59.123456'), (TIMESTAMP '2024-02-29 23:59:59.123789'), (TIMESTAMP '1969-12-31 23:59:59.9995')) t(taken)`,
    );
    const expected = [Date.UTC(2024, 1, 29, 23, 59, 59, 123), Date.UTC(2024, 1, 29, 23, 59, 59, 123), -1];
    expect(values(await readTable(path), "taken")).toEqual(expected);
    const source = sparkFiles("parquet", [path]);
    const shape = aq.table({ taken: [] });
    const { table } = await runOnSpark(pipe(shape), { remote: sparkTest.session, source });
    expect(values(table, "taken")).toEqual(expected);
    const deduped = await runOnSpark(pipe(shape).transform(dropDuplicates), {
      remote: sparkTest.session,
      source,
    });
    expect(deduped.table.numRows()).toBe(2);
  });

  it("reads DECIMAL(38,18) and DECIMAL(18,3) as the nearest doubles, as readTable and duckdbParquetFiles do", async () => {
    const path = await duckdbParquet(
      "decimals.parquet",
      `SELECT id::BIGINT AS id, amount::DECIMAL(38,18) AS amount, calib::DECIMAL(18,3) AS calib FROM (VALUES (1, 0.1, 123456789012345.678), (2, 12.345, -0.5), (3, 1.15, 999999999999999.999), (4, 12.5, 0)) t(id, amount, calib)`,
    );
    const schema = z.object({ id: z.int(), amount: z.number(), calib: z.number() });
    const reads = await threeReads(path, schema);
    for (const table of reads) {
      expect(values(table, "amount")).toEqual([0.1, 12.345, 1.15, 12.5]);
      expect(values(table, "calib")).toEqual([Number("123456789012345.678"), -0.5, 1e15, 0]);
    }
  });

  it("reads INT64 ids past 2^53 and booleans into z.string() columns as their exact text, as readTable and DuckDB do", async () => {
    const path = await duckdbParquet(
      "ids.parquet",
      `SELECT * FROM (VALUES (9007199254740993::BIGINT, 7::INTEGER, true), (9223372036854775807, -3, false), (-5, NULL, NULL), (NULL, 0, true)) t(reading_id, small, flag)`,
    );
    const schema = z.object({
      reading_id: z.string().nullable(),
      small: z.string().nullable(),
      flag: z.enum(["true", "false"]).nullable(),
    });
    for (const table of await threeReads(path, schema)) {
      expect(values(table, "reading_id")).toEqual(["9007199254740993", "9223372036854775807", "-5", null]);
      expect(values(table, "small")).toEqual(["7", "-3", null, "0"]);
      expect(values(table, "flag")).toEqual(["true", "false", null, "true"]);
    }
  });

  it("names the file and the column of nanosecond time stamps, which Spark cannot read, and says what to do", async () => {
    const path = await duckdbParquet(
      "nanos.parquet",
      `SELECT 1 AS id, TIMESTAMP_NS '2024-01-01 10:00:00.123456789' AS taken`,
    );
    const schema = z.object({ id: z.int(), taken: z.date() });
    expect(values(await readTable(path, schema), "taken")).toEqual([Date.UTC(2024, 0, 1, 10, 0, 0, 123)]);
    const message = `${path}, column taken: the file's column "taken" holds Parquet TIMESTAMP(NANOS) time stamps: Spark cannot read Parquet TIMESTAMP(NANOS), pandas' and pyarrow's default unit: write the time stamps in microseconds or milliseconds`;
    const shape = aq.table({ id: [], taken: [] });
    for (const source of [sparkFiles("parquet", [path], { schema }), sparkFiles("parquet", [path])]) {
      const error = await runOnSpark(pipe(shape), { remote: sparkTest.session, source }).catch(
        (e: unknown) => e as Error,
      );
      expect((error as Error).name).toBe("TableReadError");
      expect((error as Error).message).toContain(message);
      expect((error as Error).message).toContain("or read the files with readTable or duckdbParquetFiles");
    }
  });
});
