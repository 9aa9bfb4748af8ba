import { join } from "node:path";
import { pipe, typedTable } from "@tablepipe/core";
import { readTable, writeTable } from "@tablepipe/io";
import { castColumns, dropDuplicates } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { duckdbTable, parquetFile } from "./engine/file-sources";
import { duckdbParquetFiles } from "./engine/read-parquet-files";
import { runOnDuckDb } from "./engine/run-on-duckdb";
import { writeOnDuckDb } from "./engine/write-on-duckdb";
import { scratchDuckDb } from "./test-support";

const scratch = scratchDuckDb("tablepipe-duckdb-stamp-millis-");

const Reading = z.object({ id: z.int(), at: z.date(), ns: z.date() });

/** Readings DuckDB writes to the microsecond (and nanosecond), two of them in one millisecond, one just before 1970. */
const READINGS = `
  SELECT * FROM (VALUES
    (1, TIMESTAMP '2024-02-29 23:59:59.123456', TIMESTAMP_NS '2024-02-29 23:59:59.123456789'),
    (2, TIMESTAMP '2024-02-29 23:59:59.123789', TIMESTAMP_NS '2024-02-29 23:59:59.123999999'),
    (3, TIMESTAMP '1969-12-31 23:59:59.9995', TIMESTAMP_NS '1969-12-31 23:59:59.9999995'),
    (4, TIMESTAMP '2024-12-31 23:59:59.999999', TIMESTAMP_NS '2024-12-31 23:59:59.999999999')
  ) t(id, "at", ns)`;

const FLOORED = [
  Date.UTC(2024, 1, 29, 23, 59, 59, 123),
  Date.UTC(2024, 1, 29, 23, 59, 59, 123),
  -1,
  Date.UTC(2024, 11, 31, 23, 59, 59, 999),
];

const values = (table: aq.ColumnTable, name: string): unknown[] =>
  Array.from(table.array(name) as ArrayLike<unknown>);

describe("a Parquet time stamp finer than a millisecond, on every DuckDB reader as readTable reads it", () => {
  it("parquetFile, duckdbTable and duckdbParquetFiles floor it to the millisecond, as readTable does", async () => {
    const file = join(scratch.folder, "micro.parquet");
    await scratch.db.connection.run(`COPY (${READINGS}) TO '${file}' (FORMAT parquet)`);
    await scratch.db.connection.run(`CREATE OR REPLACE TABLE readings AS ${READINGS}`);
    const inProcess = await readTable(file, Reading);
    expect(values(inProcess, "at")).toEqual(FLOORED);
    expect(values(inProcess, "ns")).toEqual(FLOORED);
    const shape = aq.table({ id: [], at: [], ns: [] });
    const Stamps = z.object({ at: z.date(), ns: z.date() });
    for (const [source, stamps] of [
      [parquetFile(file, Reading), parquetFile(file, Stamps)],
      [duckdbTable("readings", Reading), duckdbTable("readings", Stamps)],
      [duckdbParquetFiles(file, Reading), duckdbParquetFiles(file, Stamps)],
    ] as const) {
      const { table } = await runOnDuckDb(pipe(shape), { database: scratch.db, source });
      expect(values(table, "at"), source.path).toEqual(FLOORED);
      expect(values(table, "ns"), source.path).toEqual(FLOORED);
      // the two readings of one millisecond are one row, as in process
      const deduped = await runOnDuckDb(pipe(aq.table({ at: [], ns: [] })).transform(dropDuplicates), {
        database: scratch.db,
        source: stamps,
      });
      expect(deduped.table.numRows(), source.path).toBe(3);
    }
  });
});

describe("writeOnDuckDb to Parquet floors a time stamp's fraction of a millisecond, as writeTable does", () => {
  it("writes 23:59:59.9996 on New Year's Eve as 23:59:59.999 of that year, not the next year's first millisecond", async () => {
    const at = [
      Date.UTC(2024, 11, 31, 23, 59, 59, 999) + 0.6,
      Date.UTC(2024, 1, 29, 23, 59, 59, 999) + 0.5,
      -0.4,
      Date.UTC(2018, 5, 1, 12) + 0.25,
    ];
    const stamps = typedTable(aq.table({ n: [1, 2, 3, 4], ms: at }), {
      n: { type: "int", nullable: false },
      ms: { type: "float", nullable: false },
    });
    const steps = pipe(stamps).transform(castColumns, { columns: { ms: "timestamp" } });
    const onDuckDb = join(scratch.folder, "on-duckdb.parquet");
    const result = await writeOnDuckDb(steps, onDuckDb, { database: scratch.db });
    expect(result.written.by).toBe("duckdb");
    const byWriteTable = join(scratch.folder, "write-table.parquet");
    await writeTable(steps.run().table, byWriteTable, { schema: z.object({ n: z.int(), ms: z.date() }) });
    const schema = z.object({ n: z.int(), ms: z.date() });
    const expected = at.map(Math.floor);
    expect(values(await readTable(onDuckDb, schema), "ms")).toEqual(expected);
    expect(values(await readTable(byWriteTable, schema), "ms")).toEqual(expected);
  });
});
