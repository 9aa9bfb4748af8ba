import {
  col,
  count,
  countDistinct,
  first,
  last,
  max,
  mean,
  min,
  pipe,
  schemaOf,
  stddev,
  sum,
} from "@tablepipe/core";
import { sameValue } from "@tablepipe/core/internal";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addGroupMeasures } from "./add-group-measures";
import { aggregate } from "./aggregate";
import { orderRows, ordersTable } from "./internal/test-support";

const orders = aq.table({
  customer_id: [1, 2, 1, null, null, 2],
  amount: [10, 5, null, 4, 6, 7],
  status: ["paid", "open", "paid", "open", null, "paid"],
});

const EVERY_MEASURE = {
  rows: count(),
  amounts: count(col("amount")),
  total: sum(col("amount")),
  average: mean(col("amount")),
  lowest: min(col("amount")),
  highest: max(col("status")),
  statuses: countDistinct(col("status")),
  first_status: first(col("status")),
  last_amount: last(col("amount")),
  spread: stddev(col("amount")),
};

describe("addGroupMeasures", () => {
  it("adds each group's measures to each of its rows, rows in input order, null keys one group", () => {
    const out = addGroupMeasures(orders, {
      by: ["customer_id"],
      measures: { total: sum(col("amount")), rows: count(), last_status: last(col("status")) },
    });
    expect(out.columnNames()).toEqual(["customer_id", "amount", "status", "total", "rows", "last_status"]);
    expect(out.array("amount")).toEqual([10, 5, null, 4, 6, 7]);
    expect(Array.from(out.array("total") as ArrayLike<number>)).toEqual([10, 12, 10, 10, 10, 12]);
    expect(Array.from(out.array("rows") as ArrayLike<number>)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(out.array("last_status")).toEqual(["paid", "paid", "paid", null, null, "paid"]);
  });

  it("gives every row the whole table's measures when by is empty, and no rows for an empty table", () => {
    const out = addGroupMeasures(orders, { by: [], measures: { total: sum(col("amount")), n: count() } });
    expect(Array.from(out.array("total") as ArrayLike<number>)).toEqual(Array(6).fill(32));
    expect(Array.from(out.array("n") as ArrayLike<number>)).toEqual(Array(6).fill(6));
    const none = addGroupMeasures(
      orders.filter(() => false),
      { by: [], measures: { n: count() } },
    );
    expect(none.numRows()).toBe(0);
    expect(none.columnNames()).toEqual(["customer_id", "amount", "status", "n"]);
  });

  it("gives each row what aggregate gives for its group's rows alone, bit for bit", () => {
    const by = fc.subarray(["customer_id", "status"]);
    fc.assert(
      fc.property(orderRows, by, (rows, keys) => {
        const table = ordersTable(rows);
        const out = addGroupMeasures(table, { by: keys, measures: EVERY_MEASURE });
        expect(out.numRows()).toBe(rows.length);
        for (let i = 0; i < rows.length; ++i) {
          const key = (r: number) => keys.map((name) => table.get(name, r));
          const mine = key(i);
          const members = rows.flatMap((_, r) => (key(r).every((v, k) => sameValue(v, mine[k])) ? [r] : []));
          const group = aq.table(
            Object.fromEntries(
              table.columnNames().map((name) => [name, members.map((r) => table.get(name, r))]),
            ),
          );
          const expected = aggregate(group, { by: [], measures: EVERY_MEASURE }).objects()[0]!;
          for (const [name, value] of Object.entries(expected)) {
            const got = out.get(name, i);
            expect(Object.is(got ?? null, value ?? null), `${name} row ${i}: ${got} vs ${value}`).toBe(true);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it("overwrites an input column in its place, and refuses a measure named like a by column", () => {
    const out = addGroupMeasures(orders, { by: ["status"], measures: { amount: max(col("amount")) } });
    expect(out.columnNames()).toEqual(["customer_id", "amount", "status"]);
    expect(out.array("amount")).toEqual([10, 5, 10, 5, 6, 10]);
    expect(() => addGroupMeasures(orders, { by: ["status"], measures: { status: count() } })).toThrow(
      'addGroupMeasures: measure "status" has the name of a by column; name it otherwise',
    );
  });

  it("names the measure whose expression is of the wrong kind", () => {
    expect(() => addGroupMeasures(orders, { by: [], measures: { bad: sum(col("status")) } })).toThrow(
      'addGroupMeasures: measure "bad": sum(col("status")): expected numbers, got strings',
    );
  });

  it("reads a filtered and ordered table's visible rows in their order", () => {
    const view = orders
      .filter((d: { amount: number | null }) => d.amount !== null)
      .orderby(aq.desc("amount"));
    const out = addGroupMeasures(view, {
      by: ["customer_id"],
      measures: { first_amount: first(col("amount")) },
    });
    expect(out.array("amount")).toEqual([10, 7, 6, 5, 4]);
    expect(out.array("first_amount")).toEqual([10, 7, 6, 7, 6]);
  });

  it("types the measures in the schema and runs in a pipe with the row counts", () => {
    const result = pipe(orders)
      .transform(addGroupMeasures, {
        by: ["status"],
        measures: { n: count(), average: mean(col("amount")), top: max(col("customer_id")) },
      })
      .run();
    const schema = schemaOf(result.table);
    expect(schema.n).toEqual({ type: "int", nullable: false });
    expect(schema.average?.type).toBe("float");
    expect(schema.top?.type).toBe("int");
    expect(result.trace.map((e) => [e.step, e.rowsIn, e.rowsOut])).toEqual([
      ["addGroupMeasures(status)", 6, 6],
    ]);
  });
});
