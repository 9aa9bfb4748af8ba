import "@tablepipe/testing/vitest";
import { rowFactory } from "@tablepipe/testing";
import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { Order } from "../src/orders/order-rows";
import { orderShares } from "../src/orders/order-shares";

const orderRows = rowFactory(Order, { name: "orders" });

describe("orderShares", () => {
  it("gives each paid order its share of its customer's paid total, cancelled orders left out", () => {
    const orders = orderRows.rows([
      { order_id: 3, customer_id: 2, unit_price: 30 },
      { order_id: 1, customer_id: 1, quantity: 2, unit_price: 10 },
      { order_id: 2, customer_id: 1, unit_price: 40, status: "cancelled" },
      { order_id: 4, customer_id: 1, unit_price: 40 },
      { order_id: 5, customer_id: 1, unit_price: 5 },
    ]);
    const expected = table({
      customer_id: [1, 1, 1, 2],
      order_id: [1, 4, 5, 3],
      amount: [20, 40, 5, 30],
      customer_orders: [3, 3, 3, 1],
      customer_total: [65, 65, 65, 30],
      // 20 / 65 = 0.30769..., 40 / 65 = 0.61538..., 5 / 65 = 0.07692..., rounded to 4 digits
      share: [0.3077, 0.6154, 0.0769, 1],
    });
    expect(orderShares(orders)).toEqualTable(expected);
  });
});
