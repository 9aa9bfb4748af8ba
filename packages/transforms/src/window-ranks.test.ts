import { pipe, schemaOf } from "@tablepipe/core";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { window } from "./window";
import { denseRank, ntile, percentRank, rank } from "./window-functions";

describe("window: denseRank, percentRank and ntile", () => {
  it("rank rows equal in the orderBy columns together, dense without gaps, relative from 0 to 1", () => {
    const scores = aq.table({
      game: ["a", "a", "a", "a", "b"],
      points: [10, 30, 30, 20, 5],
    });
    const out = window(scores, {
      partitionBy: ["game"],
      orderBy: ["points"],
      descending: ["points"],
      columns: { place: rank(), level: denseRank(), share: percentRank() },
    });
    // a by points descending: 30, 30, 20, 10
    expect(out.array("place")).toEqual([4, 1, 1, 3, 1]);
    expect(out.array("level")).toEqual([3, 1, 1, 2, 1]);
    expect(out.array("share")).toEqual([1, 0, 0, 2 / 3, 0]);
    expect(
      schemaOf(
        pipe(scores)
          .transform(window, {
            partitionBy: [],
            orderBy: ["points"],
            columns: { level: denseRank(), share: percentRank(), half: ntile(2) },
          })
          .run().table,
      ),
    ).toMatchObject({
      level: { type: "int", nullable: false },
      share: { type: "float", nullable: false },
      half: { type: "int", nullable: false },
    });
  });

  it("ntile deals the ordered rows into buckets as equal as can be, the first ones larger, ties broken", () => {
    const t = aq.table({ k: [5, 1, 4, 2, 3, 3, 7] });
    const out = window(t, { partitionBy: [], orderBy: ["k"], columns: { third: ntile(3), many: ntile(10) } });
    // by k: 1, 2, 3, 3, 4, 5, 7 → buckets of 3, 2, 2
    expect(out.array("third")).toEqual([3, 1, 2, 1, 1, 2, 3]); // the two 3s in input order
    expect(out.array("many")).toEqual([6, 1, 5, 2, 3, 4, 7]);
  });

  it("ntile: bucket sizes differ by one at most, larger first, whatever the rows and buckets", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 12 }), (rows, buckets) => {
        const t = aq.table({ k: Array.from({ length: rows }, (_, i) => (i * 7) % 11) });
        const out = window(t, { partitionBy: [], orderBy: ["k"], columns: { b: ntile(buckets) } });
        const sizes = new Map<number, number>();
        for (const b of Array.from(out.array("b") as ArrayLike<number>))
          sizes.set(b, (sizes.get(b) ?? 0) + 1);
        const counts = [...sizes].sort((x, y) => x[0] - y[0]).map(([, c]) => c);
        expect(counts.length).toBe(Math.min(rows, buckets));
        expect(counts).toEqual([...counts].sort((x, y) => y - x));
        if (counts.length > 0) expect(counts[0]! - counts[counts.length - 1]!).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("refuses buckets that are not a whole number from 1 where written and as a param", () => {
    expect(() => ntile(0)).toThrow(
      "ntile(0): buckets: expected a whole number >= 1 and <= 2147483647, the number of buckets; got 0",
    );
    expect(() => ntile(2.5)).toThrow("buckets: expected a whole number >= 1");
    const t = aq.table({ k: [1] });
    const bad = { fn: "ntile", buckets: -1 } as never;
    expect(() => window(t, { partitionBy: [], orderBy: ["k"], columns: { b: bad } })).toThrow(
      'window: param "columns.b.buckets": expected a whole number >= 1',
    );
    const none = { fn: "ntile" } as never;
    expect(() => window(t, { partitionBy: [], orderBy: ["k"], columns: { b: none } })).toThrow(
      'window: param "columns.b": expected a window function',
    );
  });
});
