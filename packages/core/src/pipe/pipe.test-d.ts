import * as aq from "arquero";
import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { adds, needs, removes } from "../transform/column-params";
import { defineTransform } from "../transform/define-transform";
import type { Table } from "../transform/table";
import { compose } from "./compose";
import { pipe } from "./pipe";
import { step } from "./step";

const limitHistory = defineTransform({
  name: "limitHistory",
  columns: { column: needs("pickup_datetime") },
  params: z.object({ after: z.string().default("201703") }),
  apply: (table) => table,
});
const addMonth = defineTransform({
  name: "addMonth",
  columns: { source: needs("pickup_datetime"), output: adds("month") },
  apply: (table, { output }) => table.derive({ [output]: () => 1 }),
});
const dropColumn = defineTransform({
  name: "dropColumn",
  columns: { column: removes("scratch") },
  apply: (table, { column }) => table.select(aq.not(column)),
});
const needsZones = defineTransform({
  name: "needsZones",
  params: z.object({ zones: z.string() }),
  apply: (table) => table,
});

declare const trips: Table<"pickup_datetime" | "fare">;
declare const fares: Table<"fare">;
const untyped = aq.table({ fare: [1] });

describe("typed columns", () => {
  it("accepts a table that has the needed columns, and tracks added and removed ones", () => {
    expectTypeOf(limitHistory(trips)).toEqualTypeOf<Table<"pickup_datetime" | "fare">>();
    expectTypeOf(addMonth(trips)).toEqualTypeOf<Table<"pickup_datetime" | "fare" | "month">>();
    expectTypeOf(addMonth(trips, { output: "mon" })).toEqualTypeOf<
      Table<"pickup_datetime" | "fare" | "mon">
    >();
    const withScratch = null as unknown as Table<"scratch" | "fare">;
    expectTypeOf(dropColumn(withScratch)).toEqualTypeOf<Table<"fare">>();
  });

  it("rejects a table that lacks a needed column", () => {
    // @ts-expect-error fares has no pickup_datetime
    limitHistory(fares);
    // @ts-expect-error the column param names a column fares lacks
    limitHistory(trips, { column: "dropoff_datetime" });
    limitHistory(fares, { column: "fare" });
  });

  it("rejects unknown params and wrong param types", () => {
    // @ts-expect-error no such param
    limitHistory(trips, { afterr: "201703" });
    // @ts-expect-error after is a string
    limitHistory(trips, { after: 201703 });
    // @ts-expect-error zones is required
    needsZones(trips);
    needsZones(trips, { zones: "z" });
  });

  it("leaves tables with unknown columns to the run-time check", () => {
    expectTypeOf(limitHistory(untyped)).toEqualTypeOf<Table<string>>();
  });
});

describe("pipe", () => {
  it("tracks columns through the chain", () => {
    const out = pipe(trips).transform(limitHistory, { after: "201801" }).transform(addMonth).value();
    expectTypeOf(out).toEqualTypeOf<Table<"pickup_datetime" | "fare" | "month">>();
  });

  it("does not compile when a step needs a column no earlier step provides", () => {
    const monthly = defineTransform({
      name: "monthly",
      columns: { column: needs("month") },
      apply: (table) => table,
    });
    pipe(trips).transform(addMonth).transform(monthly);
    // @ts-expect-error month does not exist before addMonth
    pipe(trips).transform(monthly).transform(addMonth);
  });

  it("folds the contract of composed steps", () => {
    const prepare = compose({ name: "prepare", steps: [step(limitHistory), step(addMonth)] });
    expectTypeOf(prepare(trips)).toEqualTypeOf<Table<"pickup_datetime" | "fare" | "month">>();
    // @ts-expect-error prepare needs pickup_datetime
    prepare(fares);
    // @ts-expect-error prepare needs pickup_datetime, so the pipe step does not compile either
    pipe(fares).transform(prepare);
  });
});
