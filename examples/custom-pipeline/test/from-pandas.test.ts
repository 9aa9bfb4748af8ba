import "@tablepipe/testing/vitest";
import { caseWhen, col, count, eq, isNull, mean, median, mul, pipe, quantile, sum } from "@tablepipe/core";
import { rowFactory } from "@tablepipe/testing";
import {
  addGroupMeasures,
  aggregate,
  cumulativeMax,
  cumulativeMean,
  cumulativeMin,
  cumulativeSum,
  derive,
  filter,
  lag,
  pivot,
  rank,
  rollingMean,
  sortRows,
  unpivot,
  window,
} from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { Order } from "../src/orders/order-rows";

// docs/from-pandas.md shows these regions beside the pandas they replace: each is run and checked here
const orderRows = rowFactory(Order, { name: "orders" });
const at = (day: number) => new Date(Date.UTC(2024, 0, day, 9));
const orders = orderRows.rows([
  { order_id: 1, customer_id: 1, ordered_at: at(1), quantity: 2, unit_price: 10 },
  { order_id: 2, customer_id: 2, ordered_at: at(2), quantity: 1, unit_price: 50 },
  { order_id: 3, customer_id: 1, ordered_at: at(3), quantity: 1, unit_price: 5 },
  { order_id: 4, customer_id: 1, ordered_at: at(4), status: "cancelled", unit_price: 99 },
  { order_id: 5, customer_id: 1, ordered_at: at(5), quantity: 3, unit_price: 10 },
]);

describe("pandas' operations as tablepipe transforms", () => {
  it("assign, query, groupby().agg()", () => {
    // #region pandas-groupby
    // pandas:
    //   paid = orders.assign(amount=orders.quantity * orders.unit_price).query("status == 'paid'")
    //   paid.groupby("customer_id").agg(orders=("amount", "size"), total=("amount", "sum"),
    //                                   typical=("amount", "median"), p90=("amount", lambda a: a.quantile(0.9)))
    const perCustomer = pipe(orders)
      .transform(derive, { columns: { amount: mul(col("quantity"), col("unit_price")) } })
      .transform(filter, { where: eq(col("status"), "paid") })
      .transform(aggregate, {
        by: ["customer_id"],
        measures: {
          orders: count(),
          total: sum(col("amount")),
          typical: median(col("amount")),
          p90: quantile(col("amount"), 0.9),
        },
      })
      .value();
    // #endregion pandas-groupby
    expect(perCustomer.objects()).toEqual([
      { customer_id: 1, orders: 3, total: 55, typical: 20, p90: 28 },
      { customer_id: 2, orders: 1, total: 50, typical: 50, p90: 50 },
    ]);
  });

  it("groupby().transform(), shift(), cumsum(), rolling().mean()", () => {
    // #region pandas-window
    // pandas:
    //   df = orders.assign(amount=orders.quantity * orders.unit_price).sort_values("ordered_at")
    //   df["customer_mean"] = df.groupby("customer_id").amount.transform("mean")
    //   by_customer = df.groupby("customer_id").amount
    //   df["previous"] = by_customer.shift(1)
    //   df["running_total"] = by_customer.cumsum()
    //   df["last_two_mean"] = by_customer.transform(lambda a: a.rolling(2, min_periods=1).mean())
    const history = pipe(orders)
      .transform(derive, { columns: { amount: mul(col("quantity"), col("unit_price")) } })
      .transform(addGroupMeasures, { by: ["customer_id"], measures: { customer_mean: mean(col("amount")) } })
      .transform(window, {
        partitionBy: ["customer_id"],
        orderBy: ["ordered_at"],
        columns: {
          previous: lag(col("amount"), 1),
          running_total: cumulativeSum(col("amount")),
          last_two_mean: rollingMean(col("amount"), 2),
        },
      })
      .value();
    // #endregion pandas-window
    const customer1 = (history.objects() as Record<string, unknown>[]).filter((r) => r.customer_id === 1);
    expect(customer1.map((r) => [r.previous, r.running_total, r.last_two_mean, r.customer_mean])).toEqual([
      [null, 20, 20, 38.5],
      [20, 25, 12.5, 38.5],
      [5, 124, 52, 38.5],
      [99, 154, 64.5, 38.5],
    ]);
  });

  it("cumsum() and rank() on a missing value: NaN on its row, as pandas gives", () => {
    // #region pandas-window-missing
    // pandas (a cancelled order has no amount: NaN):
    //   df = orders.assign(amount=(orders.quantity * orders.unit_price).where(orders.status == "paid"))
    //   by_customer = df.sort_values("ordered_at").groupby("customer_id").amount
    //   df["running_total"] = by_customer.cumsum()
    //   df["biggest"] = by_customer.rank(method="min", ascending=False)
    const paid = mul(col("quantity"), col("unit_price"));
    const paidHistory = pipe(orders)
      .transform(derive, { columns: { amount: caseWhen([[eq(col("status"), "paid"), paid]]) } })
      .transform(window, {
        partitionBy: ["customer_id"],
        orderBy: ["ordered_at"],
        columns: { running_total: cumulativeSum(col("amount")) },
      })
      .transform(window, {
        partitionBy: ["customer_id"],
        orderBy: ["amount"],
        descending: ["amount"],
        columns: { biggest: rank() },
      })
      // the window carries the running total over a missing amount and ranks it (last, descending):
      // pandas leaves both missing on its row
      .transform(derive, {
        columns: {
          running_total: caseWhen([[isNull(col("amount")), null]], col("running_total")),
          biggest: caseWhen([[isNull(col("amount")), null]], col("biggest")),
        },
      })
      .value();
    // #endregion pandas-window-missing
    const rows = paidHistory.objects() as Record<string, unknown>[];
    expect(rows.map((r) => [r.order_id, r.amount, r.running_total, r.biggest])).toEqual([
      [1, 20, 20, 2],
      [2, 50, 50, 1],
      [3, 5, 25, 3],
      [4, null, null, null],
      [5, 30, 55, 1],
    ]);
  });

  it("the running functions carry over a missing value and rank() ranks it, where pandas gives NaN", () => {
    // the table's notes: [1, null, 2] → 1, 1, 3 (pandas' cumsum 1, NaN, 3); ranks of [3, null, 1, 3]
    const values = aq.table({ t: [1, 2, 3, 4], x: [1, null, 2, null], y: [3, null, 1, 3] });
    const running = pipe(values)
      .transform(window, {
        partitionBy: [],
        orderBy: ["t"],
        columns: {
          sum: cumulativeSum(col("x")),
          max: cumulativeMax(col("x")),
          min: cumulativeMin(col("x")),
          mean: cumulativeMean(col("x")),
        },
      })
      .value();
    // pandas' expanding().mean() carries it too: 1, 1, 1.5, 1.5
    const runningRows = running.objects() as Record<string, unknown>[];
    expect(runningRows.map((r) => [r.sum, r.max, r.min, r.mean])).toEqual([
      [1, 1, 1, 1],
      [1, 1, 1, 1],
      [3, 2, 1, 1.5],
      [3, 2, 1, 1.5],
    ]);
    const ranked = (descending: string[]) =>
      pipe(values)
        .transform(window, { partitionBy: [], orderBy: ["y"], descending, columns: { r: rank() } })
        .value()
        .array("r");
    // pandas' rank(method="min", na_option="top"): missing first, the ranks after it one higher (default: 2, NaN, 1, 2)
    expect(ranked([])).toEqual([3, 1, 2, 3]);
    // descending, missing last (na_option="bottom"): the values' ranks are pandas' default ones
    expect(ranked(["y"])).toEqual([1, 4, 3, 1]);
  });

  it("pivot_table() and melt()", () => {
    // #region pandas-reshape
    // pandas:
    //   wide = orders.pivot_table(index="customer_id", columns="status", values="unit_price", aggfunc="median")
    //   long = wide.reset_index().melt(id_vars="customer_id", value_vars=["paid", "cancelled"],
    //                                  var_name="status", value_name="median_price")
    const wide = pipe(orders)
      .transform(pivot, {
        by: ["customer_id"],
        namesFrom: "status",
        valuesFrom: "unit_price",
        names: ["paid", "cancelled"],
        aggregate: "median",
      })
      .value();
    const long = pipe(wide)
      .transform(unpivot, {
        columns: ["paid", "cancelled"],
        nameColumn: "status",
        valueColumn: "median_price",
      })
      .value();
    // unpivot goes row by row (customer 1's paid and cancelled, then customer 2's); melt stacks the columns,
    // all the paid rows, then all the cancelled ones: sort for its order ("paid" sorts after "cancelled")
    const stacked = pipe(long)
      .transform(sortRows, { by: ["status", "customer_id"], descending: ["status"] })
      .value();
    // #endregion pandas-reshape
    expect(wide.objects()).toEqual([
      { customer_id: 1, paid: 10, cancelled: 99 },
      { customer_id: 2, paid: 50, cancelled: null },
    ]);
    expect(long.objects()).toEqual([
      { customer_id: 1, status: "paid", median_price: 10 },
      { customer_id: 1, status: "cancelled", median_price: 99 },
      { customer_id: 2, status: "paid", median_price: 50 },
      { customer_id: 2, status: "cancelled", median_price: null },
    ]);
    expect(stacked.objects()).toEqual([
      { customer_id: 1, status: "paid", median_price: 10 },
      { customer_id: 2, status: "paid", median_price: 50 },
      { customer_id: 1, status: "cancelled", median_price: 99 },
      { customer_id: 2, status: "cancelled", median_price: null },
    ]);
  });
});
