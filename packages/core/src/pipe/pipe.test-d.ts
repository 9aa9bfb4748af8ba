import * as aq from "arquero";
import { describe, expectTypeOf, it } from "vitest";
import * as z from "zod";
import { adds, needs, needsEach, removes } from "../transform/column-params";
import { defineTransform } from "../transform/define-transform";
import type { Table } from "../transform/table";
import { compose } from "./compose";
import { type PipeEngine, type PipeResult, pipe } from "./pipe";
import { type Step, step } from "./step";

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

  it("reports a wrong param value at that param, directly, in a pipe, in a step and in a composite", () => {
    const keepMode = defineTransform({
      name: "keepMode",
      columns: { column: needs("fare") },
      params: z.object({ mode: z.enum(["first", "last"]).default("first") }),
      apply: (table) => table,
    });
    // The errors are pinned to the param's line: a one-line call would let an error anywhere pass.
    keepMode(trips, {
      // @ts-expect-error Type '"frist"' is not assignable to type '"first" | "last" | undefined'
      mode: "frist",
    });
    pipe(trips).transform(keepMode, {
      // @ts-expect-error the same in a pipe (was: not assignable to parameter of type 'undefined')
      mode: "frist",
    });
    step(keepMode, {
      // @ts-expect-error the same in a step
      mode: "frist",
    });
    keepMode(trips, {
      column: "fare",
      // @ts-expect-error Object literal may only specify known properties, but 'mod' does not exist
      mod: "first",
    });
    const composite = compose({
      name: "composite",
      params: z.object({ mode: z.enum(["first", "last"]).default("first") }),
      steps: (p) => [step(keepMode, { mode: p.mode })],
    });
    composite(trips, {
      // @ts-expect-error a composite's own params too
      mode: "frist",
    });
    pipe(trips).transform(composite, {
      // @ts-expect-error and in a pipe
      mode: "frist",
    });
    // A literal value still decides the step's columns: the column param's literal name.
    expectTypeOf(step(keepMode, { column: "fare", mode: "last" })).toEqualTypeOf<
      Step<"fare", never, never>
    >();
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

describe("required column params (needs(), needsEach(), adds() without a default name)", () => {
  const firstPerKey = defineTransform({
    name: "firstPerKey",
    columns: { key: needs(), orderBy: needsEach(), flag: adds() },
    params: z.object({ n: z.int() }),
    apply: (table) => table,
  });

  it("resolves the column names from the params the caller passes", () => {
    expectTypeOf(
      firstPerKey(trips, { key: "fare", orderBy: ["pickup_datetime"], flag: "first", n: 1 }),
    ).toEqualTypeOf<Table<"pickup_datetime" | "fare" | "first">>();
    const out = pipe(trips)
      .transform(firstPerKey, { key: "fare", orderBy: ["fare"], flag: "f", n: 1 })
      .value();
    expectTypeOf(out).toEqualTypeOf<Table<"pickup_datetime" | "fare" | "f">>();
    const prepared = step(firstPerKey, { key: "fare", orderBy: ["pickup_datetime"], flag: "f", n: 2 });
    expectTypeOf(prepared).toEqualTypeOf<Step<"fare" | "pickup_datetime", "f", never>>();
  });

  it("reports a named column the table lacks, in a list too", () => {
    // @ts-expect-error fares has no pickup_datetime
    firstPerKey(fares, { key: "fare", orderBy: ["pickup_datetime"], flag: "f", n: 1 });
    // @ts-expect-error a list param naming a missing column, in a pipe
    pipe(trips).transform(firstPerKey, { key: "fare", orderBy: ["dropoff_datetime"], flag: "f", n: 1 });
    const withScratch = null as unknown as Table<"scratch" | "fare">;
    // @ts-expect-error the step needs the column an earlier step removed (the error marks the pipe before it)
    pipe(withScratch)
      .transform(dropColumn)
      .transform(firstPerKey, { key: "scratch", orderBy: [], flag: "f", n: 1 });
  });

  it("does not compile when a required column param is left out", () => {
    // @ts-expect-error key is required
    firstPerKey(trips, { orderBy: ["fare"], flag: "f", n: 1 });
    // @ts-expect-error orderBy is required
    firstPerKey(trips, { key: "fare", flag: "f", n: 1 });
    // @ts-expect-error flag (an output column) is required
    firstPerKey(trips, { key: "fare", orderBy: ["fare"], n: 1 });
    // @ts-expect-error every param is left out
    firstPerKey(trips);
    // @ts-expect-error key is required in a pipe step too
    pipe(trips).transform(firstPerKey, { orderBy: ["fare"], flag: "f", n: 1 });
    // @ts-expect-error and a pipe step needs its params
    pipe(trips).transform(firstPerKey);
    // @ts-expect-error step() checks it as well
    step(firstPerKey, { orderBy: ["fare"], flag: "f", n: 1 });
    // @ts-expect-error step() without params
    step(firstPerKey);
    // @ts-expect-error a required removes() param
    defineTransform({ name: "drop", columns: { column: removes() }, apply: (t) => t })(trips);
  });
});

interface DuckReport {
  readonly sql: string;
}
interface SparkReport {
  readonly plan: number;
}
declare const duck: PipeEngine<DuckReport>;
declare const spark: PipeEngine<SparkReport>;
declare const onSpark: boolean;

describe("run on an engine", () => {
  it("adds the engine's report to the result", () => {
    expectTypeOf(pipe(trips).run({ engine: duck }))
      .resolves.toHaveProperty("sql")
      .toEqualTypeOf<string>();
  });

  it("takes an engine chosen at run time, its result either engine's report", () => {
    const result = pipe(trips).run({ engine: onSpark ? spark : duck });
    expectTypeOf(result).resolves.toEqualTypeOf<
      | (PipeResult<"pickup_datetime" | "fare"> & DuckReport)
      | (PipeResult<"pickup_datetime" | "fare"> & SparkReport)
    >();
  });

  it("runs in process, asynchronously, with only a signal", () => {
    expectTypeOf(pipe(trips).run({ signal: AbortSignal.timeout(1) })).resolves.toEqualTypeOf<
      PipeResult<"pickup_datetime" | "fare">
    >();
  });
});
