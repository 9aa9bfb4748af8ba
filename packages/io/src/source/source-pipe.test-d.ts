import { describe, expectTypeOf, it } from "vitest";
import type { SourcePipeEngine, SourcePipeResult } from "./source-engine";
import type { SourcePipe } from "./source-pipe";

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
