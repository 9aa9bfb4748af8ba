import { col, schemaOf, typedTable } from "@tablepipe/core";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { window } from "./window";
import { cumulativeMean, cumulativeSum, windowFunctionParam } from "./window-functions";

/** The running sum over the running count, row by row in order, nulls skipped; null while none, NaN null. */
function runningMeans(values: readonly (number | null)[]): (number | null)[] {
  let sum = 0;
  let count = 0;
  return values.map((x) => {
    if (x !== null && !Number.isNaN(x)) {
      sum = count === 0 ? x : sum + x;
      count += 1;
    }
    const mean = count === 0 ? Number.NaN : sum / count;
    return Number.isNaN(mean) ? null : mean;
  });
}

describe("window: cumulativeMean", () => {
  it("gives the mean so far in each partition's order, nulls skipped, a float", () => {
    const sales = typedTable(
      aq.table({ shop: ["a", "a", "b", "a", "b"], day: [2, 1, 1, 3, 2], amount: [null, 10, 4, 7, 5] }),
      {
        shop: { type: "string", nullable: false },
        day: { type: "int", nullable: false },
        amount: { type: "int", nullable: true },
      },
    );
    const out = window(sales, {
      partitionBy: ["shop"],
      orderBy: ["day"],
      columns: { usual: cumulativeMean(col("amount")), spent: cumulativeSum(col("amount")) },
    });
    // a by day: 10, null, 7; b: 4, 5
    expect(out.select("usual", "spent").objects()).toEqual([
      { usual: 10, spent: 10 },
      { usual: 10, spent: 10 },
      { usual: 4, spent: 4 },
      { usual: 8.5, spent: 17 },
      { usual: 4.5, spent: 9 },
    ]);
    expect(schemaOf(out).usual).toEqual({ type: "float", nullable: true });
    expect(schemaOf(out).spent).toEqual({ type: "int", nullable: true });
  });

  it("is the running sum over the running count, bit for bit, whatever the input's order", () => {
    const value = fc.option(
      fc.oneof(fc.double({ noNaN: true }), fc.integer({ min: -5, max: 5 }), fc.constantFrom(-0, 0.1, 0.2)),
      { freq: 4 },
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 25 }), fc.boolean(), (values, reversed) => {
        const order = values.map((_, i) => (reversed ? values.length - i : i));
        const out = window(aq.table({ k: order, x: values }), {
          partitionBy: [],
          orderBy: ["k"],
          columns: { m: cumulativeMean(col("x")) },
        });
        const inOrder = reversed ? [...values].reverse() : values;
        const expected = runningMeans(inOrder);
        const got = Array.from(out.array("m") as ArrayLike<number | null>, (v) =>
          v === null || Number.isNaN(v) ? null : v,
        );
        const back = reversed ? [...got].reverse() : got;
        expect(
          back.every((v, i) => Object.is(v, expected[i])),
          `${back} vs ${expected}`,
        ).toBe(true);
      }),
    );
  });

  it("refuses strings and a frame, naming the call", () => {
    const names = aq.table({ k: [1, 2], s: ["a", "b"] });
    expect(() =>
      window(names, { partitionBy: [], orderBy: ["k"], columns: { m: cumulativeMean(col("s")) } }),
    ).toThrow('cumulativeMean(col("s")): expected numbers, got strings');
    expect(windowFunctionParam().safeParse({ fn: "cumulativeMean", of: col("s"), rows: 3 }).success).toBe(
      false,
    );
    expect(windowFunctionParam().safeParse(cumulativeMean(col("s"))).success).toBe(true);
  });
});
