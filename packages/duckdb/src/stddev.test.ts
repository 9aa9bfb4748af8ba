import { col, pipe, stddev, typedTable } from "@tablepipe/core";
import { aggregate, rowNumber, window } from "@tablepipe/transforms";
import * as aq from "arquero";
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

// the edge values and the bit-for-bit parity on chosen values are in the shared suites (parity.test.ts)
describe("stddev on DuckDB", () => {
  it("is the in-process formula, not DuckDB's stddev_samp, whose last digit differs", async () => {
    const amount = [141.005, 0, 60.55833333333333];
    const table = typedTable(aq.table({ amount }), { amount: { type: "float", nullable: false } });
    const p = pipe(table).transform(aggregate, { by: [], measures: { spread: stddev(col("amount")) } });
    const result = await runOnDuckDb(p, { database: db });
    expect(result.placement.every((step) => step.engine === "duckdb")).toBe(true);
    expect(result.table.array("spread")[0]).toBe(p.run().table.array("spread")[0]);
    expect(result.table.array("spread")[0]).toBe(70.73587955543836);
    const reader = await db.connection.runAndReadAll(
      `SELECT stddev_samp(x) AS s FROM (VALUES (141.005::DOUBLE), (0::DOUBLE), (60.55833333333333::DOUBLE)) t(x)`,
    );
    expect(reader.getRowObjects()[0]?.s).toBe(70.73587955543834);
  });

  it("gives the same bits on every run of a pipe, run in parallel, as in process", async () => {
    const table = orderSensitivePayments(200_000);
    // the window's engine result holds the rows by customer: the sums must still add them in row order
    const p = pipe(table)
      .transform(window, { partitionBy: ["customer"], orderBy: ["amount"], columns: { nth: rowNumber() } })
      .transform(aggregate, { by: ["paid"], measures: { spread: stddev(col("amount")) } });
    const expected = p.run().table.objects() as Record<string, unknown>[];
    for (let run = 0; run < 3; ++run) {
      const result = await runOnDuckDb(p, { database: db });
      expect(result.placement.every((step) => step.engine === "duckdb")).toBe(true);
      const got = result.table.objects() as Record<string, unknown>[];
      const same = got.every((row, i) =>
        ["paid", "spread"].every((name) => Object.is(row[name], expected[i]?.[name])),
      );
      expect(same, `run ${run}: ${JSON.stringify(got)} vs ${JSON.stringify(expected)}`).toBe(true);
    }
  });

  it("gives each of many groups its in-process bits, a null key's group and a float key's -0 and 0 one group", async () => {
    const payments = orderSensitivePayments(60_000);
    const customer = Array.from(payments.array("customer") as ArrayLike<number>, (c) => (c === 7 ? null : c));
    // customer 8's rows hold -0 and 0 in turn: one group in process, which DuckDB must match
    const band = Array.from(customer, (c, i) => (c === 8 ? (Math.floor(i / 1000) % 2 === 0 ? -0 : 0) : 1.5));
    const table = typedTable(payments.assign({ customer, band }), {
      customer: { type: "int", nullable: true },
      paid: { type: "boolean", nullable: false },
      amount: { type: "float", nullable: false },
      band: { type: "float", nullable: false },
    });
    const p = pipe(table).transform(aggregate, {
      by: ["customer", "band"],
      measures: { spread: stddev(col("amount")), fares: stddev(col("customer")) },
    });
    const expected = p.run().table;
    const result = await runOnDuckDb(p, { database: db });
    expect(result.placement.every((step) => step.engine === "duckdb")).toBe(true);
    expect(result.table.numRows()).toBe(1000);
    expect(expected.numRows()).toBe(1000);
    for (const name of ["customer", "band", "spread", "fares"]) {
      const got = Array.from(result.table.array(name) as ArrayLike<unknown>);
      const want = Array.from(expected.array(name) as ArrayLike<unknown>);
      expect(
        got.every((value, i) => Object.is(value, want[i])),
        name,
      ).toBe(true);
    }
  });
});
