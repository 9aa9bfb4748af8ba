import { col, count, gt, pipe, typedTable } from "@tablepipe/core";
import { aggregate, castColumns, derive, filter, select, window } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { runOnDuckDb } from "./engine/run-on-duckdb";
import { expectParity, expectSameTable, scratchDuckDb } from "./test-support";

const scratch = scratchDuckDb("tablepipe-duckdb-empty-params-");
const numbers = () => typedTable(aq.table({ k: [1, 2, null] }), z.object({ k: z.int().nullable() }));

describe("steps with empty params on DuckDB", () => {
  it("a select of no column, or an aggregate of no key and no measure, runs in process (SQL has no relation without columns)", async () => {
    const filtered = pipe(numbers()).transform(filter, { where: gt(col("k"), 1) });
    for (const p of [
      pipe(numbers()).transform(select, { columns: [] }),
      pipe(numbers()).transform(aggregate, { by: [], measures: {} }),
      filtered.transform(select, { columns: [] }),
    ]) {
      const result = await expectParity(p, scratch.db);
      expect(result.table.columnNames()).toEqual([]);
      expect(result.placement.at(-1)?.engine).toBe("in-process");
    }
    const counted = filtered.transform(aggregate, { by: [], measures: { n: count() } });
    const result = await expectParity(counted.transform(select, { columns: [] }), scratch.db);
    expect(result.placement.map((step) => step.engine)).toEqual(["duckdb", "duckdb", "in-process"]);
  });

  it("castColumns, derive and window of no column give the table unchanged, on DuckDB", async () => {
    for (const p of [
      pipe(numbers()).transform(castColumns, { columns: {} }),
      pipe(numbers()).transform(derive, { columns: {} }),
      pipe(numbers()).transform(window, { partitionBy: [], orderBy: ["k"], columns: {} }),
    ]) {
      const result = await runOnDuckDb(p, { database: scratch.db });
      expectSameTable(result.table, numbers());
      expect(result.placement.map((step) => step.engine)).toEqual(["duckdb"]);
    }
  });
});
