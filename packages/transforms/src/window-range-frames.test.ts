import { col, pipe, schemaOf, typedTable } from "@tablepipe/core";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type FrameBounds, rangeFrameBounds } from "./internal/frame-bounds";
import { partitionLayout, signed } from "./internal/partition-layout";
import { rollingExtremes } from "./internal/rolling-extremes";
import { rollingFrames } from "./internal/rolling-frames";
import { window } from "./window";
import { rollingMax, rollingMean, rollingMin, rollingSum } from "./window-functions";

const HOUR = 3_600_000;
const at = (hour: number, minute = 0) => Date.UTC(2024, 0, 1, hour, minute);

/** Each index's frame by the definition: the partition's indices whose key is within `range` before its own. */
function referenceBounds(keys: readonly number[], range: number, descending: boolean): [number, number][] {
  return keys.map((x) => {
    const inside = keys.flatMap((v, j) => {
      if (Number.isNaN(x)) return Number.isNaN(v) ? [j] : [];
      if (Number.isNaN(v)) return [];
      return (descending ? v >= x && v <= x + range : v <= x && v >= x - range) ? [j] : [];
    });
    return [inside[0]!, inside[inside.length - 1]!];
  });
}

/** A partition's keys in the window's order: missing first ascending, last descending. */
function orderedKeys(keys: readonly number[], descending: boolean): number[] {
  const present = keys.filter((k) => !Number.isNaN(k)).sort((a, b) => (descending ? b - a : a - b));
  const missing = keys.filter((k) => Number.isNaN(k));
  return descending ? [...present, ...missing] : [...missing, ...present];
}

describe("window: rolling frames by range ({ range })", () => {
  it("sums, averages and takes the extremes of the rows within the range before each row's order value, peers included", () => {
    const sales = aq.table({
      store: ["a", "a", "a", "b", "a", "a", "b"],
      day: [1, 2, 2, 1, 5, 6, 9],
      amount: [10, 1, 2, 7, 100, null, 3],
    });
    const out = window(sales, {
      partitionBy: ["store"],
      orderBy: ["day"],
      columns: {
        last3: rollingSum(col("amount"), { range: 2 }),
        mean3: rollingMean(col("amount"), { range: 2 }),
        low: rollingMin(col("amount"), { range: 1 }),
        sameDay: rollingMax(col("amount"), { range: 0 }),
      },
    });
    // a by day: 1 → 10; 2 → 1, 2 (peers); 5 → 100; 6 → null. b: 1 → 7; 9 → 3
    expect(out.objects()).toEqual([
      { store: "a", day: 1, amount: 10, last3: 10, mean3: 10, low: 10, sameDay: 10 },
      { store: "a", day: 2, amount: 1, last3: 13, mean3: 13 / 3, low: 1, sameDay: 2 },
      { store: "a", day: 2, amount: 2, last3: 13, mean3: 13 / 3, low: 1, sameDay: 2 },
      { store: "b", day: 1, amount: 7, last3: 7, mean3: 7, low: 7, sameDay: 7 },
      { store: "a", day: 5, amount: 100, last3: 100, mean3: 100, low: 100, sameDay: 100 },
      { store: "a", day: 6, amount: null, last3: 100, mean3: 100, low: 100, sameDay: null },
      { store: "b", day: 9, amount: 3, last3: 3, mean3: 3, low: 3, sameDay: 3 },
    ]);
  });

  it("measures a time stamp in milliseconds, descending reaches forward in time, missing order values are their own frame", () => {
    const trips = typedTable(
      aq.table({
        at: [at(9), at(9, 30), at(10, 15), null, at(12), null],
        fare: [5, 7, 11, 2, 13, 4],
      }),
      { at: { type: "timestamp", nullable: true }, fare: { type: "int", nullable: false } },
    );
    const out = pipe(trips)
      .transform(window, {
        partitionBy: [],
        orderBy: ["at"],
        columns: { lastHour: rollingSum(col("fare"), { range: HOUR }) },
      })
      .transform(window, {
        partitionBy: [],
        orderBy: ["at"],
        descending: ["at"],
        columns: { nextHour: rollingSum(col("fare"), { range: HOUR }) },
      })
      .run().table;
    expect(out.array("lastHour")).toEqual([5, 12, 18, 6, 13, 6]);
    expect(out.array("nextHour")).toEqual([12, 18, 11, 6, 13, 6]);
    expect(schemaOf(out)).toMatchObject({
      lastHour: { type: "int", nullable: false },
      nextHour: { type: "int", nullable: false },
    });
  });

  it("finds each row's frame as the definition does, whatever the keys, ties, missing values and range", () => {
    const key = fc.oneof(
      fc.integer({ min: -4, max: 4 }),
      fc.constantFrom(Number.NaN, 0.5, -0, Infinity, -Infinity),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(key, { maxLength: 10 }), { maxLength: 4 }),
        fc.constantFrom(0, 0.5, 1, 2, 3.5, 100),
        fc.boolean(),
        (parts, range, descending) => {
          const ordered = parts.map((p) => orderedKeys(p, descending));
          const { values, sorted, start } = partitionLayout(ordered);
          const { first, last } = rangeFrameBounds(values, sorted, start, range, descending);
          const expected = ordered.flatMap((p, g) =>
            referenceBounds(p, range, descending).map(([a, b]) => [a + start[g]!, b + start[g]!]),
          );
          expect(Array.from(first, (f, k) => [f, last[k]])).toEqual(expected);
        },
      ),
    );
  });

  it("sums each frame's values in order and takes its extremes, whatever frames a range gives", () => {
    const value = fc.oneof(
      fc.integer({ min: -5, max: 5 }),
      fc.constantFrom(Number.NaN, -0, 0.1, 0.2, 1e17, Infinity, -Infinity),
    );
    // frames whose ends only move forward, as a range gives: each index's first and last
    const frames = fc.array(fc.tuple(value, fc.nat(3), fc.nat(2)), { maxLength: 14 }).map((rows) => {
      const first: number[] = [];
      const last: number[] = [];
      rows.forEach(([, back, ahead], k) => {
        first.push(Math.max(first[k - 1] ?? 0, k - back));
        last.push(Math.min(rows.length - 1, Math.max(last[k - 1] ?? 0, k + ahead)));
      });
      return { values: rows.map(([v]) => v), first, last };
    });
    fc.assert(
      fc.property(frames, fc.boolean(), ({ values: part, first, last }, max) => {
        const { values, sorted, start } = partitionLayout([part]);
        const bounds: FrameBounds = { first: Int32Array.from(first), last: Int32Array.from(last) };
        const frame = (k: number) => part.slice(first[k], last[k]! + 1).filter((x) => !Number.isNaN(x));
        const sums = part.map((_, k) => {
          const f = frame(k);
          return f.length === 0 ? Number.NaN : f.reduce((a, b) => a + b);
        });
        const extremes = part.map((_, k) => {
          const f = frame(k);
          return f.length === 0 ? Number.NaN : (max ? Math.max(...f) : Math.min(...f)) + 0;
        });
        const bySorted = (out: Float64Array) => signed(Array.from(sorted, (position) => out[position]!));
        expect(bySorted(rollingFrames(values, sorted, start, bounds, false))).toEqual(signed(sums));
        expect(bySorted(rollingExtremes(values, sorted, start, bounds, max))).toEqual(signed(extremes));
      }),
    );
  });

  it("refuses a negative, infinite or missing range where it is written and as a param", () => {
    expect(() => rollingSum(col("x"), { range: -1 })).toThrow(
      'rollingSum(col("x"), { range: -1 }): range: expected a finite number >= 0, how far before the row\'s orderBy value the frame reaches (milliseconds for a time stamp); got -1',
    );
    expect(() => rollingMax(col("x"), { range: Number.POSITIVE_INFINITY })).toThrow(
      "range: expected a finite number >= 0",
    );
    const table = aq.table({ k: [1] });
    const bad = { fn: "rollingSum", of: col("k"), range: Number.NaN } as never;
    expect(() => window(table, { partitionBy: [], orderBy: ["k"], columns: { s: bad } })).toThrow(
      'window: param "columns.s.range": expected a finite number >= 0',
    );
    const both = { fn: "rollingSum", of: col("k"), range: 1, rows: 2 } as never;
    expect(() => window(table, { partitionBy: [], orderBy: ["k"], columns: { s: both } })).toThrow(
      'window: param "columns.s": expected a window function',
    );
  });

  it("needs exactly one orderBy column, of numbers, dates or time stamps", () => {
    const t = aq.table({ a: [1, 2], b: [3, 4], name: ["x", "y"] });
    const columns = { s: rollingSum(col("b"), { range: 1 }) };
    expect(() => window(t, { partitionBy: [], orderBy: ["a", "name"], columns })).toThrow(
      'window: column "s": rollingSum(col("b"), { range: 1 }): a range frame measures one orderBy column (numbers, dates or time stamps); got "a", "name"',
    );
    expect(() => window(t, { partitionBy: [], orderBy: [], columns })).toThrow(
      "a range frame measures one orderBy column (numbers, dates or time stamps); got none",
    );
    expect(() => window(t, { partitionBy: [], orderBy: ["name"], columns })).toThrow(
      'window: column "s": rollingSum(col("b"), { range: 1 }): a range frame measures its orderBy column "name": expected numbers, dates or time stamps, got strings',
    );
    // a rows frame is not a range's: any order will do
    expect(
      window(t, { partitionBy: [], orderBy: ["name"], columns: { s: rollingSum(col("b"), 2) } }).array("s"),
    ).toEqual([3, 7]);
  });
});
