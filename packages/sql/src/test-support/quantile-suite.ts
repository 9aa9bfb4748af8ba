/** The parity of `median` and `quantile`: edge values, ties, signed zeros, infinities, and random groups. */
import { col, median, pipe, quantile } from "@tablepipe/core";
import { addGroupMeasures, aggregate, fillNull } from "@tablepipe/transforms";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { columnCells } from "./column-cells";
import { expectParity, type ParityEngine } from "./expect-parity";

const INF = Number.POSITIVE_INFINITY;
/** The fractions every case measures: the ends, the interpolation's two formulas, and one that rounds. */
const FRACTIONS = [0, 0.1, 0.25, 0.5, 0.7, 0.9, 1, 1 / 3] as const;

/** Every fraction's quantile and the median of `x`, named `q0`, `q1`, ... and `mid`. */
function measures() {
  const byFraction = FRACTIONS.map((q, i) => [`q${i}`, quantile(col("x"), q)] as const);
  return { mid: median(col("x")), ...Object.fromEntries(byFraction) };
}

/**
 * The `median` and `quantile` cases for one SQL engine, each by `key` and over the whole table, equal to the
 * in-process run bit for bit (`Object.is`), in `aggregate` and in `addGroupMeasures`.
 */
export function describeQuantileParity(engine: ParityEngine, enabled = true): void {
  /** The measures of `x` by `key` (all 1 when not given), then over the table, on the engine and in process. */
  async function quantiles(x: (number | null)[], key = x.map(() => 1)): Promise<void> {
    for (const by of [["key"], []]) {
      const p = pipe(aq.table({ key, x })).transform(aggregate, { by, measures: measures() });
      const result = await expectParity(p, engine, { key: "int", x: "float" });
      expect(result.placement.every((step) => step.engine === engine.name)).toBe(true);
      const expected = p.run().table;
      for (const name of Object.keys(measures())) {
        const [got, want] = [columnCells(result.table, name), columnCells(expected, name)];
        expect(
          got.every((v, i) => Object.is(v, want[i])),
          `${name} by [${by}]: ${got} vs ${want}`,
        ).toBe(true);
      }
    }
  }

  describe.runIf(enabled)(
    `median and quantile on ${engine.name}, as in process bit for bit`,
    { timeout: engine.timeoutMs ?? 30_000 },
    () => {
      it("picks and interpolates, nulls skipped, a group without values null", async () => {
        await quantiles([3, 1, 2, 4, null, 10, 0.1, 0.2], [1, 1, 1, 1, 1, 2, 2, 2]);
        await quantiles([null, null, 5], [1, 1, 2]);
        await quantiles([7]);
        await quantiles([0.1, 0.7, 0.3, 0.1, 0.7, 0.3, 0.7]);
      });

      it("gives a zero as 0, and a group with both infinities null", async () => {
        await quantiles([-0, 0, -0, 1], [1, 1, 2, 2]);
        await quantiles([-INF, INF, 1, INF, INF, 2, -INF], [1, 1, 2, 2, 2, 3, 3]);
        await quantiles([Number.MAX_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE]);
        await quantiles([5e-324, -5e-324, 1e-300, 3e300]);
      });

      it("holds a missing result as null, which a later step fills, not as NaN", async () => {
        const p = pipe(aq.table({ key: [1, 1, 2, 2], x: [-INF, INF, 1, 3] }))
          .transform(aggregate, {
            by: ["key"],
            measures: { mid: median(col("x")), p: quantile(col("x"), 0.3) },
          })
          .transform(fillNull, { columns: { mid: -1, p: -1 } });
        const result = await expectParity(p, engine, { key: "int", x: "float" });
        expect(result.placement.every((step) => step.engine === engine.name)).toBe(true);
        expect(columnCells(result.table, "mid")).toEqual([-1, 2]);
        expect(columnCells(result.table, "p")).toEqual([-1, 1.6]);
      });

      it("agrees on random doubles in random groups", async () => {
        const value = fc.oneof(
          fc.double({ noDefaultInfinity: true, noNaN: true }),
          fc.integer({ min: -3, max: 3 }),
          fc.constant(null),
        );
        const rows = fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), value), {
          minLength: 1,
          maxLength: 60,
        });
        await fc.assert(
          fc.asyncProperty(rows, async (pairs) => {
            await quantiles(
              pairs.map(([, v]) => v),
              pairs.map(([k]) => k),
            );
          }),
          { numRuns: Math.min(15, engine.runs) },
        );
      });

      it("spreads each group's median and quantile to its rows with addGroupMeasures", async () => {
        const x = [4, null, 1, 9, 2.5, 3, -0, 8];
        const key = [1, 1, 2, 2, 1, 2, 3, 1];
        const p = pipe(aq.table({ key, x })).transform(addGroupMeasures, {
          by: ["key"],
          measures: { mid: median(col("x")), p90: quantile(col("x"), 0.9) },
        });
        const result = await expectParity(p, engine, { key: "int", x: "float" });
        expect(result.placement.every((step) => step.engine === engine.name)).toBe(true);
        expect(Array.from(result.table.array("mid") as ArrayLike<unknown>)).toEqual([4, 4, 3, 3, 4, 3, 0, 4]);
      });
    },
  );
}
