import * as aq from "arquero";
import { describe, expectTypeOf, it } from "vitest";
import * as z from "zod";
import { adds, needs } from "../transform/column-params";
import { defineTransform } from "../transform/define-transform";
import type { Table } from "../transform/table";
import { typedTable } from "./typed-table";

describe("typedTable", () => {
  it("types the table's columns from the schema, zod or by hand", () => {
    const Order = z.object({ id: z.int(), at: z.date() });
    expectTypeOf(typedTable(aq.table({}), Order)).toEqualTypeOf<
      Table<"id" | "at", { id: "int"; at: "timestamp" | "date" }>
    >();
    expectTypeOf(typedTable(aq.table({}), { id: { type: "int", nullable: false } })).toEqualTypeOf<
      Table<"id", { id: "int" }>
    >();
  });

  it("gives a transform a typed table it can check at compile time", () => {
    const hourOf = defineTransform({
      name: "hourOf",
      columns: { column: needs({ type: "timestamp" }), output: adds({ type: "int", default: "hour" }) },
      apply: (table) => table,
    });
    const orders = typedTable(aq.table({}), z.object({ id: z.int(), at: z.date() }));
    expectTypeOf(hourOf(orders, { column: "at" })).toEqualTypeOf<
      Table<"id" | "at" | "hour", { id: "int"; at: "timestamp" | "date"; hour: "int" }>
    >();
    // @ts-expect-error step "hourOf" needs column "placed_at" (timestamp)
    hourOf(orders, { column: "placed_at" });
  });
});
