import { join } from "node:path";
import { pipe } from "@tablepipe/core";
import { pipeFrom, readTable } from "@tablepipe/io";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { duckdb } from "./engine/duckdb-engine";
import { duckdbTable, parquetFile } from "./engine/file-sources";
import type { FilesReadMode } from "./engine/files-relation";
import { duckdbParquetFiles } from "./engine/read-parquet-files";
import { runOnDuckDb } from "./engine/run-on-duckdb";
import { sqlString } from "./engine/sql-text";
import { scratchDuckDb } from "./test-support";

const scratch = scratchDuckDb("tablepipe-duckdb-zoned-");
const Row = z.object({ id: z.int(), at: z.date() });
/** New York 03:30 on 2024-03-10 (EDT), the instant 07:30 UTC. */
const INSTANT = Date.UTC(2024, 2, 10, 7, 30);

/** A Parquet file DuckDB writes from a TIMESTAMPTZ (isAdjustedToUTC=true), as the review's repro does. */
async function zonedParquet(name: string): Promise<string> {
  const path = join(scratch.folder, name);
  await scratch.db.connection.run(
    `COPY (SELECT 1 AS id, TIMESTAMPTZ '2024-03-10 03:30:00-04:00' AS at) TO ${sqlString(path)} (FORMAT parquet)`,
  );
  return path;
}

/** An empty table of the schema's columns, to build a pipe over a source on. */
const aqEmpty = () => aq.table({ id: [], at: [] });

const stamps = (table: { array: (name: string) => unknown }) =>
  Array.from(table.array("at") as ArrayLike<number>);

describe("zoned time stamps on DuckDB", () => {
  it("duckdbParquetFiles refuses a TIMESTAMPTZ column with readTable's message, in every read mode", async () => {
    const path = await zonedParquet("zoned.parquet");
    const message = await readTable(path, Row).then(
      () => "",
      (error: Error) => error.message,
    );
    expect(message).toContain(
      `${path}, column at: the file's column "at" holds time stamps with a zone (Parquet TIMESTAMP(MICROS, isAdjustedToUTC=true)`,
    );
    for (const readFiles of ["table", "streamed", "auto"] as FilesReadMode[]) {
      const source = duckdbParquetFiles(path, Row);
      await expect(
        runOnDuckDb(pipe(source.table), { database: scratch.db, source, readFiles }),
      ).rejects.toThrow(message);
    }
  });

  it('reads each instant as its UTC wall-clock time with zonedTimestamps: "utc", as readTable does', async () => {
    const path = await zonedParquet("zoned-utc.parquet");
    const expected = stamps(await readTable(path, Row, { zonedTimestamps: "utc" }));
    expect(expected).toEqual([INSTANT]);
    for (const readFiles of ["table", "streamed"] as FilesReadMode[]) {
      const source = duckdbParquetFiles(path, Row, { zonedTimestamps: "utc" });
      const result = await runOnDuckDb(pipe(source.table), { database: scratch.db, source, readFiles });
      expect([result.readBy, stamps(result.table)]).toEqual([readFiles, expected]);
    }
    const onDuckDb = await pipeFrom(path, Row, { zonedTimestamps: "utc" }).run({
      engine: duckdb({ database: scratch.db }),
    });
    expect(stamps(onDuckDb.table)).toEqual(expected);
    await expect(pipeFrom(path, Row).run({ engine: duckdb({ database: scratch.db }) })).rejects.toThrow(
      /column at: .*isAdjustedToUTC=true/,
    );
    expect(() => duckdbParquetFiles(path, Row, { zonedTimestamps: "local" as "utc" })).toThrow(
      'duckdbParquetFiles: zonedTimestamps must be "error" or "utc", got "local"',
    );
  });

  it("parquetFile and duckdbTable (a TIMESTAMPTZ table of the database) refuse it too, unless asked", async () => {
    const path = await zonedParquet("zoned-file.parquet");
    const file = parquetFile(path, Row);
    await expect(runOnDuckDb(pipe(aqEmpty()), { database: scratch.db, source: file })).rejects.toThrow(
      `${path}, column at: the file's column "at" holds time stamps with a zone (DuckDB TIMESTAMP WITH TIME ZONE`,
    );
    const utcFile = parquetFile(path, Row, { zonedTimestamps: "utc" });
    const read = await runOnDuckDb(pipe(aqEmpty()), { database: scratch.db, source: utcFile });
    expect(stamps(read.table)).toEqual([INSTANT]);
    await scratch.db.connection.run(
      `CREATE TABLE zoned_rides AS SELECT 1 AS id, TIMESTAMPTZ '2024-03-10 03:30:00-04:00' AS at`,
    );
    await expect(
      runOnDuckDb(pipe(aqEmpty()), { database: scratch.db, source: duckdbTable("zoned_rides", Row) }),
    ).rejects.toThrow(
      `zoned_rides, column at: the table's column "at" holds time stamps with a zone (DuckDB TIMESTAMP WITH TIME ZONE`,
    );
    const table = await runOnDuckDb(pipe(aqEmpty()), {
      database: scratch.db,
      source: duckdbTable("zoned_rides", Row, { zonedTimestamps: "utc" }),
    });
    expect(stamps(table.table)).toEqual([INSTANT]);
  });
});
