import { col, count, eq, median, mul, ne, pipe, sum, type Table } from "@tablepipe/core";
import { aggregate, derive, filter, join, select, sortRows, topNPerGroup } from "@tablepipe/transforms";
import type { CustomerColumns, OrderColumns } from "./order-rows";

// #region orderSummaries
/**
 * The latest `n` orders of each customer that were not cancelled, with the customer's name and each order's
 * amount (quantity × unit price), sorted by customer then newest first: `filter`, `derive`,
 * `topNPerGroup` descending, `join`, `select`.
 *
 * @example latestOrdersPerCustomer(orders, customers, 3).print()
 */
export function latestOrdersPerCustomer(
  orders: Table<OrderColumns>,
  customers: Table<CustomerColumns>,
  n: number,
): Table<"customer_id" | "name" | "order_id" | "ordered_at" | "amount"> {
  return pipe(orders)
    .transform(filter, { where: ne(col("status"), "cancelled") })
    .transform(derive, { columns: { amount: mul(col("quantity"), col("unit_price")) } })
    .transform(topNPerGroup, {
      keys: ["customer_id"],
      orderBy: ["ordered_at"],
      descending: ["ordered_at"],
      n,
    })
    .transform(join, { right: customers, on: ["customer_id"], how: "left", validate: "many-to-one" })
    .transform(select, { columns: ["customer_id", "name", "order_id", "ordered_at", "amount"] })
    .transform(sortRows, { by: ["customer_id", "ordered_at"], descending: ["ordered_at"] })
    .value();
}

/**
 * The total amount, number and median amount of paid orders of each customer, with the customer's name and
 * country, largest total first: `filter`, `derive`, `aggregate`, `join`. A customer with no paid order has no row.
 *
 * @example totalAmountPerCustomer(orders, customers).print()
 */
export function totalAmountPerCustomer(
  orders: Table<OrderColumns>,
  customers: Table<CustomerColumns>,
): Table<"customer_id" | "orders" | "total" | "typical_order" | "name" | "country"> {
  return pipe(orders)
    .transform(filter, { where: eq(col("status"), "paid") })
    .transform(derive, { columns: { amount: mul(col("quantity"), col("unit_price")) } })
    .transform(aggregate, {
      by: ["customer_id"],
      measures: { orders: count(), total: sum(col("amount")), typical_order: median(col("amount")) },
    })
    .transform(join, { right: customers, on: ["customer_id"], validate: "one-to-one" })
    .transform(sortRows, { by: ["total"], descending: ["total"] })
    .value();
}
// #endregion orderSummaries
