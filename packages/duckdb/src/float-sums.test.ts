import { col, mean, pipe, sum } from "@tablepipe/core";
import { aggregate, rowNumber, window } from "@tablepipe/transforms";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDb } from "./engine/duckdb-database";
import { runOnDuckDb } from "./engine/run-on-duckdb";
import { orderSensitivePayments } from "./test-support";

let db: DuckDb;
beforeAll(async () => {
  db = await DuckDb.open();
  // more threads than the machine may have cores: each run splits the rows among them in its own way
  await db.connection.run("SET threads = 4");
});
afterAll(() => db.close());

// the bit-for-bit parity with in process on chosen values is in the shared suite (parity.test.ts)
describe("float sums on DuckDB", () => {
  it("give the same bits on every run of a pipe, run in parallel, as in process", async () => {
    const table = orderSensitivePayments(300_000);
    // the window's engine result holds the rows by customer: the sums must still add them in row order
    const p = pipe(table)
      .transform(window, { partitionBy: ["customer"], orderBy: ["amount"], columns: { nth: rowNumber() } })
      .transform(aggregate, {
        by: ["paid"],
        measures: { revenue: sum(col("amount")), average: mean(col("amount")) },
      });
    const expected = p.run().table.objects() as Record<string, unknown>[];
    for (let run = 0; run < 4; ++run) {
      const result = await runOnDuckDb(p, { database: db });
      expect(result.placement.every((step) => step.engine === "duckdb")).toBe(true);
      const got = result.table.objects() as Record<string, unknown>[];
      const same = got.every((row, i) =>
        ["paid", "revenue", "average"].every((name) => Object.is(row[name], expected[i]?.[name])),
      );
      expect(same, `run ${run}: ${JSON.stringify(got)} vs ${JSON.stringify(expected)}`).toBe(true);
    }
  });
});
