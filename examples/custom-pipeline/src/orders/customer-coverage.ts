import { col, count, eq, mul, pipe, sum, type Table } from "@tablepipe/core";
import { aggregate, derive, fillNull, filter, join, sortRows } from "@tablepipe/transforms";
import type { CustomerColumns, OrderColumns } from "./order-rows";

/**
 * Every customer id found in the orders or in the customer list, by id: its paid orders and revenue (0 for a
 * customer without a paid order) and its name and country (null for an id no customer has, an order to look
 * into): `filter`, `derive`, `aggregate`, a full `join`, `fillNull`, `sortRows`.
 *
 * @example customerCoverage(orders, customers).print() // customer_id, orders, revenue, name, country
 */
export function customerCoverage(
  orders: Table<OrderColumns>,
  customers: Table<CustomerColumns>,
): Table<"customer_id" | "orders" | "revenue" | "name" | "country"> {
  return pipe(orders)
    .transform(filter, { where: eq(col("status"), "paid") })
    .transform(derive, { columns: { amount: mul(col("quantity"), col("unit_price")) } })
    .transform(aggregate, { by: ["customer_id"], measures: { orders: count(), revenue: sum(col("amount")) } })
    .transform(join, { right: customers, on: ["customer_id"], how: "full", validate: "many-to-one" })
    .transform(fillNull, { columns: { orders: 0, revenue: 0 } })
    .transform(sortRows, { by: ["customer_id"] })
    .value();
}
