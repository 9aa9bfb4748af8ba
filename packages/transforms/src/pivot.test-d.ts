import type { Table } from "@tablepipe/core";
import { pipe } from "@tablepipe/core";
import { describe, expectTypeOf, it } from "vitest";
import { pivot } from "./pivot";

type SalesColumns = "site" | "region" | "month" | "amount" | "units";
declare const sales: Table<SalesColumns, { site: "string"; month: "string"; amount: "float"; units: "int" }>;
declare const plain: Table<SalesColumns>;
const byMonth = { by: ["site"], namesFrom: "month", valuesFrom: "amount", names: ["jan", "feb"] } as const;

describe("pivot: columns and types checked against the table's", () => {
  it("keeps only the by columns (their types) and adds a column per name, of the measure's type", () => {
    expectTypeOf(pivot(sales, { ...byMonth, aggregate: "sum" })).toEqualTypeOf<
      Table<"site" | "jan" | "feb", { site: "string"; jan: "float"; feb: "float" }>
    >();
    expectTypeOf(pivot(sales, { ...byMonth, valuesFrom: "units", aggregate: "sum" })).toEqualTypeOf<
      Table<"site" | "jan" | "feb", { site: "string"; jan: "int"; feb: "int" }>
    >();
    expectTypeOf(pivot(sales, { ...byMonth, valuesFrom: "site", aggregate: "first" })).toEqualTypeOf<
      Table<"site" | "jan" | "feb", { site: "string"; jan: "string"; feb: "string" }>
    >();
    expectTypeOf(pivot(sales, { ...byMonth, valuesFrom: "units", aggregate: "median" })).toEqualTypeOf<
      Table<"site" | "jan" | "feb", { site: "string"; jan: "float"; feb: "float" }>
    >();
    expectTypeOf(pivot(sales, { ...byMonth, valuesFrom: "site", aggregate: "countDistinct" })).toEqualTypeOf<
      Table<"site" | "jan" | "feb", { site: "string"; jan: "int"; feb: "int" }>
    >();
    expectTypeOf(pivot(sales, { ...byMonth, valuesFrom: "site", aggregate: "last" })).toEqualTypeOf<
      Table<"site" | "jan" | "feb", { site: "string"; jan: "string"; feb: "string" }>
    >();
    expectTypeOf(
      pipe(sales)
        .transform(pivot, { ...byMonth, by: ["site", "region"], aggregate: "count", ignoreUndeclared: true })
        .run().table,
    ).toEqualTypeOf<Table<"site" | "region" | "jan" | "feb", { site: "string"; jan: "int"; feb: "int" }>>();
  });

  it("on a table of unknown types, only counts, means, standard deviations and medians are known", () => {
    expectTypeOf(pivot(plain, { ...byMonth, aggregate: "max" })).toEqualTypeOf<
      Table<"site" | "jan" | "feb">
    >();
    expectTypeOf(pivot(plain, { ...byMonth, aggregate: "mean" })).toEqualTypeOf<
      Table<"site" | "jan" | "feb", { jan: "float"; feb: "float" }>
    >();
    expectTypeOf(pivot(plain, { ...byMonth, aggregate: "stddev" })).toEqualTypeOf<
      Table<"site" | "jan" | "feb", { jan: "float"; feb: "float" }>
    >();
  });

  it("misspelt columns, a names column of another type, a name that is a by column and a bad measure do not compile", () => {
    // @ts-expect-error misspelt by column
    pivot(sales, { ...byMonth, by: ["stie"], aggregate: "sum" });
    // @ts-expect-error misspelt values column
    pivot(sales, { ...byMonth, valuesFrom: "amonut", aggregate: "sum" });
    // @ts-expect-error misspelt names column
    pivot(sales, { ...byMonth, namesFrom: "mnoth", aggregate: "sum" });
    // @ts-expect-error the names come from a string column, not a float one
    pivot(sales, { ...byMonth, namesFrom: "amount", aggregate: "sum" });
    // @ts-expect-error a declared name is a by column
    pivot(sales, { ...byMonth, names: ["site", "jan"], aggregate: "sum" });
    // @ts-expect-error not a measure pivot takes
    pivot(sales, { ...byMonth, aggregate: "quantile" });
    // @ts-expect-error after the pivot, the names column is gone
    pipe(sales)
      .transform(pivot, { ...byMonth, aggregate: "sum" })
      .transform(pivot, { ...byMonth, aggregate: "sum" });
  });
});
