import { pipe } from "@tablepipe/core";
import {
  describeFloatSumParity,
  describeJoinValidateParity,
  describeParity,
  describeParityAtScale,
  describeQuantileParity,
  describeStddevParity,
  describeTipModelParity,
  describeTypedParity,
  ORDER_TYPES,
  ordersTable,
  type ParityEngine,
} from "@tablepipe/sql/test-support";
import { castColumns, fillNull, rename, union } from "@tablepipe/transforms";
import * as aq from "arquero";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDb } from "./engine/duckdb-database";
import { duckdb } from "./engine/duckdb-engine";
import type { DuckDbRunOptions } from "./engine/run-on-duckdb";
import { runOnDuckDb } from "./engine/run-on-duckdb";
import { expectSameError } from "./test-support";

let db: DuckDb;
beforeAll(async () => {
  db = await DuckDb.open();
});
afterAll(() => db.close());

const engine: ParityEngine = {
  name: "duckdb",
  runs: 30,
  run: (p, columnTypes) => runOnDuckDb(p, { columnTypes, database: db }),
};

// the properties every SQL engine shares (@tablepipe/sql/test-support), then the tip model's prepared table
describeParity(engine);
describeTipModelParity(engine, 4000);
describeTypedParity(engine);
describeParityAtScale(engine, 300_000);
describeStddevParity(engine);
describeQuantileParity(engine);
describeFloatSumParity(engine);
describeJoinValidateParity(engine);

/** The DuckDB engine on the shared database. */
const duckdbOn = (options: Omit<DuckDbRunOptions, "database">) => duckdb({ ...options, database: db });

// what the renderings decline (the step runs in process and fails with its own error), and errors raised in DuckDB
describe("rename, castColumns, fillNull and union on DuckDB: what declines, and errors", () => {
  it("rename to a name another column keeps runs in process and fails with its own error", async () => {
    const p = pipe(ordersTable([])).transform(rename, { columns: { id: "status" } });
    await expectSameError(
      p,
      db,
      { columnTypes: ORDER_TYPES },
      /step "rename" adds column "status", but the table already has "status"/,
    );
  });

  it("castColumns: a value that does not convert stops DuckDB's query with the in-process error, naming the row", async () => {
    const table = aq.table({ status: ["12", "paid"], flag: ["true", "yes"] });
    const types = { columnTypes: { status: "string", flag: "string" } } as const;
    await expectSameError(
      pipe(table).transform(castColumns, { columns: { status: "float" } }),
      db,
      types,
      /^castColumns: column "status": cast\(col\("status"\), "float"\): cannot convert "paid" to float \(row 1\)$/,
    );
    // through the engine of `run`, as in process
    const flags = pipe(table).transform(castColumns, { columns: { flag: "boolean" } });
    expect(() => flags.run()).toThrow(
      'column "flag": cast(col("flag"), "boolean"): cannot convert "yes" to boolean (row 1)',
    );
    await expect(flags.run({ engine: duckdbOn(types) })).rejects.toThrow(
      'castColumns: column "flag": cast(col("flag"), "boolean"): cannot convert "yes" to boolean (row 1)',
    );
  });

  it("fillNull with a value of another kind runs in process and fails with its own error", async () => {
    const table = ordersTable([{ id: 1, status: "paid", amount: 3, paid: null, at: null }]);
    const p = pipe(table).transform(fillNull, { columns: { amount: "none" } });
    await expectSameError(p, db, { columnTypes: ORDER_TYPES }, /column "amount"/);
  });

  it("union with other columns or another kind of value runs in process and fails with its own error", async () => {
    const input = ordersTable([{ id: 1, status: "paid", amount: 3, paid: true, at: null }]);
    const lacking = input.select(["id", "status"]);
    await expectSameError(
      pipe(input).transform(union, { other: lacking }),
      db,
      { columnTypes: ORDER_TYPES },
      /lacks/,
    );
    const strings = input.derive({ amount: () => "3" });
    await expectSameError(
      pipe(input).transform(union, { other: strings }),
      db,
      { columnTypes: ORDER_TYPES },
      /"amount"/,
    );
  });
});
