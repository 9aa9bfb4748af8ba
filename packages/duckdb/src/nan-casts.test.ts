import { cast, col, pipe } from "@tablepipe/core";
import { describeNaNCastParity } from "@tablepipe/sql/test-support";
import { castColumns, derive } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { duckdbTable } from "./engine/file-sources";
import { runOnDuckDb } from "./engine/run-on-duckdb";
import { duckdbParityEngine, expectSameTable, scratchDuckDb } from "./test-support";

const scratch = scratchDuckDb("tablepipe-duckdb-nan-casts-");

describeNaNCastParity(duckdbParityEngine(1));

describe("a DuckDB table's NaN, cast", () => {
  it("a DOUBLE column holding NaN (duckdbTable): cast to int, string, boolean or timestamp is null, as in process", async () => {
    await scratch.db.connection.run(
      "CREATE TABLE nan_values AS SELECT * FROM (VALUES (1, 'nan'::DOUBLE), (2, 2.5), (3, NULL)) AS t(k, x)",
    );
    const Row = z.object({ k: z.int(), x: z.number().nullable() });
    const casts = {
      i: cast(col("x"), "int"),
      s: cast(col("x"), "string"),
      b: cast(col("x"), "boolean"),
    };
    const table = aq.table({ k: [1, 2, 3], x: [Number.NaN, 2.5, null] });
    const pipes = [
      pipe(table).transform(derive, { columns: casts }),
      ...(["int", "string", "boolean", "timestamp"] as const).map((to) =>
        pipe(table).transform(castColumns, { columns: { x: to } }),
      ),
    ];
    for (const p of pipes) {
      const result = await runOnDuckDb(p, { database: scratch.db, source: duckdbTable("nan_values", Row) });
      expectSameTable(result.table, p.run().table);
      expect(result.placement.every((step) => step.engine === "duckdb")).toBe(true);
    }
  });
});
