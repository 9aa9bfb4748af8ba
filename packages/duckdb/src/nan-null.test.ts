import { join } from "node:path";
import { pipe } from "@tablepipe/core";
import {
  describeNaNAsNullParity,
  expectNaNParity,
  NAN_ROWS,
  nanPipes,
  nanTable,
} from "@tablepipe/sql/test-support";
import { describe, it } from "vitest";
import * as z from "zod";
import { duckdbTable, parquetFile } from "./engine/file-sources";
import { runOnDuckDb } from "./engine/run-on-duckdb";
import { duckdbParityEngine, scratchDuckDb } from "./test-support";

const scratch = scratchDuckDb("tablepipe-duckdb-nan-null-");

describeNaNAsNullParity(duckdbParityEngine(1));

/** `NAN_ROWS` as SQL `VALUES`, NaN as DuckDB's `'nan'::DOUBLE`. */
const values = NAN_ROWS.k
  .map((k, i) => {
    const number = (v: number | null) =>
      v === null ? "NULL" : Number.isNaN(v) ? "'nan'::DOUBLE" : `${v}::DOUBLE`;
    return `(${k}, '${NAN_ROWS.g[i]}', ${number(NAN_ROWS.x[i] ?? null)}, ${number(NAN_ROWS.y[i] ?? null)})`;
  })
  .join(", ");

const Row = z.object({ k: z.int(), g: z.string(), x: z.number().nullable(), y: z.number().nullable() });

describe("a DuckDB table's or Parquet file's NaN is a missing value, as in process", () => {
  it("duckdbTable and parquetFile: the measures, null tests, fills, filters, sorts, keys and windows over it", async () => {
    await scratch.db.connection.run(
      `CREATE TABLE nan_rows AS SELECT * FROM (VALUES ${values}) AS t(k, g, x, y)`,
    );
    const file = join(scratch.folder, "nan-rows.parquet");
    await scratch.db.connection.run(`COPY nan_rows TO '${file}' (FORMAT parquet)`);
    for (const source of [duckdbTable("nan_rows", Row), parquetFile(file, Row)]) {
      for (const p of nanPipes(() => pipe(nanTable()))) {
        expectNaNParity(p, await runOnDuckDb(p, { database: scratch.db, source }), "duckdb");
      }
    }
  });
});
