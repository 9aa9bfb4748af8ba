import { col, compose, defineTransform, gt, pipe, step } from "@tablepipe/core";
import { flattenPlan, planSteps } from "@tablepipe/core/internal";
import { dropDuplicates, filter } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { compilePipe } from "./compile-pipe";
import { finishEngineRun, pushedDownTrace } from "./finish-engine-run";

describe("finishEngineRun", () => {
  it("runs the steps after the rendered prefix in process, nests the trace and places each step", () => {
    const keepAll = defineTransform({ name: "keepAll", apply: (table) => table });
    const clean = compose({ name: "clean", steps: [step(dropDuplicates), step(keepAll)] });
    const source = aq.table({ id: [1, 1, 2, 3], amount: [5, 5, 20, 30] });
    const p = pipe(source)
      .transform(clean)
      .transform(filter, { where: gt(col("amount"), 10) });
    const planned = planSteps(source.columnNames(), p.steps);
    const flat = flattenPlan(planned);
    const compiled = compilePipe(source.columnNames(), flat, {
      dialect: "duckdb",
      sourceRelation: "input",
      lookupRelation: (i) => `lookup_${i}`,
      numberRows: (relation) => `SELECT * FROM "${relation}"`,
    });
    expect(compiled.renderedSteps).toBe(1); // dropDuplicates; keepAll has no rendering
    // what the engine gave back: the deduplicated rows, and its count query's one row
    const engineTable = aq.table({ id: [1, 2, 3], amount: [5, 20, 30] });
    const pushed = pushedDownTrace(compiled, { n0: 4, n1: 3 });
    const done = finishEngineRun("duckdb", planned, flat, compiled, engineTable, pushed);
    expect(done.table.objects()).toEqual([
      { id: 2, amount: 20 },
      { id: 3, amount: 30 },
    ]);
    expect(done.placement.map((s) => [s.step, s.engine])).toEqual([
      ["clean > dropDuplicates", "duckdb"],
      ["clean > keepAll", "in-process"],
      ["filter", "in-process"],
    ]);
    expect(done.trace.map((e) => [e.step, e.rowsIn, e.rowsOut, e.children.map((c) => c.step)])).toEqual([
      ["clean", 4, 3, ["dropDuplicates", "keepAll"]],
      ["filter", 3, 2, []],
    ]);
    expect(done.trace[0]?.children[0]?.ms).toBe(0);
  });
});
