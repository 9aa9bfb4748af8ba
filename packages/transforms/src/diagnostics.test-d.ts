import type {
  CheckedTable,
  ColumnParam,
  ColumnParams,
  NeedsMessages,
  NoFixedColumns,
  Step,
  Table,
} from "@tablepipe/core";
import { adds, defineTransform, needs, needsEach, pipe, step } from "@tablepipe/core";
import { describe, expectTypeOf, it } from "vitest";
import { addDateParts } from "./add-date-parts";
import type { dropDuplicates } from "./drop-duplicates";
import { firstNPerGroup } from "./first-n-per-group";
import { join } from "./join";
import { limitHistory } from "./limit-history";
import { sortRows } from "./sort-rows";

type OrderColumns = "order_id" | "amount" | "customer_id" | "placed_at";
declare const orders: Table<OrderColumns>;
declare const customers: Table<"customer_id" | "name">;

type MessagesFor<T, P> = T extends {
  transformName: infer N extends string;
  columnParams: infer S extends ColumnParams;
}
  ? NeedsMessages<"order_id" | "amount" | "customer_id" | "placed_at", N, S, NoFixedColumns, P>
  : never;

describe("the short diagnostic", () => {
  it("names the step, the column and its type", () => {
    expectTypeOf<
      MessagesFor<typeof addDateParts, { column: "ordered_at" }>
    >().toEqualTypeOf<'step "addDateParts" needs column "ordered_at" (timestamp or date)'>();
    expectTypeOf<MessagesFor<typeof addDateParts, { column: "placed_at" }>>().toBeNever();
  });

  it("checks list params (subset, keys, orderBy), one message per missing column", () => {
    expectTypeOf<
      MessagesFor<typeof dropDuplicates, { subset: ["amount", "tip"] }>
    >().toEqualTypeOf<'step "dropDuplicates" needs column "tip"'>();
    expectTypeOf<
      MessagesFor<typeof firstNPerGroup, { keys: ["vendor_id"]; orderBy: ["pickup_datetime"]; n: 1 }>
    >().toEqualTypeOf<
      | 'step "firstNPerGroup" needs column "vendor_id"'
      | 'step "firstNPerGroup" needs column "pickup_datetime"'
    >();
    expectTypeOf<
      MessagesFor<typeof sortRows, { by: ["amount"]; descending: ["amont"] }>
    >().toEqualTypeOf<'step "sortRows" needs column "amont"'>();
  });

  it("is the table parameter's type: the table itself when nothing is missing, else the message", () => {
    expectTypeOf<
      CheckedTable<"a" | "b", "step", { column: ColumnParam<"needs", "a", false> }, NoFixedColumns, object>
    >().toEqualTypeOf<Table<"a" | "b">>();
    const typed = defineTransform({
      name: "hourOf",
      columns: { column: needs({ type: "timestamp" }), output: adds({ type: "int", default: "hour" }) },
      apply: (table) => table,
    });
    expectTypeOf(typed.transformName).toEqualTypeOf<"hourOf">();
    expectTypeOf<
      CheckedTable<"a", "hourOf", (typeof typed)["columnParams"], NoFixedColumns, { column: "at" }>
    >().toEqualTypeOf<'step "hourOf" needs column "at" (timestamp)'>();
    const anyOf = defineTransform({
      name: "sumOf",
      columns: { values: needsEach({ type: ["int", "float"] }) },
      apply: (table) => table,
    });
    expectTypeOf<
      CheckedTable<"a", "sumOf", (typeof anyOf)["columnParams"], NoFixedColumns, { values: ["a", "b"] }>
    >().toEqualTypeOf<'step "sumOf" needs column "b" (int or float)'>();
  });

  it("makes the calls fail to compile, directly and in a pipe", () => {
    // @ts-expect-error step "addDateParts" needs column "ordered_at" (timestamp or date)
    addDateParts(orders, { column: "ordered_at" });
    addDateParts(orders, { column: "placed_at" });
    // @ts-expect-error step "limitHistory" needs column "ordered_at" (timestamp or date)
    pipe(orders).transform(limitHistory, { column: "ordered_at", after: "202312", through: "202406" });
    // @ts-expect-error step "firstNPerGroup" needs column "vendor_id"
    firstNPerGroup(orders, { keys: ["vendor_id"], orderBy: ["placed_at"], n: 1 });
    const atDefault = defineTransform({
      name: "t",
      columns: { at: needs({ type: "timestamp", default: "at" }) },
      apply: (x) => x,
    });
    // @ts-expect-error a typed column param's default name is checked too
    atDefault(orders);
  });
});

// Each error below is pinned to the line of the param it names: a params object on one line would let the
// `@ts-expect-error` pass for an error anywhere in the call. The diagnostics' text is checked by
// param-diagnostics.test.ts.
describe("a wrong param value", () => {
  it("is reported at that param, in a direct call, a pipe and a step (a misspelt member of an enum)", () => {
    join(orders, {
      right: customers,
      on: ["customer_id"],
      // @ts-expect-error Type '"lefft"' is not assignable to type '"inner" | "left" | "right" | "full" | "semi" | "anti" | undefined'
      how: "lefft",
    });
    pipe(orders).transform(join, {
      right: customers,
      on: ["customer_id"],
      // @ts-expect-error the same, in a pipe
      how: "lefft",
    });
    step(join, {
      right: customers,
      on: ["customer_id"],
      // @ts-expect-error the same, in a step
      how: "lefft",
    });
  });

  it("is reported at that param when its type is wrong", () => {
    sortRows(orders, {
      by: ["amount"],
      // @ts-expect-error Type 'boolean' is not assignable to type 'readonly string[]'
      descending: true,
    });
    pipe(orders).transform(sortRows, {
      by: ["amount"],
      // @ts-expect-error the same, in a pipe
      descending: true,
    });
    step(sortRows, {
      by: ["amount"],
      // @ts-expect-error the same, in a step
      descending: true,
    });
    limitHistory(orders, {
      column: "placed_at",
      // @ts-expect-error after is a string
      after: 202312,
    });
  });

  it("is reported at a key that is not a param (with valid params beside it, or alone)", () => {
    join(orders, {
      right: customers,
      on: ["customer_id"],
      // @ts-expect-error Object literal may only specify known properties, but 'howw' does not exist ...
      howw: "left",
    });
    pipe(orders).transform(join, {
      right: customers,
      on: ["customer_id"],
      // @ts-expect-error the same, in a pipe
      howw: "left",
    });
    step(join, {
      right: customers,
      on: ["customer_id"],
      // @ts-expect-error the same, in a step
      howw: "left",
    });
    sortRows(orders, {
      // @ts-expect-error every param of sortRows is optional: the unknown key alone
      descendng: ["amount"],
    });
    step(sortRows, {
      // @ts-expect-error the same, in a step
      descendng: ["amount"],
    });
  });

  it("keeps the literal params' types: `how` and the keys decide the columns", () => {
    expectTypeOf(join(orders, { right: customers, on: ["customer_id"], how: "semi" })).toEqualTypeOf<
      Table<OrderColumns>
    >();
    expectTypeOf(join(orders, { right: customers, on: ["customer_id"], how: "left" })).toEqualTypeOf<
      Table<OrderColumns | "name">
    >();
    expectTypeOf(
      pipe(orders)
        .transform(join, { right: customers, on: ["customer_id"], how: "anti" })
        .value(),
    ).toEqualTypeOf<Table<OrderColumns>>();
    expectTypeOf(
      pipe(orders)
        .transform(join, { right: customers, on: ["customer_id"] })
        .value(),
    ).toEqualTypeOf<Table<OrderColumns | "name">>();
    expectTypeOf(step(join, { right: customers, on: ["customer_id"], how: "semi" })).toEqualTypeOf<
      Step<"customer_id", never, never>
    >();
    expectTypeOf(step(join, { right: customers, on: ["customer_id"], how: "inner" })).toEqualTypeOf<
      Step<"customer_id", "name", never>
    >();
    expectTypeOf(step(sortRows, { by: ["amount", "placed_at"] })).toEqualTypeOf<
      Step<"amount" | "placed_at", never, never>
    >();
  });

  it("leaves the other errors as they were: a missing column, required params", () => {
    // @ts-expect-error step "join" needs column "id" (the table's error, with valid params)
    join(orders, { right: customers, on: ["id"] });
    // @ts-expect-error step "sortRows" needs column "amont"
    sortRows(orders, { by: ["amont"] });
    // @ts-expect-error this transform has required params: "right"
    step(join, { on: ["customer_id"] });
    // @ts-expect-error and without params
    pipe(orders).transform(join);
  });
});
