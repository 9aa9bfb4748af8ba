import { col, count, countDistinct, first, last, max, mean, min, stddev, sum } from "@tablepipe/core";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregate } from "./aggregate";
import { type OrderRow, orderRows, ordersTable } from "./internal/test-support";

describe("aggregate", () => {
  const orders = aq.table({
    customer_id: [1, 2, 1, null, null, 2],
    amount: [10, 5, null, 4, 6, 7],
    status: ["paid", "open", "paid", "open", null, "paid"],
  });

  it("gives one row per group, groups in order of first appearance, null keys as one group", () => {
    const out = aggregate(orders, {
      by: ["customer_id"],
      measures: {
        total: sum(col("amount")),
        orders: count(),
        amounts: count(col("amount")),
        statuses: countDistinct(col("status")),
        lowest: min(col("amount")),
        highest: max(col("status")),
        average: mean(col("amount")),
        firstStatus: first(col("status")),
        lastStatus: last(col("status")),
        spread: stddev(col("amount")),
      },
    });
    expect(out.objects()).toEqual([
      {
        customer_id: 1,
        total: 10,
        orders: 2,
        amounts: 1,
        statuses: 1,
        lowest: 10,
        highest: "paid",
        average: 10,
        firstStatus: "paid",
        lastStatus: "paid",
        spread: null,
      },
      {
        customer_id: 2,
        total: 12,
        orders: 2,
        amounts: 2,
        statuses: 2,
        lowest: 5,
        highest: "paid",
        average: 6,
        firstStatus: "open",
        lastStatus: "paid",
        spread: Math.SQRT2,
      },
      {
        customer_id: null,
        total: 10,
        orders: 2,
        amounts: 2,
        statuses: 1,
        lowest: 4,
        highest: "open",
        average: 5,
        firstStatus: "open",
        lastStatus: null,
        spread: Math.SQRT2,
      },
    ]);
  });

  it("gives one row without keys, even on an empty table (SQL's global aggregate)", () => {
    const empty = aq.table({ amount: [] as number[] });
    expect(
      aggregate(empty, { by: [], measures: { n: count(), total: sum(col("amount")) } }).objects(),
    ).toEqual([{ n: 0, total: null }]);
    expect(aggregate(empty, { by: ["amount"], measures: { n: count() } }).numRows()).toBe(0);
  });

  it("names the step and measure on a wrong kind, and a measure named like a key", () => {
    expect(() => aggregate(orders, { by: [], measures: { s: sum(col("status")) } })).toThrow(
      'aggregate: measure "s": sum(col("status")): expected numbers, got strings',
    );
    expect(() => aggregate(orders, { by: ["customer_id"], measures: { customer_id: count() } })).toThrow(
      'aggregate: measure "customer_id" has the name of a by column',
    );
  });

  it("agrees with a Map-based reference on random tables with nulls and duplicate keys", () => {
    fc.assert(
      fc.property(orderRows, (rows) => {
        const out = aggregate(ordersTable(rows), {
          by: ["customer_id", "status"],
          measures: {
            n: count(),
            total: sum(col("amount")),
            top: max(col("amount")),
            average: mean(col("amount")),
            low: min(col("amount")),
            priced: count(col("amount")),
          },
        });
        const groups = new Map<string, OrderRow[]>();
        for (const r of rows) {
          const key = JSON.stringify([r.customer_id, r.status]);
          groups.set(key, [...(groups.get(key) ?? []), r]);
        }
        const expected = [...groups.values()].map((g) => {
          const amounts = g.map((r) => r.amount).filter((a): a is number => a !== null);
          return {
            customer_id: g[0]!.customer_id,
            status: g[0]!.status,
            n: g.length,
            total: amounts.length === 0 ? null : amounts.reduce((a, b) => a + b, 0),
            top: amounts.length === 0 ? null : Math.max(...amounts),
            average: amounts.length === 0 ? null : amounts.reduce((a, b) => a + b, 0) / amounts.length,
            low: amounts.length === 0 ? null : Math.min(...amounts),
            priced: amounts.length,
          };
        });
        expect(out.objects()).toEqual(expected);
      }),
    );
  });
});
