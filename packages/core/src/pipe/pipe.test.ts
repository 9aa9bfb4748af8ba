import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { typedTable } from "../schema/typed-table";
import { adds, needs, needsEach } from "../transform/column-params";
import { defineTransform } from "../transform/define-transform";
import { MissingColumnsError, TransformParamError } from "../transform/errors";
import { compose } from "./compose";
import { type PipeEngine, pipe } from "./pipe";
import { step } from "./step";
import { StepFailedError } from "./step-failed-error";
import { formatFunnel, type TraceEntry } from "./trace";

const keepBelow = defineTransform({
  name: "keepBelow",
  columns: { column: needs("x") },
  params: z.object({ max: z.number().default(3) }),
  apply: (table, { column, max }) => table.filter(aq.escape((d: Record<string, number>) => d[column]! < max)),
});
const double = defineTransform({
  name: "double",
  columns: { source: needs("x"), output: adds("y") },
  apply: (table, { source, output }) =>
    table.derive({ [output]: aq.escape((d: Record<string, number>) => d[source]! * 2) }),
});
const explode = defineTransform({
  name: "explode",
  apply: () => {
    throw new RangeError("boom");
  },
});

const numbers = () => aq.table({ x: [1, 2, 3, 4, 5] });

describe("pipe", () => {
  it("chains transforms with params, like the guide's .transform()", () => {
    const out = pipe(numbers()).transform(keepBelow, { max: 4 }).transform(double).value();
    expect(out.objects()).toEqual([
      { x: 1, y: 2 },
      { x: 2, y: 4 },
      { x: 3, y: 6 },
    ]);
  });

  it("is immutable: each .transform() returns a new pipe", () => {
    const base = pipe(numbers()).transform(keepBelow);
    const longer = base.transform(double);
    expect(base.steps).toHaveLength(1);
    expect(longer.steps).toHaveLength(2);
  });

  it("checks every step's columns before running any step", () => {
    let ran = 0;
    const counting = defineTransform({
      name: "counting",
      apply: (table) => {
        ran += 1;
        return table;
      },
    });
    const needsY = defineTransform({ name: "needsY", columns: { column: needs("y") }, apply: (t) => t });
    const bad = pipe(numbers()).transform(counting).transform(needsY).transform(double);
    expect(() => bad.value()).toThrow(MissingColumnsError);
    expect(() => bad.value()).toThrow('needsY: missing column "y"; available: x');
    expect(ran).toBe(0);
  });

  it("checks params before running any step", () => {
    const bad = pipe(numbers())
      .transform(double)
      .transform(keepBelow, { max: "3" as never });
    expect(() => bad.check()).toThrow(TransformParamError);
    expect(() => bad.check()).toThrow(/^keepBelow: param "max"/);
  });

  it("check() returns the output columns without running", () => {
    expect(pipe(numbers()).transform(double, { output: "z" }).check()).toEqual(["x", "z"]);
  });

  it("records a trace: step, rows in, rows out, milliseconds", () => {
    const { trace } = pipe(numbers()).transform(keepBelow, { max: 3 }).transform(double).run();
    expect(trace.map(({ step, rowsIn, rowsOut }) => ({ step, rowsIn, rowsOut }))).toEqual([
      { step: "keepBelow", rowsIn: 5, rowsOut: 2 },
      { step: "double", rowsIn: 2, rowsOut: 2 },
    ]);
    for (const entry of trace) expect(entry.ms).toBeGreaterThanOrEqual(0);
  });

  it("labels steps with the column params named explicitly", () => {
    const { trace } = pipe(numbers())
      .transform(double, { output: "z" })
      .transform(keepBelow, { column: "z" })
      .run();
    expect(trace.map((e) => e.step)).toEqual(["double(z)", "keepBelow(z)"]);
    const many = defineTransform({ name: "many", columns: { cols: needsEach([]) }, apply: (t) => t });
    const wide = aq.table({ a: [1], b: [1], c: [1], d: [1] });
    expect(
      pipe(wide)
        .transform(many, { cols: ["a", "b"] })
        .run().trace[0]?.step,
    ).toBe("many(a+b)");
    expect(
      pipe(wide)
        .transform(many, { cols: ["a", "b", "c", "d"] })
        .run().trace[0]?.step,
    ).toBe("many(4 columns)");
  });

  it("names each column once in a label, though two column params name it", () => {
    const order = defineTransform({
      name: "order",
      columns: { by: needsEach([]), descending: needsEach([]) },
      apply: (t) => t,
    });
    const wide = aq.table({ a: [1], b: [1] });
    const label = (by: string[], descending: string[]) =>
      pipe(wide).transform(order, { by, descending }).run().trace[0]?.step;
    expect(label(["a"], ["a"])).toBe("order(a)");
    expect(label(["a", "b"], ["b"])).toBe("order(a+b)");
    expect(label(["a"], ["b"])).toBe("order(a, b)");
  });

  it("wraps an implementation's error with the step's path, keeping the cause", () => {
    const run = () => pipe(numbers()).transform(explode).value();
    expect(run).toThrow(StepFailedError);
    expect(run).toThrow("explode: boom");
    try {
      run();
    } catch (error) {
      expect((error as Error).cause).toBeInstanceOf(RangeError);
    }
  });
});

describe("StepFailedError", () => {
  const named = defineTransform({
    name: "named",
    columns: { column: needs("x") },
    apply: (_table, { column }) => {
      throw new Error(`named: column "${column}" is bad`);
    },
  });
  const outer = compose({ name: "outer", steps: [step(named)] });

  it("does not repeat the transform's name the step's label already gives", () => {
    expect(() => pipe(numbers()).transform(named).value()).toThrow(/^named: column "x" is bad$/);
    expect(() => pipe(numbers()).transform(named, { column: "x" }).value()).toThrow(
      /^named\(x\): column "x" is bad$/,
    );
    expect(() => pipe(numbers()).transform(outer).value()).toThrow(/^outer > named: column "x" is bad$/);
  });

  it("is what the pre-flight throws, before any step runs, when a step's check refuses its params", () => {
    let ran = 0;
    const counted = defineTransform({
      name: "counted",
      apply: (t) => {
        ran++;
        return t;
      },
    });
    const atMost = defineTransform({
      name: "atMost",
      columns: { column: needs("x") },
      params: z.object({ max: z.union([z.number(), z.string()]) }),
      check: ({ column, max }, input) => {
        if (input[column]?.type === "int" && typeof max !== "number")
          throw new TypeError(`atMost: column "${column}" holds numbers, but max is a ${typeof max}`);
      },
      apply: (table) => table,
    });
    const both = compose({ name: "both", steps: [step(counted), step(atMost, { max: "3" })] });
    const p = pipe(typedTable(numbers(), { x: { type: "int", nullable: false } })).transform(both);
    expect(() => p.check()).toThrow(StepFailedError);
    expect(() => p.run()).toThrow(/^both > atMost: column "x" holds numbers, but max is a string$/);
    expect(() => atMost(numbers(), { max: "3" })).toThrow(TypeError);
    expect(ran).toBe(0);
    expect(pipe(numbers()).transform(atMost, { max: 3 }).run().table.numRows()).toBe(5);
  });

  it("keeps the transform's name under a label of the caller's", () => {
    const cleanup = step(named).as("cleanup");
    expect(() =>
      pipe(numbers())
        .transform(compose({ name: "c", steps: [cleanup] }))
        .value(),
    ).toThrow(/^c > cleanup: named: column "x" is bad$/);
  });
});

describe("compose", () => {
  const prepare = compose({
    name: "prepare",
    params: z.object({ max: z.number().default(3) }),
    steps: (p) => [step(keepBelow, { max: p.max }), step(double)],
  });

  it("is a transform: callable directly, with its own validated params", () => {
    expect(prepare(numbers(), { max: 2 }).objects()).toEqual([{ x: 1, y: 2 }]);
    expect(() => prepare(numbers(), { max: "2" as never })).toThrow(/^prepare: param "max"/);
  });

  it("nests its steps in the trace", () => {
    const { trace } = pipe(numbers()).transform(prepare, { max: 4 }).run();
    expect(trace).toHaveLength(1);
    expect(trace[0]).toMatchObject({ step: "prepare", rowsIn: 5, rowsOut: 3 });
    expect(trace[0]?.children.map((c) => [c.step, c.rowsIn, c.rowsOut])).toEqual([
      ["keepBelow", 5, 3],
      ["double", 3, 3],
    ]);
  });

  it("names the path to the inner step when its columns are missing", () => {
    const run = () =>
      pipe(aq.table({ w: [1] }))
        .transform(prepare)
        .value();
    expect(run).toThrow('prepare > keepBelow: missing column "x"; available: w');
  });

  it("names the path when an inner step's params are bad", () => {
    const broken = compose({ name: "broken", steps: [step(keepBelow, { max: "x" as never })] });
    expect(() => pipe(numbers()).transform(broken).check()).toThrow(/^broken > keepBelow: param "max"/);
  });

  it("folds the inner contracts into its own", () => {
    const needsY = defineTransform({ name: "needsY", columns: { column: needs("y") }, apply: (t) => t });
    const inner = compose({ name: "inner", steps: [step(double), step(needsY)] });
    expect(inner.contract(inner.resolveParams({}))).toEqual({ needs: ["x"], adds: ["y"], removes: [] });
  });

  it("composes composites", () => {
    const outer = compose({
      name: "outer",
      steps: [step(prepare, { max: 5 }), step(double, { source: "y", output: "z" })],
    });
    const { table, trace } = pipe(numbers()).transform(outer).run();
    expect(table.array("z")).toEqual([4, 8, 12, 16]);
    expect(trace[0]?.children[0]?.children.map((c) => c.step)).toEqual(["keepBelow", "double"]);
  });
});

describe("runStepwise", () => {
  const inner = compose({
    name: "prepare",
    params: z.object({ max: z.number().default(3) }),
    steps: (p) => [step(keepBelow, { max: p.max }), step(double)],
  });
  const outer = compose({
    name: "outer",
    steps: [step(inner, { max: 5 }), step(double, { source: "y", output: "z" })],
  });
  const strip = (entries: readonly TraceEntry[]): unknown =>
    entries.map((e) => ({ ...e, ms: 0, children: strip(e.children) }));

  it("gives run()'s table and trace, pausing once before each step, composites walked into", async () => {
    const pipeline = pipe(numbers()).transform(outer).transform(keepBelow, { column: "z", max: 13 });
    let pauses = 0;
    const stepwise = await pipeline.runStepwise(async () => {
      pauses += 1;
    });
    const plain = pipeline.run();
    expect(stepwise.table.objects()).toEqual(plain.table.objects());
    expect(strip(stepwise.trace)).toEqual(strip(plain.trace));
    expect(pauses).toBe(4); // keepBelow, double, double (inside outer), then keepBelow
  });

  it("stops between steps when the pause rejects, running no further step", async () => {
    const ran: string[] = [];
    const noting = (name: string) =>
      defineTransform({
        name,
        apply: (table) => {
          ran.push(name);
          return table;
        },
      });
    const run = pipe(numbers())
      .transform(noting("a"))
      .transform(noting("b"))
      .runStepwise(async () => {
        if (ran.length === 1) throw new Error("stopped");
      });
    await expect(run).rejects.toThrow("stopped");
    expect(ran).toEqual(["a"]);
  });
});

describe("run's signal", () => {
  const ran: string[] = [];
  const noting = (name: string, after?: () => void) =>
    defineTransform({
      name,
      apply: (table) => {
        ran.push(name);
        after?.();
        return table;
      },
    });

  it("rejects with an aborted signal's reason before any step runs, in process or on an engine", async () => {
    ran.length = 0;
    const engine: PipeEngine = {
      name: "fake",
      runPipe: async (p) => p.run(),
    };
    const p = pipe(numbers()).transform(noting("a"));
    const signal = AbortSignal.abort(new Error("interrupted"));
    await expect(p.run({ signal })).rejects.toThrow("interrupted");
    await expect(p.run({ engine, signal })).rejects.toThrow("interrupted");
    expect(ran).toEqual([]);
  });

  it("in process, stops between steps once aborted; a signal never aborted runs them all", async () => {
    ran.length = 0;
    const controller = new AbortController();
    const p = pipe(numbers())
      .transform(noting("a", () => controller.abort(new Error("interrupted by SIGINT"))))
      .transform(noting("b"));
    await expect(p.run({ signal: controller.signal })).rejects.toThrow("interrupted by SIGINT");
    expect(ran).toEqual(["a"]);
    const { table, trace } = await pipe(numbers())
      .transform(keepBelow)
      .run({ signal: new AbortController().signal });
    expect(table.numRows()).toBe(2);
    expect(trace.map((e) => e.step)).toEqual(["keepBelow"]);
  });

  it("is passed to the engine", async () => {
    const seen: (AbortSignal | undefined)[] = [];
    const engine: PipeEngine<{ engine: string }> = {
      name: "fake",
      runPipe: async (p, run) => {
        seen.push(run?.signal);
        return { ...p.run(), engine: "fake" };
      },
    };
    const signal = new AbortController().signal;
    const result = await pipe(numbers()).transform(keepBelow).run({ engine, signal });
    expect(result.engine).toBe("fake");
    await pipe(numbers()).run({ engine });
    expect(seen).toEqual([signal, undefined]);
  });
});

describe("formatFunnel", () => {
  it("aligns one line per step with counts, change and time", () => {
    const lines = formatFunnel([
      {
        step: "filterData",
        transform: "filterData",
        rowsIn: 1_000_000,
        rowsOut: 612_340,
        ms: 120.4,
        children: [
          {
            step: "limitHistory",
            transform: "limitHistory",
            rowsIn: 1_000_000,
            rowsOut: 612_340,
            ms: 100,
            children: [],
          },
        ],
      },
      { step: "addFeatures", transform: "addFeatures", rowsIn: 0, rowsOut: 0, ms: 1, children: [] },
    ]);
    expect(lines).toEqual([
      "filterData      1,000,000 → 612,340  (-38.8%)  120 ms",
      "  limitHistory  1,000,000 → 612,340  (-38.8%)  100 ms",
      "addFeatures             0 →       0     (n/a)    1 ms",
    ]);
  });

  it("shows an unchanged count as 0.0%", () => {
    expect(formatFunnel([{ step: "a", transform: "a", rowsIn: 3, rowsOut: 3, ms: 0, children: [] }])).toEqual(
      ["a  3 → 3  (0.0%)  0 ms"],
    );
  });
});
