import type { NeedsMessages, NoFixedColumns, Table } from "@tablepipe/core";
import {
  adds,
  col,
  compose,
  count,
  defineTransform,
  NUMERIC,
  needs,
  needsEach,
  pipe,
  removes,
  step,
  sum,
  typedTable,
} from "@tablepipe/core";
import * as aq from "arquero";
import { describe, expectTypeOf, it } from "vitest";
import * as z from "zod";
import { addDateParts } from "./add-date-parts";
import { aggregate } from "./aggregate";
import { castColumns } from "./cast-columns";
import { derive } from "./derive";
import { join } from "./join";
import { keepHourWindow } from "./keep-hour-window";
import { limitHistory } from "./limit-history";
import { rename } from "./rename";
import { select } from "./select";

/** Orders whose types the compiler knows: a time stamp, an int, a float and a string. */
type OrderColumns = "ordered_at" | "order_id" | "amount" | "status";
type OrderTypes = { ordered_at: "timestamp"; order_id: "int"; amount: "float"; status: "string" };
declare const orders: Table<OrderColumns, OrderTypes>;
/** The same columns, types unknown to the compiler (left to the run-time pre-flight). */
declare const untypedOrders: Table<OrderColumns>;
declare const plain: aq.ColumnTable;

const sumOf = defineTransform({
  name: "sumOf",
  columns: { values: needsEach({ type: NUMERIC }), output: adds({ type: "float", default: "total" }) },
  apply: (table) => table,
});
const dropColumn = defineTransform({
  name: "dropColumn",
  columns: { column: removes() },
  apply: (table, { column }) => table.select(aq.not(column)),
});

describe("needs({ type }) at compile time", () => {
  it("accepts a column of an accepted type, an int where a float is accepted, and unknown types", () => {
    expectTypeOf(keepHourWindow(orders, { column: "ordered_at", from: 9, to: 17 })).toEqualTypeOf<
      Table<OrderColumns, OrderTypes>
    >();
    sumOf(orders, { values: ["amount", "order_id"] });
    keepHourWindow(untypedOrders, { column: "status", from: 9, to: 17 });
    keepHourWindow(plain, { column: "status", from: 9, to: 17 });
    const partly = null as unknown as Table<OrderColumns | "note", { amount: "float" }>;
    keepHourWindow(partly, { column: "note", from: 9, to: 17 });
  });

  it("rejects a column whose known type the step does not accept", () => {
    // @ts-expect-error step "keepHourWindow" needs column "amount" (timestamp), but it is float
    keepHourWindow(orders, { column: "amount", from: 9, to: 17 });
    // @ts-expect-error step "addDateParts" needs column "status" (timestamp or date), but it is string
    addDateParts(orders, { column: "status" });
    // @ts-expect-error step "limitHistory" needs column "order_id" (timestamp or date), but it is int
    limitHistory(orders, { column: "order_id", after: "202312", through: "202406" });
    // @ts-expect-error a float where an int is needed
    defineTransform({ name: "ids", columns: { id: needs({ type: "int" }) }, apply: (t) => t })(orders, {
      id: "amount",
    });
  });

  it("says so in a short message leading with the step and the column", () => {
    type Messages<P> = NeedsMessages<
      OrderColumns,
      "keepHourWindow",
      (typeof keepHourWindow)["columnParams"],
      NoFixedColumns,
      P,
      OrderTypes
    >;
    expectTypeOf<
      Messages<{ column: "amount" }>
    >().toEqualTypeOf<'step "keepHourWindow" needs column "amount" (timestamp), but it is float'>();
    expectTypeOf<
      Messages<{ column: "placed_at" }>
    >().toEqualTypeOf<'step "keepHourWindow" needs column "placed_at" (timestamp)'>();
    expectTypeOf<Messages<{ column: "ordered_at" }>>().toBeNever();
  });

  it("checks every column of a list param", () => {
    // @ts-expect-error step "sumOf" needs column "status" (int or float), but it is string
    sumOf(orders, { values: ["amount", "status"] });
    type Messages = NeedsMessages<
      OrderColumns,
      "sumOf",
      (typeof sumOf)["columnParams"],
      NoFixedColumns,
      { values: ["amount", "status", "ordered_at"] },
      OrderTypes
    >;
    expectTypeOf<Messages>().toEqualTypeOf<
      | 'step "sumOf" needs column "status" (int or float), but it is string'
      | 'step "sumOf" needs column "ordered_at" (int or float), but it is timestamp'
    >();
  });

  it("knows the types of a typed table and of a zod schema's columns", () => {
    const typed = typedTable(aq.table({}), z.object({ id: z.int(), at: z.date(), note: z.string() }));
    keepHourWindow(typed, { column: "at", from: 9, to: 17 });
    // @ts-expect-error step "keepHourWindow" needs column "note" (timestamp), but it is string
    keepHourWindow(typed, { column: "note", from: 9, to: 17 });
    const byHand = typedTable(aq.table({}), { day: { type: "date", nullable: false } });
    addDateParts(byHand, { column: "day" });
    // @ts-expect-error a date is not a time stamp: keepHourWindow reads hours
    keepHourWindow(byHand, { column: "day", from: 9, to: 17 });
  });
});

describe("types after a step", () => {
  it("adds({ type }) gives the added columns their type", () => {
    expectTypeOf(addDateParts(orders, { column: "ordered_at", month: "m" })).toEqualTypeOf<
      Table<
        OrderColumns | "m" | "day_of_week" | "day_of_month",
        OrderTypes & { m: "int"; day_of_week: "int"; day_of_month: "int" } extends infer T
          ? { [K in keyof T]: T[K] }
          : never
      >
    >();
    expectTypeOf(sumOf(untypedOrders, { values: ["amount"] })).toEqualTypeOf<
      Table<OrderColumns | "total", { total: "float" }>
    >();
  });

  it("removes drops a column and its type; a column added again without a type is unknown", () => {
    expectTypeOf(dropColumn(orders, { column: "status" })).toEqualTypeOf<
      Table<
        "ordered_at" | "order_id" | "amount",
        { ordered_at: "timestamp"; order_id: "int"; amount: "float" }
      >
    >();
    const out = derive(orders, { columns: { amount: col("order_id") } });
    expectTypeOf(out).toEqualTypeOf<
      Table<OrderColumns, { ordered_at: "timestamp"; order_id: "int"; status: "string" }>
    >();
  });

  it("a step that keeps only some columns keeps only their types", () => {
    expectTypeOf(select(orders, { columns: ["status", "ordered_at"] })).toEqualTypeOf<
      Table<"status" | "ordered_at", { status: "string"; ordered_at: "timestamp" }>
    >();
    expectTypeOf(
      aggregate(orders, { by: ["status"], measures: { n: count(), total: sum(col("amount")) } }),
    ).toEqualTypeOf<Table<"status" | "n" | "total", { status: "string" }>>();
  });

  it("rename, castColumns and join carry types to their output columns", () => {
    expectTypeOf(rename(orders, { columns: { ordered_at: "placed_at" } })).toEqualTypeOf<
      Table<
        "order_id" | "amount" | "status" | "placed_at",
        { order_id: "int"; amount: "float"; status: "string"; placed_at: "timestamp" }
      >
    >();
    expectTypeOf(castColumns(orders, { columns: { order_id: "string" } })).toEqualTypeOf<
      Table<OrderColumns, { ordered_at: "timestamp"; amount: "float"; status: "string"; order_id: "string" }>
    >();
    const customers = null as unknown as Table<
      "order_id" | "segment",
      { order_id: "int"; segment: "string" }
    >;
    expectTypeOf(join(orders, { right: customers, on: ["order_id"] })).toEqualTypeOf<
      Table<
        OrderColumns | "segment",
        OrderTypes & { segment: "string" } extends infer T ? { [K in keyof T]: T[K] } : never
      >
    >();
  });

  it("a pipe follows the types step by step", () => {
    const out = pipe(orders)
      .transform(rename, { columns: { ordered_at: "placed_at" } })
      .transform(castColumns, { columns: { amount: "string" } })
      .transform(addDateParts, { column: "placed_at" })
      .value();
    expectTypeOf(out).toEqualTypeOf<
      Table<
        "order_id" | "amount" | "status" | "placed_at" | "month" | "day_of_week" | "day_of_month",
        {
          order_id: "int";
          status: "string";
          placed_at: "timestamp";
          amount: "string";
          month: "int";
          day_of_week: "int";
          day_of_month: "int";
        }
      >
    >();
    // @ts-expect-error step "addDateParts" needs column "placed_at" (timestamp or date), but it is string
    pipe(orders)
      .transform(rename, { columns: { ordered_at: "placed_at" } })
      .transform(castColumns, { columns: { placed_at: "string" } })
      .transform(addDateParts, { column: "placed_at" });
  });

  it("compose folds its steps' types: what it needs, and what it adds", () => {
    const hourly = compose({
      name: "hourly",
      steps: [
        step(keepHourWindow, { column: "ordered_at", from: 9, to: 17 }),
        step(sumOf, { values: ["amount"], output: "spent" }),
      ],
    });
    expectTypeOf(hourly(orders)).toEqualTypeOf<
      Table<
        OrderColumns | "spent",
        OrderTypes & { spent: "float" } extends infer T ? { [K in keyof T]: T[K] } : never
      >
    >();
    const wrong = null as unknown as Table<OrderColumns, { ordered_at: "string" }>;
    // @ts-expect-error step "hourly" needs column "ordered_at" (timestamp), but it is string
    hourly(wrong);
    // @ts-expect-error and in a pipe
    pipe(wrong).transform(hourly);
  });

  it("a typed table is still a table of its columns; a known mismatch is not assignable", () => {
    expectTypeOf(orders).toExtend<Table<OrderColumns>>();
    expectTypeOf(orders).toExtend<Table<"amount", { amount: "float" }>>();
    expectTypeOf(orders).not.toExtend<Table<"amount", { amount: "string" }>>();
    expectTypeOf(untypedOrders).not.toExtend<Table<"amount", { amount: "float" }>>();
  });
});
