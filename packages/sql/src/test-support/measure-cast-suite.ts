/**
 * A cast that fails inside a measure (of `aggregate` or `addGroupMeasures`) or a window's function fails on the
 * engine as in process.
 */
import { cast, col, count, max, mul, pipe, sum } from "@tablepipe/core";
import { addGroupMeasures, aggregate, cumulativeSum, lag, select, window } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { expectParity, expectSameFailure, type ParityEngine } from "./expect-parity";

/** The column types the engine loads the table with. */
const TYPES = { k: "int", x: "float", g: "string" } as const;
const table = () => aq.table({ k: [1, 2, 3], x: [1.5, 1e20, 2], g: ["7", "a", "5"] });
const rowError = (where: string, expr: string, value: string, to: string, row: number) =>
  new RegExp(
    `: ${where}: ${expr.replace(/[()]/g, "\\$&")}: cannot convert ${value} to ${to} \\(row ${row}\\)`,
  );

/**
 * The casts within `aggregate`'s and `addGroupMeasures`' measures and `window`'s functions, for one SQL engine: the in-process error with
 * its row, also when no later step reads the measure or the window column (the engine would prune it); no error,
 * and no check, where the cast cannot fail.
 */
export function describeMeasureCastErrors(engine: ParityEngine, enabled = true): void {
  describe.runIf(enabled)(
    `a cast that fails in a measure or a window function on ${engine.name}`,
    { timeout: engine.timeoutMs ?? 30_000 },
    () => {
      it("aggregate: a measure's cast, read or not by a later step, grouped or not", async () => {
        const chains = [
          [
            pipe(table()).transform(aggregate, { by: [], measures: { s: sum(cast(col("g"), "float")) } }),
            rowError('measure "s"', 'cast(col("g"), "float")', '"a"', "float", 1),
          ],
          [
            pipe(table())
              .transform(aggregate, { by: ["k"], measures: { n: count(), m: max(cast(col("g"), "int")) } })
              .transform(select, { columns: ["k", "n"] }),
            rowError('measure "m"', 'cast(col("g"), "int")', '"a"', "int", 1),
          ],
          [
            pipe(table())
              .transform(aggregate, { by: [], measures: { n: count(cast(col("g"), "boolean")) } })
              .transform(select, { columns: [] }),
            rowError('measure "n"', 'cast(col("g"), "boolean")', '"7"', "boolean", 0),
          ],
          [
            pipe(table())
              .transform(aggregate, {
                by: ["k"],
                measures: { n: count(), s: sum(cast(mul(col("x"), 2), "int")) },
              })
              .transform(select, { columns: ["n"] }),
            rowError('measure "s"', 'cast(mul(col("x"), 2), "int")', "200000000000000000000", "int", 1),
          ],
        ] as const;
        for (const [p, error] of chains) await expectSameFailure(p, engine, TYPES, error);
      });

      it("addGroupMeasures: a measure's cast, read or not by a later step, grouped or not", async () => {
        const chains = [
          [
            pipe(table()).transform(addGroupMeasures, {
              by: [],
              measures: { s: sum(cast(col("g"), "float")) },
            }),
            rowError('measure "s"', 'cast(col("g"), "float")', '"a"', "float", 1),
          ],
          [
            pipe(table())
              .transform(addGroupMeasures, { by: ["k"], measures: { m: max(cast(col("g"), "int")) } })
              .transform(select, { columns: ["k", "x"] }),
            rowError('measure "m"', 'cast(col("g"), "int")', '"a"', "int", 1),
          ],
        ] as const;
        for (const [p, error] of chains) await expectSameFailure(p, engine, TYPES, error);
      });

      it("window: a function's cast, read or not by a later step", async () => {
        const chains = [
          [
            pipe(table()).transform(window, {
              partitionBy: [],
              orderBy: ["k"],
              columns: { s: cumulativeSum(cast(col("g"), "float")) },
            }),
            rowError('column "s"', 'cast(col("g"), "float")', '"a"', "float", 1),
          ],
          [
            pipe(table())
              .transform(window, {
                partitionBy: ["k"],
                orderBy: [],
                columns: { p: lag(cast(col("g"), "int")) },
              })
              .transform(select, { columns: ["k"] }),
            rowError('column "p"', 'cast(col("g"), "int")', '"a"', "int", 1),
          ],
        ] as const;
        for (const [p, error] of chains) await expectSameFailure(p, engine, TYPES, error);
      });

      it("a cast that cannot fail, or of values that convert: the same rows, every step on the engine", async () => {
        const pipes = [
          pipe(table()).transform(aggregate, {
            by: ["g"],
            measures: { s: sum(cast(col("k"), "float")), m: max(cast(col("k"), "int")) },
          }),
          pipe(aq.table({ k: [1, 2], x: [1.5, 2], g: ["7", " 5 "] })).transform(aggregate, {
            by: [],
            measures: { s: sum(cast(col("g"), "int")), m: max(cast(col("x"), "int")) },
          }),
          pipe(aq.table({ k: [1, 2, 1], x: [1.5, 2, 3], g: ["7", " 5 ", "-1"] })).transform(
            addGroupMeasures,
            {
              by: ["k"],
              measures: { s: sum(cast(col("g"), "int")), m: max(cast(col("x"), "int")) },
            },
          ),
          pipe(aq.table({ k: [1, 2], x: [1.5, 2], g: ["7", "-2.5"] })).transform(window, {
            partitionBy: [],
            orderBy: ["k"],
            columns: { s: cumulativeSum(cast(col("g"), "float")), p: lag(cast(col("x"), "int")) },
          }),
        ];
        for (const p of pipes) {
          const result = await expectParity(p, engine, TYPES);
          expect(result.placement.every((step) => step.engine === engine.name)).toBe(true);
        }
      });
    },
  );
}
