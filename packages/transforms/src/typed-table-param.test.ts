import { compose, pipe, schemaOf, step, tableParam } from "@tablepipe/core";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { join } from "./join";
import { sortRows } from "./sort-rows";

const Customer = z.object({ customer_id: z.int(), country: z.string() });
const withCustomers = compose({
  name: "withCustomers",
  params: z.object({ customers: tableParam(Customer) }),
  steps: (p) => [step(join, { right: p.customers, on: ["customer_id"], how: "left" })],
});
const orders = () => aq.table({ order_id: [1, 2, 3], customer_id: [7, 8, 9], amount: [10, 20, 30] });

describe("a composite joining a typed table param", () => {
  it("adds the right table's columns, typed by the param's schema", () => {
    const customers = aq.table({ customer_id: [7, 9], country: ["NL", "FR"] });
    const out = pipe(orders())
      .transform(withCustomers, { customers })
      .transform(sortRows, { by: ["country"] })
      .value();
    expect(out.objects()).toEqual([
      { order_id: 2, customer_id: 8, amount: 20, country: null },
      { order_id: 3, customer_id: 9, amount: 30, country: "FR" },
      { order_id: 1, customer_id: 7, amount: 10, country: "NL" },
    ]);
    expect(schemaOf(out).country).toEqual({ type: "string", nullable: true });
  });

  it("fails before running when the table does not fit the schema, naming the composite, param, column and type", () => {
    const p = pipe(orders()).transform(withCustomers, {
      customers: aq.table({ customer_id: ["7"], country: ["NL"] }),
    });
    expect(() => p.run()).toThrow(
      'withCustomers: param "customers": column "customer_id" should be int, but row 0 holds "7"',
    );
    const lacking = pipe(orders()).transform(withCustomers, { customers: aq.table({ customer_id: [7] }) });
    expect(() => lacking.check()).toThrow(
      'withCustomers: param "customers": the table lacks column "country" (string)',
    );
  });
});
