/**
 * The sign of a float's zero through the steps that sort, and a `first`/`last` after them, bit for bit; and a
 * group's key and a distinct row, where it is 0.
 */
import { col, count, first, last, max, min, type Pipe, pipe } from "@tablepipe/core";
import {
  addGroupMeasures,
  aggregate,
  cumulativeMax,
  cumulativeMin,
  dropDuplicates,
  firstNPerGroup,
  pivot,
  rollingMax,
  rollingMin,
  rowNumber,
  sortRows,
  topNPerGroup,
  window,
} from "@tablepipe/transforms";
import type { ColumnTable } from "arquero";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { copyAs } from "./copy-as";
import { expectParity, type ParityEngine } from "./expect-parity";

/** The column types the engine loads the table with. */
const TYPES = { k: "int", g: "string", x: "float", y: "float", n: "string" } as const;

/** x holds `-0` (first in every group), `0` and other numbers. */
const zeros = () =>
  aq.table({
    k: [1, 2, 3, 4, 5, 6],
    g: ["a", "a", "b", "b", "c", "a"],
    x: [-0, 1.5, -0, 0, -0, 0],
  });

/** A column's cells as compared: numbers as they are, `-0` told from `0` (`Object.is`); missing values null. */
function signedCells(table: ColumnTable, name: string): unknown[] {
  return Array.from(table.array(name) as ArrayLike<unknown>, (v) =>
    Object.is(v, -0) ? "-0" : v === undefined || Number.isNaN(v) ? null : v,
  );
}

/** The steps that sort by the float column x (or by its partitions), each then its first and last x per group. */
function sortingPipes(start: () => Pipe<string>, x: string): readonly Pipe<string>[] {
  const sorted = [
    start().transform(sortRows, { by: ["g"] }),
    start().transform(sortRows, { by: [x] }),
    start().transform(sortRows, { by: [x], descending: [x] }),
    start().transform(window, { columns: { n: rowNumber() }, partitionBy: ["g"], orderBy: [x] }),
    start().transform(window, { columns: { n: rowNumber() }, partitionBy: [x], orderBy: ["k"] }),
    start().transform(firstNPerGroup, { keys: ["g"], orderBy: [x], n: 2 }),
    start().transform(topNPerGroup, { keys: [x], orderBy: ["k"], descending: ["k"], n: 1 }),
    start().transform(dropDuplicates, { subset: [x] }),
  ];
  const measures = { f: first(col(x)), l: last(col(x)) };
  return [
    start().transform(aggregate, { by: ["g"], measures }),
    ...sorted,
    ...sorted.map((p) => p.transform(aggregate, { by: ["g"], measures })),
    ...sorted.map((p) => p.transform(aggregate, { by: [], measures })),
  ];
}

/**
 * A float's `-0` stays `-0` through `sortRows`, `window`, `firstNPerGroup`, `topNPerGroup` and a dedupe on some
 * columns, and a `first`/`last` after them gives it, on the engine as in process (DuckDB's sort gave a sort key's
 * `-0` back as `0`), for a float column and for one of a type the compiler does not know (a user's step's DOUBLE);
 * and a float key of `aggregate` or `pivot`, a float cell of a dedupe on every column, or a float `min`/`max`, is
 * `0` where it is a zero, as Spark's `GROUP BY` gives it (DuckDB's gave the sign of whichever row its hash table met first).
 */
export function describeSignedZeroParity(engine: ParityEngine, enabled = true): void {
  describe.runIf(enabled)(
    `a float's -0 stays -0 through the steps that sort, on ${engine.name} as in process`,
    { timeout: engine.timeoutMs ?? 30_000 },
    () => {
      const expectSigns = async (p: Pipe<string>, columns: readonly string[]) => {
        const reference = p.run().table;
        const result = await expectParity(p, engine, TYPES);
        expect(result.placement.every((step) => step.engine === engine.name)).toBe(true);
        for (const name of columns.filter((c) => reference.columnNames().includes(c))) {
          expect([name, ...signedCells(result.table, name)]).toEqual([name, ...signedCells(reference, name)]);
        }
      };

      it("a float column: the sorted rows and a first and last after them", async () => {
        for (const p of sortingPipes(() => pipe(zeros()), "x")) await expectSigns(p, ["x", "f", "l"]);
      });

      it("a group's float key and a distinct row's float cells: a zero is 0, whichever row came first", async () => {
        // x's zeros: -0 first, -0 alone in its group, -0 after 0; y: a float the dedupe keeps beside them
        for (const x of [
          [-0, 0, 0, 1.5],
          [1.5, -0, 2, 3],
          [0, -0, -0, 1.5],
        ]) {
          const t = aq.table({ x, y: [-0, -0, 0, 2], n: ["a", "b", "a", "b"] });
          const pipes = [
            pipe(t).transform(aggregate, { by: ["x"], measures: { c: count(), f: first(col("y")) } }),
            pipe(t).transform(aggregate, { by: ["n"], measures: { lo: min(col("x")), hi: max(col("y")) } }),
            pipe(t).transform(aggregate, { by: ["n", "x"], measures: { c: count() } }),
            pipe(t).transform(pivot, {
              by: ["x"],
              namesFrom: "n",
              valuesFrom: "y",
              names: ["a", "b"],
              aggregate: "count",
            }),
            pipe(t).transform(dropDuplicates, {}),
            pipe(t.select("x")).transform(dropDuplicates, {}),
          ];
          for (const p of pipes) {
            const reference = p.run().table;
            for (const name of ["x", "lo", "hi"].filter((c) => reference.columnNames().includes(c))) {
              expect([name, ...signedCells(reference, name)]).not.toContain("-0");
            }
            await expectSigns(p, ["x", "y", "f", "lo", "hi"]);
          }
          // each row keeps its own key, -0 or 0, and the measures of the one group of both
          const onRows = pipe(t).transform(addGroupMeasures, {
            by: ["x"],
            measures: { c: count(), f: first(col("y")), lo: min(col("y")) },
          });
          const zeros = x.filter((v) => v === 0).length;
          expect(x.map((v, i) => (v === 0 ? onRows.run().table.get("c", i) : zeros))).toEqual(
            x.map(() => zeros),
          );
          await expectSigns(onRows, ["x", "y", "f", "lo"]);
        }
      });

      it("a float rolling or cumulative min or max: a zero is 0, whichever of the frame's zeros came first", async () => {
        const t = aq.table({ k: [1, 2, 3, 4, 5], x: [-0, 0, -0, 1.5, -0], y: [0, -0, -0, -1, -0] });
        const p = pipe(t).transform(window, {
          partitionBy: [],
          orderBy: ["k"],
          columns: {
            lo: rollingMin(col("x"), 2),
            hi: rollingMax(col("y"), 3),
            own: rollingMax(col("x"), 1),
            low: cumulativeMin(col("y")),
            high: cumulativeMax(col("x")),
          },
        });
        const reference = p.run().table;
        for (const name of ["lo", "hi", "own", "low", "high"])
          expect(signedCells(reference, name)).not.toContain("-0");
        await expectSigns(p, ["x", "y", "lo", "hi", "own", "low", "high"]);
      });

      it("a DOUBLE of a type the compiler does not know: the same", async () => {
        const start = () => pipe(zeros()).transform(copyAs, { column: "x", output: "u", sqlType: "DOUBLE" });
        for (const p of sortingPipes(start, "u")) await expectSigns(p, ["x", "u", "f", "l"]);
      });
    },
  );
}
