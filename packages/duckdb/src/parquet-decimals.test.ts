import { join } from "node:path";
import { col, eq, pipe } from "@tablepipe/core";
import { readTable } from "@tablepipe/io";
import { filter } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { duckdbParquetFiles } from "./engine/read-parquet-files";
import { runOnDuckDb } from "./engine/run-on-duckdb";
import { scratchDuckDb } from "./test-support";

const scratch = scratchDuckDb("tablepipe-duckdb-parquet-decimals-");

const values = (table: aq.ColumnTable, name: string): unknown[] =>
  Array.from(table.array(name) as ArrayLike<unknown>);

describe("Parquet DECIMAL columns on duckdbParquetFiles, as readTable reads them: the nearest doubles", () => {
  it("reads a DECIMAL(18,3) past 2^53 beside an int column (DuckDB's int guard overflowed DECIMAL(18))", async () => {
    const file = join(scratch.folder, "calib18.parquet");
    await scratch.db.connection.run(
      `COPY (SELECT * FROM (VALUES (1::BIGINT, 123456789012345.678::DECIMAL(18,3)), (2, -0.5), (3, 999999999999999.999)) t(reading_id, calib)) TO '${file}' (FORMAT parquet)`,
    );
    const schema = z.object({ reading_id: z.int(), calib: z.number() });
    const expected = [Number("123456789012345.678"), -0.5, Number("999999999999999.999")];
    expect(values(await readTable(file, schema), "calib")).toEqual(expected);
    const source = duckdbParquetFiles(file, schema);
    const result = await runOnDuckDb(pipe(aq.table({ reading_id: [], calib: [] })), {
      database: scratch.db,
      source,
    });
    expect(result.readBy).toBe("streamed");
    expect(values(result.table, "calib")).toEqual(expected);
    expect(values(result.table, "reading_id")).toEqual([1, 2, 3]);
  });

  it("reads Spark's default DECIMAL(38,18) as the nearest doubles: 12.5 is 12.5, and a filter on it keeps its row", async () => {
    const file = join(scratch.folder, "wide.parquet");
    await scratch.db.connection.run(
      `COPY (SELECT amount::DECIMAL(38,18) AS amount, whole::DECIMAL(35,17) AS whole FROM (VALUES (0.1, 3), (12.345, -4), (1.15, 0), (12.5, 7), (-99999999999999999.999999999999999999, 1)) t(amount, whole)) TO '${file}' (FORMAT parquet)`,
    );
    const schema = z.object({ amount: z.number(), whole: z.int() });
    const expected = [0.1, 12.345, 1.15, 12.5, -1e17];
    const inProcess = await readTable(file, schema);
    expect(values(inProcess, "amount")).toEqual(expected);
    expect(values(inProcess, "whole")).toEqual([3, -4, 0, 7, 1]);
    const source = duckdbParquetFiles(file, schema);
    const shape = aq.table({ amount: [], whole: [] });
    const result = await runOnDuckDb(pipe(shape), { database: scratch.db, source });
    expect(result.readBy).toBe("streamed");
    expect(values(result.table, "amount")).toEqual(expected);
    expect(values(result.table, "whole")).toEqual([3, -4, 0, 7, 1]);
    const kept = await runOnDuckDb(pipe(shape).transform(filter, { where: eq(col("amount"), 12.5) }), {
      database: scratch.db,
      source,
    });
    expect(kept.table.numRows()).toBe(1);
  });
});
