import { col, compose, mul, step, tableParam } from "@tablepipe/core";
import { derive, join } from "@tablepipe/transforms";
import * as z from "zod";
import { Customer } from "./order-rows";

// #region withCustomers
/**
 * Each order with its customer's name and country and its amount (quantity × unit price), as one transform: a
 * left join (an order of a customer the table lacks is kept, with nulls), then `derive`. The customers param
 * is typed by the `Customer` schema, so the compiler knows what the join adds: after this step, `name`,
 * `country` and `amount` are columns, and a misspelt one does not compile.
 *
 * @example pipe(orders).transform(withCustomers, { customers }).transform(sortRows, { by: ["country"] })
 */
export const withCustomers = compose({
  name: "withCustomers",
  description: "Add each order's customer (name, country) and amount.",
  params: z.object({
    customers: tableParam(Customer).describe("The customers: customer_id, name, country."),
  }),
  steps: (p) => [
    step(join, { right: p.customers, on: ["customer_id"], how: "left", validate: "many-to-one" }),
    step(derive, { columns: { amount: mul(col("quantity"), col("unit_price")) } }),
  ],
});
// #endregion withCustomers
