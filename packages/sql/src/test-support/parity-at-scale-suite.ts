/** The parity of the SQL renderings on a table large enough that the engine splits it among its threads. */
import { col, count, first, gt, isIn, last, max, type Pipe, pipe, sum } from "@tablepipe/core";
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
import { describe, expect, it } from "vitest";
import { expectParity, type ParityEngine } from "./expect-parity";
import { largeOrdersTable, ORDER_TYPES } from "./random-tables";

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
  "firstNPerGroup and topNPerGroup (ties broken by the other columns)": (p) =>
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

/**
 * The parity properties run on tables of a few dozen rows, which an engine handles on one thread. These pipes
 * run on `rows` seeded order rows (DuckDB: 300,000 span three row groups, split among its threads; many ties
 * and duplicates), where a rendering that leans on the order the engine happens to produce rows in differs
 * from the in-process result (`first()` without its `ORDER BY`, for one).
 */
export function describeParityAtScale(engine: ParityEngine, rows: number, enabled = true): void {
  const orders = largeOrdersTable(rows, 20261206);
  const types = { ...ORDER_TYPES, other: "string" } as const;
  describe.runIf(enabled)(
    `parity of the ${engine.name} renderings on ${rows.toLocaleString("en-US")} rows`,
    { timeout: engine.timeoutMs ?? 120_000 },
    () => {
      it("the large table has many ties and duplicates", () => {
        expect(orders.numRows()).toBe(rows);
        expect(orders.dedupe().numRows()).toBeLessThan(rows / 10);
      });

      for (const [name, steps] of Object.entries(PIPES)) {
        it(name, async () => {
          const result = await expectParity(steps(pipe(orders)), engine, types);
          expect(result.placement.every((step) => step.engine === engine.name)).toBe(true);
        });
      }
    },
  );
}
