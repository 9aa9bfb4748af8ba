import { col, count, first, gt, isIn, last, max, type Pipe, pipe, sum } from "@tablepipe/core";
import { expectParity, largeOrdersTable, ORDER_TYPES, type ParityEngine } from "@tablepipe/sql/test-support";
import {
  addDateParts,
  aggregate,
  derive,
  dropDuplicates,
  dropMissing,
  encodeFlag,
  excludeMatching,
  filter,
  firstNDaily,
  firstNPerGroup,
  join,
  keepHourWindow,
  limitHistory,
  select,
  sortRows,
  topNPerGroup,
} from "@tablepipe/transforms";
import * as aq from "arquero";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDb } from "./engine/duckdb-database";
import { runOnDuckDb } from "./engine/run-on-duckdb";

/**
 * The parity properties run on tables of a few dozen rows, which DuckDB handles on one thread. These pipes run
 * on 300,000 rows (three row groups and more, split among DuckDB's threads, with many ties and duplicates), where
 * a rendering that leans on the order DuckDB happens to produce rows in would differ from the in-process result.
 */
const ROWS = 300_000;

let db: DuckDb;
beforeAll(async () => {
  db = await DuckDb.open();
});
afterAll(() => db.close());

const engine: ParityEngine = {
  name: "duckdb",
  runs: 1,
  run: (p, columnTypes) => runOnDuckDb(p, { columnTypes, database: db }),
};

const orders = largeOrdersTable(ROWS, 20261206);
const zones = aq.table({
  zone_id: [1, 2, 3, null, 2],
  zone_name: ["JFK Airport", "Midtown", "Newark airport", "AIRPORT", "Harlem"],
});
const labels = aq.table({ id: [2, 1, 2, null], label: ["a", "b", "c", "d"] });

/** Each pipe on the large table: the same table and the same rows in and out per step as in process. */
const PIPES: Record<string, (p: Pipe<string>) => Pipe<string>> = {
  "dropDuplicates, all columns and a subset": (p) =>
    p.transform(dropDuplicates).transform(dropDuplicates, { subset: ["id", "status"] }),
  "limitHistory and keepHourWindow (wrapping midnight)": (p) =>
    p
      .transform(limitHistory, { column: "at", after: "201703", through: "201811" })
      .transform(keepHourWindow, { column: "at", from: 22, to: 2 }),
  "excludeMatching with a predicate": (p) =>
    p.transform(excludeMatching, {
      column: "id",
      lookup: zones,
      lookupKey: "zone_id",
      where: { column: "zone_name", contains: "airport", ignoreCase: true },
    }),
  "firstNPerGroup, topNPerGroup and firstNDaily (ties broken by the other columns)": (p) =>
    p
      .transform(firstNPerGroup, { keys: ["id", "status"], orderBy: ["amount"], n: 2 })
      .transform(topNPerGroup, { keys: ["paid"], orderBy: ["at", "amount"], descending: ["at"], n: 50 }),
  firstNDaily: (p) => p.transform(firstNDaily, { key: "id", timestamp: "at", n: 3 }),
  "sortRows, ascending and descending": (p) =>
    p.transform(sortRows, { by: ["status", "amount"], descending: ["amount"] }),
  "filter on an IN list of five values, derive, addDateParts, encodeFlag, dropMissing, select": (p) =>
    p
      .transform(filter, { where: isIn(col("amount"), [0, 5, 10, 12.5, null]) })
      .transform(derive, { columns: { big: gt(col("amount"), 6) } })
      .transform(addDateParts, { column: "at" })
      .transform(encodeFlag, { column: "status", value: "paid", output: "is_paid" })
      .transform(dropMissing, { columns: ["id"] })
      .transform(select, { columns: ["id", "big", "month", "is_paid", "at"] }),
  "aggregate: groups by first appearance, first and last values": (p) =>
    p.transform(aggregate, {
      by: ["id", "status"],
      measures: {
        rows: count(),
        total: sum(col("amount")),
        latest: max(col("at")),
        first_amount: first(col("amount")),
        last_at: last(col("at")),
        first_paid: first(col("paid")),
      },
    }),
  "join: left and inner, matches in the right table's order": (p) =>
    p
      .transform(join, { right: labels, on: ["id"], how: "left" })
      .transform(join, { right: labels.rename({ label: "other" }), on: ["id"], how: "inner" }),
  "join: semi and anti": (p) =>
    p.transform(join, { right: labels, on: ["id"], how: "semi" }).transform(join, {
      right: aq.table({ id: [4] }),
      on: ["id"],
      how: "anti",
    }),
};

describe(`parity of the DuckDB renderings on ${ROWS.toLocaleString("en-US")} rows`, {
  timeout: 120_000,
}, () => {
  it("the large table spans several row groups, with ties and duplicates", () => {
    expect(orders.numRows()).toBe(ROWS);
    expect(orders.dedupe().numRows()).toBeLessThan(ROWS / 10);
  });

  for (const [name, steps] of Object.entries(PIPES)) {
    it(name, async () => {
      const result = await expectParity(steps(pipe(orders)), engine, {
        ...ORDER_TYPES,
        label: "string",
        other: "string",
      });
      expect(result.placement.every((step) => step.engine === "duckdb")).toBe(true);
    });
  }
});
