import "@tablepipe/testing/vitest";
import { schemaOf } from "@tablepipe/core";
import { rowFactory } from "@tablepipe/testing";
import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { customerCoverage } from "../src/orders/customer-coverage";
import { Customer, Order } from "../src/orders/order-rows";

const orderRows = rowFactory(Order, { name: "orders" });
const customerRows = rowFactory(Customer, { name: "customers" });

describe("customerCoverage", () => {
  it("lists customers without a paid order (0) and orders of ids no customer has (no name), by id", () => {
    const orders = orderRows.rows([
      { customer_id: 3, unit_price: 7 },
      { customer_id: 1, quantity: 2, unit_price: 10 },
      { customer_id: 2, status: "cancelled", unit_price: 99 },
      { customer_id: 1, unit_price: 5 },
    ]);
    const customers = customerRows.rows([
      { customer_id: 1, name: "Ann", country: "FR" },
      { customer_id: 2, name: "Bo", country: "SE" },
    ]);
    const coverage = customerCoverage(orders, customers);
    expect(coverage).toEqualTable(
      table({
        customer_id: [1, 2, 3],
        orders: [2, 0, 1],
        revenue: [25, 0, 7],
        name: ["Ann", "Bo", null],
        country: ["FR", "SE", null],
      }),
    );
    expect(schemaOf(coverage)).toMatchObject({
      orders: { type: "int", nullable: false },
      name: { type: "string", nullable: true },
    });
  });
});
