import type { Table } from "@tablepipe/core";
import { and, col, count, eq, gt, month, pipe, sum } from "@tablepipe/core";
import { describe, expectTypeOf, it } from "vitest";
import { addGroupMeasures } from "./add-group-measures";
import { aggregate } from "./aggregate";
import { derive } from "./derive";
import { filter } from "./filter";
import { join } from "./join";
import { select } from "./select";
import { topNPerGroup } from "./top-n-per-group";

type OrderColumns = "order_id" | "customer_id" | "status" | "amount" | "ordered_at";
declare const orders: Table<OrderColumns>;
declare const customers: Table<"customer_id" | "name">;

describe("expressions checked against the table's columns", () => {
  it("does not compile when an expression names a column the table lacks", () => {
    filter(orders, { where: and(gt(col("amount"), 10), eq(col("status"), "paid")) });
    // @ts-expect-error misspelt column in the condition
    filter(orders, { where: gt(col("amonut"), 10) });
    // @ts-expect-error in a pipe too
    pipe(orders).transform(filter, { where: eq(col("state"), "paid") });
    // @ts-expect-error and in a derived column
    derive(orders, { columns: { m: month(col("orderd_at")) } });
    // @ts-expect-error and in a measure
    aggregate(orders, { by: ["customer_id"], measures: { total: sum(col("amout")) } });
    // @ts-expect-error and in a by list
    aggregate(orders, { by: ["customer"], measures: { n: count() } });
    // @ts-expect-error and in a group measure
    addGroupMeasures(orders, { by: ["customer_id"], measures: { total: sum(col("amout")) } });
    // @ts-expect-error and in its by list
    addGroupMeasures(orders, { by: ["customer"], measures: { n: count() } });
    // @ts-expect-error and in a join key
    join(orders, { right: customers, on: ["customer"] });
  });

  it("types the output columns: derive and addGroupMeasures add, select and aggregate keep only theirs, join adds the right's", () => {
    const out = pipe(orders)
      .transform(filter, { where: gt(col("amount"), 0) })
      .transform(derive, { columns: { month: month(col("ordered_at")) } })
      .transform(join, { right: customers, on: ["customer_id"], how: "left" })
      .transform(topNPerGroup, {
        keys: ["customer_id"],
        orderBy: ["ordered_at"],
        descending: ["ordered_at"],
        n: 3,
      })
      .transform(aggregate, {
        by: ["name", "month"],
        measures: { total: sum(col("amount")), orders: count() },
      })
      .value();
    expectTypeOf(out).toEqualTypeOf<Table<"name" | "month" | "total" | "orders">>();
    expectTypeOf(select(orders, { columns: ["amount", "status"] })).toEqualTypeOf<
      Table<"amount" | "status">
    >();
    expectTypeOf(join(orders, { right: customers, on: ["customer_id"], how: "anti" })).toEqualTypeOf<
      Table<OrderColumns>
    >();
    expectTypeOf(
      addGroupMeasures(orders, { by: ["customer_id"], measures: { spent: sum(col("amount")), n: count() } }),
    ).toEqualTypeOf<Table<OrderColumns | "spent" | "n">>();
    const amounts = pipe(orders).transform(select, { columns: ["amount"] });
    // @ts-expect-error after a select, the other columns are gone
    amounts.transform(filter, { where: eq(col("status"), "paid") });
  });
});
