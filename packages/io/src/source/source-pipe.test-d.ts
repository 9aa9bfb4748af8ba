import { defineTransform, needs } from "@tablepipe/core";
import { describe, expectTypeOf, it } from "vitest";
import * as z from "zod";
import type { SourcePipeEngine, SourcePipeResult } from "./source-engine";
import { pipeFrom, type SourcePipe } from "./source-pipe";
import { isYes } from "./test-transforms";

/** The columns a source pipe's output will have. */
type PipeColumns<T> = T extends SourcePipe<infer C, infer _K> ? C : never;

const Row = z.object({ id: z.int(), fare: z.number(), flag: z.string().nullable() });
const keepFare = defineTransform({
  name: "keepFare",
  columns: { column: needs("fare") },
  params: z.object({ side: z.enum(["above", "below"]).default("above"), limit: z.number() }),
  apply: (table) => table,
});

describe("a source pipe's params", () => {
  it("reports a wrong param value at that param (the errors are pinned to its line)", () => {
    pipeFrom("trips.csv", Row).transform(keepFare, {
      limit: 10,
      // @ts-expect-error Type '"abov"' is not assignable to type '"above" | "below" | undefined'
      side: "abov",
    });
    pipeFrom("trips.csv", Row).transform(keepFare, {
      // @ts-expect-error Type 'string' is not assignable to type 'number'
      limit: "10",
    });
    pipeFrom("trips.csv", Row).transform(keepFare, {
      limit: 10,
      // @ts-expect-error Object literal may only specify known properties, but 'sied' does not exist
      sied: "above",
    });
    // @ts-expect-error limit is required
    pipeFrom("trips.csv", Row).transform(keepFare, { side: "above" });
  });

  it("keeps the literal params: an output column's name", () => {
    const out = pipeFrom("trips.csv", Row).transform(isYes, { output: "is_yes" });
    expectTypeOf<PipeColumns<typeof out>>().toEqualTypeOf<"id" | "fare" | "flag" | "is_yes">();
  });
});

interface DuckReport {
  readonly sql: string;
}
interface OtherReport {
  readonly plan: number;
}
declare const trips: SourcePipe<"fare">;
declare const duck: SourcePipeEngine<DuckReport>;
declare const other: SourcePipeEngine<OtherReport>;
declare const onOther: boolean;

describe("a source pipe run on an engine", () => {
  it("adds the engine's report to the result", () => {
    expectTypeOf(trips.run({ engine: duck })).resolves.toEqualTypeOf<SourcePipeResult<"fare"> & DuckReport>();
  });

  it("takes an engine chosen at run time, its result either engine's report", () => {
    expectTypeOf(trips.run({ engine: onOther ? other : duck })).resolves.toEqualTypeOf<
      (SourcePipeResult<"fare"> & DuckReport) | (SourcePipeResult<"fare"> & OtherReport)
    >();
  });

  it("runs in process without an engine", () => {
    expectTypeOf(trips.run()).resolves.toEqualTypeOf<SourcePipeResult<"fare">>();
  });
});
