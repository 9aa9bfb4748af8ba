import { col, pipe, schemaOf, typedTable } from "@tablepipe/core";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { window } from "./window";
import { cumulativeMax, cumulativeMin } from "./window-functions";

/** The smallest or largest value so far, row by row in order, nulls skipped (NaN while none), a zero as 0. */
function soFar(values: readonly (number | null)[], max: boolean): (number | null)[] {
  let best: number | null = null;
  return values.map((x) => {
    if (x !== null && !Number.isNaN(x))
      best = best === null ? x : max ? Math.max(best, x) : Math.min(best, x);
    return best === null ? null : best + 0;
  });
}

describe("window: cumulativeMin and cumulativeMax", () => {
  it("gives the smallest and largest value so far in each partition's order, nulls skipped", () => {
    const prices = aq.table({
      symbol: ["a", "a", "b", "a", "b", "a", "a"],
      day: [2, 1, 1, 3, 2, 4, 5],
      close: [null, 10, 4, 7, 5, 12, 2],
    });
    const out = window(prices, {
      partitionBy: ["symbol"],
      orderBy: ["day"],
      columns: { low: cumulativeMin(col("close")), high: cumulativeMax(col("close")) },
    });
    // a by day: 10, null, 7, 12, 2; b: 4, 5
    expect(out.select("low", "high").objects()).toEqual([
      { low: 10, high: 10 },
      { low: 10, high: 10 },
      { low: 4, high: 4 },
      { low: 7, high: 10 },
      { low: 4, high: 5 },
      { low: 7, high: 12 },
      { low: 2, high: 12 },
    ]);
  });

  it("agrees with a running scan in order, whatever the values and their order in the input", () => {
    const value = fc.option(
      fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom(-0, 0.5, Infinity, -Infinity)),
      { freq: 4 },
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 20 }), fc.boolean(), (values, reversed) => {
        const order = values.map((_, i) => (reversed ? values.length - i : i));
        const out = window(aq.table({ k: order, x: values }), {
          partitionBy: [],
          orderBy: ["k"],
          columns: { lo: cumulativeMin(col("x")), hi: cumulativeMax(col("x")) },
        });
        const inOrder = reversed ? [...values].reverse() : values;
        const back = (column: (number | null)[]) => (reversed ? [...column].reverse() : column);
        const cells = (name: string) =>
          Array.from(out.array(name) as ArrayLike<number | null>, (v) =>
            v === null || Number.isNaN(v) ? null : v,
          );
        expect(cells("lo").map((v) => (Object.is(v, -0) ? "-0" : v))).toEqual(back(soFar(inOrder, false)));
        expect(cells("hi")).toEqual(back(soFar(inOrder, true)));
      }),
    );
  });

  it("keeps an int an int and a time stamp a time stamp; refuses strings, naming the call", () => {
    const t = typedTable(
      aq.table({ k: [1, 2], n: [3, 1], at: [Date.UTC(2024, 0, 2), Date.UTC(2024, 0, 1)] }),
      {
        k: { type: "int", nullable: false },
        n: { type: "int", nullable: false },
        at: { type: "timestamp", nullable: false },
      },
    );
    const out = pipe(t)
      .transform(window, {
        partitionBy: [],
        orderBy: ["k"],
        columns: { low: cumulativeMin(col("n")), first_at: cumulativeMin(col("at")) },
      })
      .run().table;
    expect(schemaOf(out).low).toEqual({ type: "int", nullable: false });
    expect(schemaOf(out).first_at).toEqual({ type: "timestamp", nullable: false });
    expect(out.array("first_at")).toEqual([Date.UTC(2024, 0, 2), Date.UTC(2024, 0, 1)]);
    expect(() =>
      window(aq.table({ k: [1], s: ["a"] }), {
        partitionBy: [],
        orderBy: ["k"],
        columns: { m: cumulativeMax(col("s")) },
      }),
    ).toThrow('window: column "m": cumulativeMax(col("s")): expected numbers or time stamps, got strings');
  });
});
