import "@tablepipe/testing/vitest";
import { rowFactory } from "@tablepipe/testing";
import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { hourlyRevenue } from "../src/orders/hourly-revenue";
import { Order } from "../src/orders/order-rows";

const orderRows = rowFactory(Order, { name: "orders" });
const at = (hour: number, minute = 0) => new Date(Date.UTC(2024, 0, 1, hour, minute));
const hourStart = (hour: number) => Date.UTC(2024, 0, 1, hour);

describe("hourlyRevenue", () => {
  it("sums each hour's paid orders at the hour's start, with the mean and the largest over the last clock hours", () => {
    const orders = orderRows.rows([
      { ordered_at: at(9, 5), quantity: 2, unit_price: 10 },
      { ordered_at: at(9, 59), unit_price: 4 },
      { ordered_at: at(11, 30), unit_price: 30, status: "cancelled" },
      { ordered_at: at(10, 0), unit_price: 12 },
      { ordered_at: at(12, 45), unit_price: 6 },
      { ordered_at: at(13, 10), unit_price: 4.25 },
    ]);
    const expected = table({
      hour: [hourStart(9), hourStart(10), hourStart(12), hourStart(13)],
      orders: [2, 1, 1, 1],
      revenue: [24, 12, 6, 4.25],
      // over the hour and the one before it: 24, (24 + 12) / 2, at 12:00 itself alone (11:00 had no paid order),
      // and (6 + 4.25) / 2 = 5.125, rounded to cents
      trend: [24, 18, 6, 5.13],
      peak: [24, 24, 6, 6], // the largest of the same revenues
    });
    expect(hourlyRevenue(orders, 2)).toEqualTable(expected);
  });
});
