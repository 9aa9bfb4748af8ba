import { col, count, div, eq, mul, pipe, round, sum, type Table } from "@tablepipe/core";
import { addGroupMeasures, derive, filter, select, sortRows } from "@tablepipe/transforms";
import type { OrderColumns } from "./order-rows";

/**
 * Each paid order's share of its customer's paid total (rounded to 4 digits), beside the customer's number of
 * paid orders and that total, by customer then order id: `filter`, `derive`, `addGroupMeasures` (every order
 * kept, its customer's measures beside it), `derive` with `div` and `round`, `select`, `sortRows`.
 *
 * @example orderShares(orders).print() // customer_id, order_id, amount, customer_orders, customer_total, share
 */
export function orderShares(
  orders: Table<OrderColumns>,
): Table<"customer_id" | "order_id" | "amount" | "customer_orders" | "customer_total" | "share"> {
  return pipe(orders)
    .transform(filter, { where: eq(col("status"), "paid") })
    .transform(derive, { columns: { amount: mul(col("quantity"), col("unit_price")) } })
    .transform(addGroupMeasures, {
      by: ["customer_id"],
      measures: { customer_orders: count(), customer_total: sum(col("amount")) },
    })
    .transform(derive, { columns: { share: round(div(col("amount"), col("customer_total")), 4) } })
    .transform(select, {
      columns: ["customer_id", "order_id", "amount", "customer_orders", "customer_total", "share"],
    })
    .transform(sortRows, { by: ["customer_id", "order_id"] })
    .value();
}
