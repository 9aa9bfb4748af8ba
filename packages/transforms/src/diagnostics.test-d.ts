import type {
  CheckedTable,
  ColumnParam,
  ColumnParams,
  NeedsMessages,
  NoFixedColumns,
  Table,
} from "@tablepipe/core";
import { adds, defineTransform, needs, needsEach, pipe } from "@tablepipe/core";
import { describe, expectTypeOf, it } from "vitest";
import { addDateParts } from "./add-date-parts";
import type { dropDuplicates } from "./drop-duplicates";
import { firstNPerGroup } from "./first-n-per-group";
import { limitHistory } from "./limit-history";
import type { sortRows } from "./sort-rows";

declare const orders: Table<"order_id" | "amount" | "customer_id" | "placed_at">;

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
