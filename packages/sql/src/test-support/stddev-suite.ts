/** The parity of `stddev` on edge values: infinities, huge values whose squares overflow, tiny ones. */
import { col, pipe, stddev } from "@tablepipe/core";
import { aggregate } from "@tablepipe/transforms";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { expectParity, type ParityEngine } from "./expect-parity";

const INF = Number.POSITIVE_INFINITY;

/**
 * The `stddev` cases for one SQL engine, each by `key` and over the whole table, equal to the in-process run bit
 * for bit (`Object.is`): null for a group holding an infinity, finite for huge values, exact for tiny ones,
 * Infinity past the largest double.
 */
export function describeStddevParity(engine: ParityEngine, enabled = true): void {
  /** The stddev of `amount` by `key` (all 1 when not given), then over the table, on the engine. */
  async function spreads(amount: (number | null)[], key = amount.map(() => 1)): Promise<unknown[][]> {
    const results: unknown[][] = [];
    for (const by of [["key"], []]) {
      const p = pipe(aq.table({ key, amount })).transform(aggregate, {
        by,
        measures: { spread: stddev(col("amount")) },
      });
      const result = await expectParity(p, engine, { key: "int", amount: "float" });
      expect(result.placement.every((step) => step.engine === engine.name)).toBe(true);
      const got = Array.from(result.table.array("spread") as ArrayLike<unknown>);
      const expected = Array.from(p.run().table.array("spread") as ArrayLike<unknown>);
      const missing = (v: unknown) => v ?? Number.NaN; // null on an engine, NaN in process
      expect(
        got.every((v, i) => Object.is(missing(v), missing(expected[i]))),
        `${got} vs ${expected}`,
      ).toBe(true);
      results.push(got);
    }
    return results;
  }

  describe.runIf(enabled)(
    `stddev on ${engine.name} on edge values, as in process`,
    { timeout: engine.timeoutMs ?? 30_000 },
    () => {
      it("is null for a group holding an infinity, with or without keys", async () => {
        expect(await spreads([1, INF, 3])).toEqual([[null], [null]]);
        expect(await spreads([-INF, 2, null])).toEqual([[null], [null]]);
        expect(await spreads([1, INF, 3, 5], [1, 1, 2, 2])).toEqual([[null, Math.SQRT2], [null]]);
      });

      it("is finite for huge values whose squares overflow, and keeps tiny values", async () => {
        expect(await spreads([1e308, 1e308])).toEqual([[0], [0]]);
        await spreads([1e200, -1e200, 1e200]);
        await spreads([1e-200, 3e-200, null, 2e-200]);
        await spreads([3e300, 5e300, 1, 2], [1, 1, 2, 2]);
        // the sum of the huge values overflows unscaled; the tiny ones scaled down are subnormal or 0
        await spreads([1.7e308, 1.7e308, -1.7e308, 1e-300, 3e-200]);
        await spreads([3e-310, 1.1e-300, -7e-301, 2.2e-308, 5e-324, 1.3e-290]);
      });

      it("is Infinity past the largest double, null for fewer than two values", async () => {
        expect(await spreads([-1.7e308, 1.7e308])).toEqual([[INF], [INF]]);
        expect(await spreads([5, null])).toEqual([[null], [null]]);
      });
    },
  );
}
