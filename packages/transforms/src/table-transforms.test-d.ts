import type { Table } from "@tablepipe/core";
import { pipe } from "@tablepipe/core";
import { describe, expectTypeOf, it } from "vitest";
import { rename } from "./rename";

type OrderColumns = "order_id" | "customer_id" | "status" | "amount" | "ordered_at";
declare const orders: Table<OrderColumns>;

describe("rename, cast, fillNull, union and window: columns checked against the table's", () => {
  it("rename: the old names must exist; the output has the new names instead", () => {
    expectTypeOf(rename(orders, { columns: { amount: "total", status: "state" } })).toEqualTypeOf<
      Table<"order_id" | "customer_id" | "ordered_at" | "total" | "state">
    >();
    // @ts-expect-error misspelt column to rename
    rename(orders, { columns: { amonut: "total" } });
    const renamed = pipe(orders).transform(rename, { columns: { amount: "total" } });
    // @ts-expect-error after the rename, the old name is gone
    renamed.transform(rename, { columns: { amount: "x" } });
    // @ts-expect-error the columns are required
    rename(orders);
  });
});
