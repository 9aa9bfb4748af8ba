import { col, gt, pipe, schemaOf, timestamp, typedTable } from "@tablepipe/core";
import { addDateParts, filter, firstNDaily, limitHistory, sortRows } from "@tablepipe/transforms";
import * as aq from "arquero";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDb } from "./engine/duckdb-database";
import { expectParity } from "./test-support";

let db: DuckDb;
beforeAll(async () => {
  db = await DuckDb.open();
});
afterAll(() => db.close());

/** Orders with a `date` column (midnight UTC, epoch ms), a day before 1970 and a missing one among them. */
const orders = () =>
  typedTable(
    aq.table({
      customer: ["a", "b", "a", "a", "b", "c"],
      day: [
        Date.UTC(2018, 2, 11),
        Date.UTC(2018, 2, 11),
        Date.UTC(2018, 1, 28),
        Date.UTC(1969, 11, 31),
        null,
        Date.UTC(2018, 2, 11),
      ],
      amount: [3, 1, 2, 5, 4, 6],
    }),
    {
      customer: { type: "string", nullable: false },
      day: { type: "date", nullable: true },
      amount: { type: "int", nullable: false },
    },
  );

describe("a date column on DuckDB: a time stamp at midnight UTC, as in process", () => {
  it("addDateParts, limitHistory and sortRows read it as the in-process run does", async () => {
    await expectParity(pipe(orders()).transform(addDateParts, { column: "day" }), db);
    await expectParity(
      pipe(orders()).transform(limitHistory, { column: "day", after: "201801", through: "201803" }),
      db,
    );
    await expectParity(pipe(orders()).transform(sortRows, { by: ["day", "amount"] }), db);
  });

  it("firstNDaily groups by its calendar day, and a filter compares it with a time-stamp literal", async () => {
    await expectParity(
      pipe(orders()).transform(firstNDaily, { key: "customer", timestamp: "day", n: 1 }),
      db,
    );
    await expectParity(
      pipe(orders()).transform(filter, { where: gt(col("day"), timestamp("2018-02-28 00:00:00")) }),
      db,
    );
  });

  it("comes back as the day's epoch milliseconds, a date column as in process", async () => {
    const { table } = await expectParity(pipe(orders()).transform(sortRows, { by: ["amount"] }), db);
    expect(table.array("day")).toEqual(
      pipe(orders())
        .transform(sortRows, { by: ["amount"] })
        .run()
        .table.array("day"),
    );
    expect(schemaOf(table).day).toEqual({ type: "date", nullable: true });
  });
});
