import "@tablepipe/testing/vitest";
import { col, gt, pipe } from "@tablepipe/core";
import { assertTablesEqual, rowFactory } from "@tablepipe/testing";
import { filter, sortRows } from "@tablepipe/transforms";
import { table } from "arquero";
import { describe, expect, it } from "vitest";
import { generateOrders } from "../src/orders/generate-orders";
import { Customer, Order } from "../src/orders/order-rows";
import { latestOrdersPerCustomer, totalAmountPerCustomer } from "../src/orders/order-summaries";
import { withCustomers } from "../src/orders/with-customers";

const orderRows = rowFactory(Order, { name: "orders" });
const customerRows = rowFactory(Customer, { name: "customers" });
const at = (day: number, hour = 9) => Date.UTC(2024, 0, day, hour);

// #region test-orders
describe("latestOrdersPerCustomer", () => {
  const customers = customerRows.tuples(
    ["customer_id", "name"],
    [
      [1, "Ann"],
      [2, "Bo"],
    ],
  );

  it("keeps each customer's latest n orders not cancelled, newest first, with the name and amount", () => {
    const orders = orderRows.tuples(
      ["order_id", "customer_id", "ordered_at", "status", "quantity", "unit_price"],
      [
        [1, 1, at(1), "paid", 1, 10],
        [2, 1, at(5), "cancelled", 1, 99],
        [3, 2, at(2), "paid", 2, 5],
        [4, 1, at(3), "shipped", 3, 2.5],
        [5, 1, at(4), "paid", 1, 20],
        [6, 3, at(6), "paid", 1, 1],
      ],
    );
    const expected = table({
      customer_id: [1, 1, 2, 3],
      name: ["Ann", "Ann", "Bo", null],
      order_id: [5, 4, 3, 6],
      ordered_at: [at(4), at(3), at(2), at(6)],
      amount: [20, 7.5, 10, 1],
    });
    expect(latestOrdersPerCustomer(orders, customers, 2)).toEqualTable(expected);
  });

  it("gives no row for no order", () => {
    expect(latestOrdersPerCustomer(orderRows.empty(), customers, 3).numRows()).toBe(0);
  });
});

describe("totalAmountPerCustomer", () => {
  it("sums the paid orders' amounts per customer, with their median, largest first; a customer with none has no row", () => {
    const orders = orderRows.rows([
      { customer_id: 1, quantity: 2, unit_price: 10 },
      { customer_id: 2, quantity: 1, unit_price: 50 },
      { customer_id: 1, quantity: 1, unit_price: 5 },
      { customer_id: 3, status: "cancelled", unit_price: 1000 },
    ]);
    const customers = customerRows.rows([
      { customer_id: 1, name: "Ann", country: "FR" },
      { customer_id: 2, name: "Bo", country: "DE" },
      { customer_id: 3, name: "Chiara", country: "IT" },
    ]);
    assertTablesEqual(
      totalAmountPerCustomer(orders, customers),
      table({
        customer_id: [2, 1],
        orders: [1, 2],
        total: [50, 25],
        typical_order: [50, 12.5],
        name: ["Bo", "Ann"],
        country: ["DE", "FR"],
      }),
    );
  });

  it("agrees with a row-by-row sum and a sorted median on generated orders", () => {
    const { orders, customers } = generateOrders({ count: 500, customerCount: 20, seed: 7 });
    const totals = new Map<number, number>();
    const amounts = new Map<number, number[]>();
    for (const o of orders.objects() as {
      customer_id: number;
      status: string;
      quantity: number;
      unit_price: number;
    }[]) {
      if (o.status !== "paid") continue;
      totals.set(o.customer_id, (totals.get(o.customer_id) ?? 0) + o.quantity * o.unit_price);
      amounts.set(o.customer_id, [...(amounts.get(o.customer_id) ?? []), o.quantity * o.unit_price]);
    }
    const out = totalAmountPerCustomer(orders, customers);
    expect(out.numRows()).toBe(totals.size);
    for (const row of out.objects() as { customer_id: number; total: number; typical_order: number }[]) {
      expect(row.total).toBeCloseTo(totals.get(row.customer_id)!, 9);
      const sorted = amounts.get(row.customer_id)!.sort((a, b) => a - b);
      const middle =
        (sorted[Math.floor((sorted.length - 1) / 2)]! + sorted[Math.ceil((sorted.length - 1) / 2)]!) / 2;
      expect(row.typical_order).toBe(middle);
    }
    const sorted = [...out.array("total")] as number[];
    expect(sorted).toEqual([...sorted].sort((a, b) => b - a));
  });
});

describe("the typed pipe on orders", () => {
  it("does not compile with a misspelt column (and throws, naming it, if forced)", () => {
    const { orders } = generateOrders({ count: 5, customerCount: 2, seed: 1 });
    const misspelt = { where: gt(col("amout"), 0) };
    // @ts-expect-error the orders have no column "amout": this pipe does not compile
    const wrong = () => pipe(orders).transform(filter, misspelt).value();
    expect(wrong).toThrow('filter: missing column "amout"');
  });
});

// #region test-withCustomers
describe("withCustomers", () => {
  const orders = orderRows.rows([{ customer_id: 1, quantity: 2 }, { customer_id: 2 }]);
  const customers = customerRows.rows([{ customer_id: 1, name: "Ann", country: "FR" }]);

  it("adds the customer's columns and the amount; the compiler knows them after the step", () => {
    const sorted = pipe(orders)
      .transform(withCustomers, { customers })
      .transform(sortRows, { by: ["country", "amount"] })
      .value();
    expect(sorted.select("customer_id", "name", "country", "amount")).toEqualTable(
      table({ customer_id: [2, 1], name: [null, "Ann"], country: [null, "FR"], amount: [10, 20] }),
    );
    const named = pipe(orders).transform(withCustomers, { customers });
    // @ts-expect-error "contry" is neither an order's column nor a customer's: this does not compile
    expect(() => named.transform(sortRows, { by: ["contry"] }).check()).toThrow('missing column "contry"');
  });

  it("checks the customers table against its schema before any step runs", () => {
    const textIds = table({ customer_id: ["1"], name: ["Ann"], country: ["FR"] });
    expect(() => pipe(orders).transform(withCustomers, { customers: textIds }).check()).toThrow(
      'withCustomers: param "customers": column "customer_id" should be int, but row 0 holds "1"',
    );
  });
});
// #endregion test-withCustomers

describe("generateOrders", () => {
  it("gives the same orders for the same seed, other orders for another", () => {
    const a = generateOrders({ count: 50, customerCount: 5, seed: 1 });
    expect(generateOrders({ count: 50, customerCount: 5, seed: 1 }).orders).toEqualTable(a.orders);
    expect(generateOrders({ count: 50, customerCount: 5, seed: 2 }).orders.objects()).not.toEqual(
      a.orders.objects(),
    );
    expect(a.customers.numRows()).toBe(5);
  });
});
// #endregion test-orders
