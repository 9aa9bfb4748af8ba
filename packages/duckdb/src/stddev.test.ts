import { col, pipe, stddev, typedTable } from "@tablepipe/core";
import { aggregate } from "@tablepipe/transforms";
import * as aq from "arquero";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDb } from "./engine/duckdb-database";
import { expectParity } from "./test-support";

let db: DuckDb;
beforeAll(async () => {
  db = await DuckDb.open();
});
afterAll(() => db.close());

// the edge values (infinities, huge and tiny values) are in the shared suite (parity.test.ts)
describe("stddev on DuckDB", () => {
  it("gives ordinary data DuckDB's own stddev_samp, bit for bit", async () => {
    const amount = [0.1, 0.2, null, 0.7, 1e10, -3.5];
    const table = typedTable(aq.table({ amount }), { amount: { type: "float", nullable: true } });
    const p = pipe(table).transform(aggregate, { by: [], measures: { spread: stddev(col("amount")) } });
    const { table: out } = await expectParity(p, db);
    const values = "(0.1::DOUBLE), (0.2::DOUBLE), (0.7::DOUBLE), (1e10::DOUBLE), (-3.5::DOUBLE)";
    const reader = await db.connection.runAndReadAll(
      `SELECT stddev_samp(x) AS s FROM (VALUES ${values}) t(x)`,
    );
    expect(out.array("spread")[0]).toBe(reader.getRowObjects()[0]?.s);
  });
});
