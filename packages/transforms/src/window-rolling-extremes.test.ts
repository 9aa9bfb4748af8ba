import { col, pipe, schemaOf, typedTable } from "@tablepipe/core";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rowFrameBounds } from "./internal/frame-bounds";
import { partitionLayout, signed } from "./internal/partition-layout";
import { rollingExtremes } from "./internal/rolling-extremes";
import { window } from "./window";
import { rollingMax, rollingMin } from "./window-functions";

/** Each row's frame scanned whole: the definition, row by row (a zero as 0). */
function referenceExtremes(values: readonly number[], rows: number, max: boolean): number[] {
  return values.map((_, k) => {
    const frame = values.slice(Math.max(0, k - rows + 1), k + 1).filter((x) => !Number.isNaN(x));
    if (frame.length === 0) return Number.NaN;
    return (max ? Math.max(...frame) : Math.min(...frame)) + 0;
  });
}

describe("window: rollingMin and rollingMax", () => {
  it("gives each row's frame's smallest and largest value, in its partition's order, nulls skipped", () => {
    const prices = aq.table({
      symbol: ["a", "a", "b", "a", "b", "a", "a"],
      day: [1, 2, 1, 3, 2, 4, 5],
      close: [10, null, 4, 7, 5, 12, 2],
    });
    const out = window(prices, {
      partitionBy: ["symbol"],
      orderBy: ["day"],
      columns: { low3: rollingMin(col("close"), 3), high2: rollingMax(col("close"), 2) },
    });
    // a by day: 10, null, 7, 12, 2; b: 4, 5
    expect(out.objects()).toEqual([
      { symbol: "a", day: 1, close: 10, low3: 10, high2: 10 },
      { symbol: "a", day: 2, close: null, low3: 10, high2: 10 },
      { symbol: "b", day: 1, close: 4, low3: 4, high2: 4 },
      { symbol: "a", day: 3, close: 7, low3: 7, high2: 7 },
      { symbol: "b", day: 2, close: 5, low3: 4, high2: 5 },
      { symbol: "a", day: 4, close: 12, low3: 7, high2: 12 },
      { symbol: "a", day: 5, close: 2, low3: 2, high2: 12 },
    ]);
  });

  it("agrees with a scan of every frame, zeros as 0, whatever the partitions, values and frame size", () => {
    const value = fc.oneof(
      fc.integer({ min: -5, max: 5 }),
      fc.constantFrom(Number.NaN, -0, 0.5, Infinity, -Infinity),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(value, { maxLength: 12 }), { maxLength: 4 }),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        (parts, rows, max) => {
          const { values, sorted, start } = partitionLayout(parts);
          const out = rollingExtremes(values, sorted, start, rowFrameBounds(start, rows), max);
          const expected = parts.flatMap((p) => referenceExtremes(p, rows, max));
          expect(signed(Array.from(sorted, (position) => out[position]!))).toEqual(signed(expected));
        },
      ),
    );
  });

  it("keeps the input's type (ints, floats, time stamps), nullable only where the input is", () => {
    const day = (d: number) => Date.UTC(2024, 0, d);
    const typed = typedTable(
      aq.table({
        o: [1, 2, 3],
        k: [3, 1, 4],
        n: [null, 2, 1],
        f: [1.5, -0, 2],
        at: [day(3), day(1), day(2)],
      }),
      {
        o: { type: "int", nullable: false },
        k: { type: "int", nullable: false },
        n: { type: "int", nullable: true },
        f: { type: "float", nullable: false },
        at: { type: "timestamp", nullable: false },
      },
    );
    const columns = {
      kmin: rollingMin(col("k"), 2),
      nmax: rollingMax(col("n"), 1),
      fmin: rollingMin(col("f"), 2),
      first: rollingMin(col("at"), 3),
    };
    const out = pipe(typed)
      .transform(window, { partitionBy: [], orderBy: ["o"], columns })
      .run().table;
    expect(out.array("kmin")).toEqual([3, 1, 1]);
    expect(out.array("nmax")).toEqual([null, 2, 1]);
    expect(signed(out.array("fmin") as Float64Array)).toEqual(["1.5", "0", "0"]);
    expect(out.array("first")).toEqual([day(3), day(1), day(1)]);
    expect(schemaOf(out)).toMatchObject({
      kmin: { type: "int", nullable: false },
      nmax: { type: "int", nullable: true },
      fmin: { type: "float", nullable: false },
      first: { type: "timestamp", nullable: false },
    });
  });

  it("refuses a bad frame where it is written, and strings, naming the column and the function", () => {
    expect(() => rollingMax(col("x"), 0)).toThrow(
      'rollingMax(col("x"), 0): rows: expected a whole number >= 1',
    );
    const named = aq.table({ k: [1], name: ["x"] });
    const bad = { fn: "rollingMin", of: col("k"), rows: 1.5 } as never;
    expect(() => window(named, { partitionBy: [], orderBy: ["k"], columns: { s: bad } })).toThrow(
      'window: param "columns.s.rows": expected a whole number >= 1',
    );
    expect(() =>
      window(named, { partitionBy: [], orderBy: ["k"], columns: { s: rollingMin(col("name"), 2) } }),
    ).toThrow('window: column "s": rollingMin(col("name"), 2): expected numbers or time stamps, got strings');
  });
});
