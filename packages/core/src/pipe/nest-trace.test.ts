import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { defineTransform } from "../transform/define-transform";
import { compose } from "./compose";
import { nestTrace, type RanStep } from "./nest-trace";
import { flattenPlan } from "./optimize";
import { planSteps } from "./plan";
import { step } from "./step";
import type { TraceEntry } from "./trace";

const noop = (name: string) => defineTransform({ name, apply: (table) => table });
const [a, b, c, d] = [noop("a"), noop("b"), noop("c"), noop("d")];
const inner = compose({ name: "inner", steps: [step(a), step(b)] });
const outer = compose({ name: "outer", steps: [step(inner), step(c)] });
const columns = aq.table({ x: [1] }).columnNames();

/** A primitive's entry: rows in → out, and milliseconds. */
const ran = (path: string, rowsIn: number, rowsOut: number, ms = 1): RanStep => ({
  path,
  entry: { step: path.split(" > ").at(-1) as string, transform: "t", rowsIn, rowsOut, ms, children: [] },
});
const shape = (entries: readonly TraceEntry[]): unknown[] =>
  entries.map((e) =>
    e.children.length === 0 ? e.step : [e.step, e.rowsIn, e.rowsOut, e.ms, shape(e.children)],
  );

describe("nestTrace", () => {
  it("nests primitive entries under their composites, spanning rows and summing milliseconds", () => {
    const planned = planSteps(columns, [step(outer), step(d)]);
    expect(flattenPlan(planned).map((s) => s.path)).toEqual([
      "outer > inner > a",
      "outer > inner > b",
      "outer > c",
      "d",
    ]);
    const trace = nestTrace(planned, [
      ran("outer > inner > a", 10, 8),
      ran("outer > inner > b", 8, 5),
      ran("outer > c", 5, 4),
      ran("d", 4, 4),
    ]);
    expect(shape(trace)).toEqual([["outer", 10, 4, 3, [["inner", 10, 5, 2, ["a", "b"]], "c"]], "d"]);
  });

  it("keeps the order steps ran in when an engine reordered them within a composite", () => {
    const planned = planSteps(columns, [step(inner), step(d)]);
    const trace = nestTrace(planned, [ran("inner > b", 10, 7), ran("inner > a", 7, 6), ran("d", 6, 6)]);
    expect(shape(trace)).toEqual([["inner", 10, 6, 2, ["b", "a"]], "d"]);
  });

  it("tells apart two steps with the same path, in order", () => {
    const planned = planSteps(columns, [step(a), step(a)]);
    const trace = nestTrace(planned, [ran("a", 9, 8), ran("a", 8, 3)]);
    expect(trace.map((e) => [e.rowsIn, e.rowsOut])).toEqual([
      [9, 8],
      [8, 3],
    ]);
  });

  it("refuses an entry for a step the plan does not have, naming it", () => {
    expect(() => nestTrace(planSteps(columns, [step(a)]), [ran("zzz", 1, 1)])).toThrow(/"zzz"/);
  });
});
