import type { Table } from "@tablepipe/core";
import { col, pipe } from "@tablepipe/core";
import { describe, expectTypeOf, it } from "vitest";
import { castColumns } from "./cast-columns";
import { dropColumns } from "./drop-columns";
import { fillNull } from "./fill-null";
import { limit } from "./limit";
import { rename } from "./rename";
import { union } from "./union";
import { window } from "./window";
import { cumulativeSum, lag, rollingSum, rowNumber } from "./window-functions";

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

  it("dropColumns: the dropped columns must exist; the output lacks them; limit keeps every column", () => {
    expectTypeOf(dropColumns(orders, { columns: ["status", "amount"] })).toEqualTypeOf<
      Table<"order_id" | "customer_id" | "ordered_at">
    >();
    // @ts-expect-error misspelt column to drop
    dropColumns(orders, { columns: ["statsu"] });
    const dropped = pipe(orders).transform(dropColumns, { columns: ["amount"] });
    // @ts-expect-error after the drop, the column is gone
    dropped.transform(dropColumns, { columns: ["amount"] });
    expectTypeOf(limit(orders, { n: 5 })).toEqualTypeOf<Table<OrderColumns>>();
    // @ts-expect-error n is a number
    limit(orders, { n: "5" });
  });

  it("castColumns: the cast columns must exist; the output has the same columns", () => {
    expectTypeOf(castColumns(orders, { columns: { amount: "float", order_id: "string" } })).toEqualTypeOf<
      Table<OrderColumns, { amount: "float"; order_id: "string" }>
    >();
    // @ts-expect-error misspelt column to cast
    castColumns(orders, { columns: { amout: "float" } });
    // @ts-expect-error an unknown type
    castColumns(orders, { columns: { amount: "decimal" } });
  });

  it("fillNull: the filled columns must exist; the output has the same columns", () => {
    expectTypeOf(fillNull(orders, { columns: { amount: 0, status: "unknown" } })).toEqualTypeOf<
      Table<OrderColumns>
    >();
    // @ts-expect-error misspelt column to fill
    fillNull(orders, { columns: { stauts: "unknown" } });
    // @ts-expect-error a fill value is a string, a number or a boolean
    fillNull(orders, { columns: { amount: null } });
  });

  it("union: the output has the input's columns; the other table is required", () => {
    expectTypeOf(union(orders, { other: orders })).toEqualTypeOf<Table<OrderColumns>>();
    // @ts-expect-error the other table is required
    union(orders);
    // @ts-expect-error the other is a table
    union(orders, { other: [] });
  });

  it("window: partition, order and expression columns must exist; the output adds the new columns", () => {
    const byCustomer = { partitionBy: ["customer_id"], orderBy: ["ordered_at"] } as const;
    expectTypeOf(
      window(orders, { ...byCustomer, columns: { nth: rowNumber(), spent: cumulativeSum(col("amount")) } }),
    ).toEqualTypeOf<Table<OrderColumns | "nth" | "spent">>();
    // @ts-expect-error misspelt partition column
    window(orders, { partitionBy: ["customer"], orderBy: ["ordered_at"], columns: { nth: rowNumber() } });
    // @ts-expect-error misspelt order column
    window(orders, { partitionBy: [], orderBy: ["orderd_at"], columns: { nth: rowNumber() } });
    // @ts-expect-error misspelt column in a window function's expression
    window(orders, { ...byCustomer, columns: { previous: lag(col("amout")) } });
    // @ts-expect-error partitionBy and orderBy are required
    window(orders, { columns: { nth: rowNumber() } });
    const numbered = pipe(orders).transform(window, { ...byCustomer, columns: { nth: rowNumber() } });
    expectTypeOf(numbered.value()).toEqualTypeOf<Table<OrderColumns | "nth">>();
    expectTypeOf(
      window(orders, { ...byCustomer, columns: { day: rollingSum(col("amount"), { range: 86_400_000 }) } }),
    ).toEqualTypeOf<Table<OrderColumns | "day">>();
    // @ts-expect-error a rolling frame is a number of rows or { range }, not { rows }
    rollingSum(col("amount"), { rows: 3 });
    // @ts-expect-error misspelt column in a range frame's expression
    window(orders, { ...byCustomer, columns: { day: rollingSum(col("amout"), { range: 1 }) } });
  });
});
