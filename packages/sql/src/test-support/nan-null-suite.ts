/** NaN is a missing value on the engines, as in process: computed by arithmetic or a sum, or read from a table. */
import {
  add,
  coalesce,
  col,
  count,
  gt,
  isNull,
  max,
  mean,
  min,
  type Pipe,
  type PipeResult,
  pipe,
  sum,
} from "@tablepipe/core";
import {
  aggregate,
  cumulativeSum,
  derive,
  dropDuplicates,
  dropMissing,
  fillNull,
  filter,
  join,
  rank,
  rollingMean,
  rollingSum,
  sortRows,
  window,
} from "@tablepipe/transforms";
import type { ColumnTable } from "arquero";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { copyAs } from "./copy-as";
import { expectParity, type ParityEngine } from "./expect-parity";
import { expectSameTable } from "./same-table";

/** The rows a table source of the engine holds (`NAN_ROWS`): x a DOUBLE with NaN, y one with nulls. */
export const NAN_ROWS = {
  k: [1, 2, 3, 4, 5, 6],
  g: ["a", "a", "b", "b", "c", "c"],
  x: [Number.NaN, 2, -1, Number.NaN, 3, 2],
  y: [null, 1, null, 4, 5, null],
} as const;

/** `NAN_ROWS` as an in-process table. */
export const nanTable = (): ColumnTable =>
  aq.table({ k: [...NAN_ROWS.k], g: [...NAN_ROWS.g], x: [...NAN_ROWS.x], y: [...NAN_ROWS.y] });

/** The column types the engine loads `NAN_ROWS` and `infinities()` with. */
export const NAN_TYPES = { k: "int", g: "string", x: "float", y: "float", w: "float" } as const;

/** Infinities: x + w is NaN on rows 1 and 3 (`Infinity + -Infinity`), group b sums +Infinity and -Infinity. */
const infinities = () =>
  aq.table({
    k: [1, 2, 3, 4, 5, 6],
    g: ["a", "b", "b", "a", "c", "c"],
    x: [Infinity, Infinity, -Infinity, 1, 3, 2],
    y: [null, 1, null, 4, 5, null],
    w: [-Infinity, 0, Infinity, 0, 1, 0],
  });

/** The right table of the joins: a NaN key never matches, in process (a missing value) as on the engines. */
const labels = () => aq.table({ x: [2, Number.NaN, -1], label: ["two", "nan", "minus one"] });

/**
 * The pipes over `start`'s column `x` (holding NaN; a column holding null and NaN together is
 * `describeMissingOrderParity`'s): the measures, the null tests and fills, a filter, sorts, a dedupe and grouping
 * by it, a join on it, and a running sum and a rank over it.
 */
export function nanPipes(start: () => Pipe<string>): readonly Pipe<string>[] {
  const measures = {
    c: count(col("x")),
    s: sum(col("x")),
    m: mean(col("x")),
    lo: min(col("x")),
    hi: max(col("x")),
  };
  return [
    start().transform(aggregate, { by: [], measures }),
    start().transform(aggregate, { by: ["g"], measures }),
    start().transform(derive, {
      columns: { missing: isNull(col("x")), either: coalesce(col("x"), col("y")), positive: gt(col("x"), 0) },
    }),
    start().transform(dropMissing, { columns: ["x"] }),
    start().transform(fillNull, { columns: { x: 0 } }),
    start().transform(filter, { where: gt(col("x"), 0) }),
    start().transform(sortRows, { by: ["x"] }),
    start().transform(sortRows, { by: ["x"], descending: ["x"] }),
    start().transform(dropDuplicates, { subset: ["x"] }),
    start().transform(aggregate, { by: ["x"], measures: { n: count() } }),
    start().transform(join, { right: labels(), on: ["x"], how: "left" }),
    start().transform(join, { right: labels(), on: ["x"], how: "anti" }),
    start().transform(window, {
      columns: { running: cumulativeSum(col("x")), r: rank() },
      partitionBy: [],
      orderBy: ["x"],
    }),
    start().transform(window, {
      columns: { running: cumulativeSum(col("x")) },
      partitionBy: ["g"],
      orderBy: ["k"],
    }),
  ];
}

/** A pipe run on the engine, its placement listed. */
type EngineResult = PipeResult<string> & {
  readonly placement: readonly { readonly step: string; readonly engine: string }[];
};

/**
 * Assert the engine's result of `p` is the in-process one, and, given `engine`, that every step ran there (a
 * source whose column types the compiler does not know, a Spark table, leaves some steps, `fillNull`, in process).
 */
export function expectNaNParity(p: Pipe<string>, result: EngineResult, engine?: string): void {
  expectSameTable(result.table, p.run().table);
  if (engine !== undefined) expect(result.placement.every((step) => step.engine === engine)).toBe(true);
}

/**
 * NaN the engine computes (`Infinity + -Infinity` in arithmetic, a `sum`, `mean` or `cumulativeSum` of +Infinity
 * and -Infinity) is a missing value, as in process: `count` skips it, `sum`/`mean`/`min`/`max` skip it, `isNull`
 * is true, `dropMissing`, `coalesce` and `fillNull` treat it as missing, a filter `> 0` drops it, a sort puts it
 * among the missing values, grouping and dedupe hold it as the missing key, and a join never matches it.
 */
export function describeNaNAsNullParity(engine: ParityEngine, enabled = true): void {
  describe.runIf(enabled)(
    `a NaN ${engine.name} computes is a missing value, as in process`,
    { timeout: engine.timeoutMs ?? 30_000 },
    () => {
      const onEngine = async (p: Pipe<string>) => {
        const result = await expectParity(p, engine, NAN_TYPES);
        expect(result.placement.every((step) => step.engine === engine.name)).toBe(true);
        return result;
      };

      it("Infinity + -Infinity: the measures, null tests, fills, filters, sorts, keys and windows over it", async () => {
        const start = () => pipe(infinities()).transform(derive, { columns: { x: add(col("x"), col("w")) } });
        for (const p of nanPipes(start)) await onEngine(p);
      });

      it("a sum, mean and running sum of +Infinity and -Infinity is null, and so is what reads it", async () => {
        const sums = await onEngine(
          pipe(infinities())
            .transform(aggregate, {
              by: ["g"],
              measures: { s: sum(col("x")), m: mean(col("x")), c: count(col("x")) },
            })
            .transform(derive, { columns: { missing: isNull(col("s")), either: coalesce(col("m"), -1) } }),
        );
        expect(sums.table.objects()[1]).toMatchObject({
          g: "b",
          s: null,
          m: null,
          missing: true,
          either: -1,
        });
        await onEngine(
          pipe(infinities())
            .transform(window, {
              columns: { running: cumulativeSum(col("x")) },
              partitionBy: [],
              orderBy: ["k"],
            })
            .transform(aggregate, { by: [], measures: { c: count(col("running")), s: sum(col("running")) } }),
        );
        // a rolling frame holding +Infinity and -Infinity is null, the frames after it are not
        const rolling = await onEngine(
          pipe(infinities()).transform(window, {
            columns: { recent: rollingSum(col("x"), 2), typical: rollingMean(col("x"), 2) },
            partitionBy: [],
            orderBy: ["k"],
          }),
        );
        expect(rolling.table.array("recent")).toEqual([Infinity, Infinity, null, -Infinity, 4, 5]);
        expect(rolling.table.array("typical")).toEqual([Infinity, Infinity, null, -Infinity, 2, 2.5]);
        // a user's step gives u, a DOUBLE of a type the compiler does not know: its sums are tested alike
        const untyped = await onEngine(
          pipe(infinities())
            .transform(copyAs, { column: "x", output: "u", sqlType: "DOUBLE" })
            .transform(aggregate, { by: ["g"], measures: { s: sum(col("u")), m: mean(col("u")) } }),
        );
        expect(untyped.table.objects()[1]).toMatchObject({ g: "b", s: null, m: null });
      });
    },
  );
}
