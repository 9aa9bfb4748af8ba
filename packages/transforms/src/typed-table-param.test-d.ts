import type { Table } from "@tablepipe/core";
import { compose, pipe, step, tableParam } from "@tablepipe/core";
import type { ColumnTable } from "arquero";
import { describe, expectTypeOf, it } from "vitest";
import * as z from "zod";
import { join } from "./join";
import { sortRows } from "./sort-rows";

const Customer = z.object({ customer_id: z.int(), country: z.string(), vip: z.boolean() });
type OrderColumns = "order_id" | "customer_id" | "amount";
declare const orders: Table<OrderColumns, { order_id: "int"; customer_id: "int"; amount: "float" }>;
declare const customers: Table<
  "customer_id" | "country" | "vip",
  { customer_id: "int"; country: "string"; vip: "boolean" }
>;
declare const plainCustomers: ColumnTable;
declare const noCountry: Table<"customer_id" | "vip">;
declare const textIds: Table<"customer_id" | "country" | "vip", { customer_id: "string" }>;

const withCustomers = compose({
  name: "withCustomers",
  params: z.object({ customers: tableParam(Customer) }),
  steps: (p) => [step(join, { right: p.customers, on: ["customer_id"], how: "left" })],
});
const withAnyTable = compose({
  name: "withAnyTable",
  params: z.object({ customers: tableParam() }),
  steps: (p) => [step(join, { right: p.customers, on: ["customer_id"], how: "left" })],
});
const afterTyped = pipe(orders).transform(withCustomers, { customers });
const afterUntyped = pipe(orders).transform(withAnyTable, { customers });

describe("a typed table param: compose's steps know the table's columns", () => {
  it("keeps the input's columns and adds the right table's, with their types", () => {
    expectTypeOf(afterTyped.value()).toEqualTypeOf<
      Table<
        OrderColumns | "country" | "vip",
        { order_id: "int"; customer_id: "int"; amount: "float"; country: "string"; vip: "boolean" }
      >
    >();
    afterTyped.transform(sortRows, { by: ["amount", "country"] });
  });

  it("rejects a misspelt column after the composite", () => {
    // @ts-expect-error "amout" is not a column of the composite's output
    afterTyped.transform(sortRows, { by: ["amout"] });
    // @ts-expect-error nor is a column neither table has
    afterTyped.transform(sortRows, { by: ["no_such_column"] });
  });

  it("takes a plain arquero table (checked at run time) and a typed one with the schema's columns", () => {
    pipe(orders).transform(withCustomers, { customers: plainCustomers });
    // @ts-expect-error the table lacks the schema's "country"
    pipe(orders).transform(withCustomers, { customers: noCountry });
    // @ts-expect-error the table's customer_id is a string, the schema's an int
    pipe(orders).transform(withCustomers, { customers: textIds });
  });

  it("gives the steps the typed table", () => {
    expectTypeOf(tableParam(Customer)).toEqualTypeOf(tableParam(Customer));
    type Given = z.output<ReturnType<typeof tableParam<typeof Customer>>>;
    expectTypeOf<Given>().toEqualTypeOf<
      Table<"customer_id" | "country" | "vip", { customer_id: "int"; country: "string"; vip: "boolean" }>
    >();
  });
});

describe("the untyped table param, as before", () => {
  it("compiles, and leaves the composite's output columns unknown", () => {
    expectTypeOf(afterUntyped.value()).toEqualTypeOf<ColumnTable>();
    afterUntyped.transform(sortRows, { by: ["amout"] });
    expectTypeOf(tableParam()).toEqualTypeOf<z.ZodCustom<ColumnTable, ColumnTable>>();
  });
});

describe("join: the on columns checked against a typed right table", () => {
  it("rejects a key the right table lacks, in a call, a pipe, a step and a composite's steps", () => {
    // @ts-expect-error customers has no order_id
    join(orders, { right: customers, on: ["order_id"] });
    // @ts-expect-error customers has no order_id
    pipe(orders).transform(join, { right: customers, on: ["order_id"], how: "left" });
    // @ts-expect-error customers has no order_id
    step(join, { right: customers, on: ["order_id"], how: "semi" });
    compose({
      name: "badKey",
      params: z.object({ customers: tableParam(Customer) }),
      // @ts-expect-error the typed param has no order_id
      steps: (p) => [step(join, { right: p.customers, on: ["order_id"] })],
    });
  });

  it("takes keys the right table has, and any key of a plain arquero table", () => {
    expectTypeOf(join(orders, { right: customers, on: ["customer_id"], how: "semi" })).toEqualTypeOf<
      Table<OrderColumns, { order_id: "int"; customer_id: "int"; amount: "float" }>
    >();
    join(orders, { right: plainCustomers, on: ["order_id"] });
    step(join, { right: plainCustomers, on: ["order_id"] });
  });
});
