import { col, pipe, schemaOf, typedTable } from "@tablepipe/core";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rowFrameBounds } from "./internal/frame-bounds";
import { partitionLayout, signed } from "./internal/partition-layout";
import { rollingFrames } from "./internal/rolling-frames";
import { window } from "./window";
import { rollingMean, rollingSum } from "./window-functions";

/** Each row's frame summed from its first value, one after another: the definition, row by row. */
function referenceFrames(values: readonly number[], rows: number, mean: boolean): number[] {
  return values.map((_, k) => {
    const frame = values.slice(Math.max(0, k - rows + 1), k + 1).filter((x) => !Number.isNaN(x));
    if (frame.length === 0) return Number.NaN;
    const sum = frame.slice(1).reduce((a, x) => a + x, frame[0]!);
    return mean ? sum / frame.length : sum;
  });
}

describe("window: rollingSum and rollingMean", () => {
  const sales = aq.table({
    store: [1, 1, 2, 1, 2, 1, 1],
    day: [1, 2, 1, 3, 2, 4, 5],
    amount: [10, null, 4, 7, 5, 1, 2],
  });

  it("sums and averages each row's frame: the row and the rows - 1 before it in its partition, nulls skipped", () => {
    const out = window(sales, {
      partitionBy: ["store"],
      orderBy: ["day"],
      columns: {
        sum3: rollingSum(col("amount"), 3),
        mean2: rollingMean(col("amount"), 2),
        own: rollingSum(col("amount"), 1),
      },
    });
    // store 1 by day: 10, null, 7, 1, 2; store 2: 4, 5
    expect(out.objects()).toEqual([
      { store: 1, day: 1, amount: 10, sum3: 10, mean2: 10, own: 10 },
      { store: 1, day: 2, amount: null, sum3: 10, mean2: 10, own: null },
      { store: 2, day: 1, amount: 4, sum3: 4, mean2: 4, own: 4 },
      { store: 1, day: 3, amount: 7, sum3: 17, mean2: 7, own: 7 },
      { store: 2, day: 2, amount: 5, sum3: 9, mean2: 4.5, own: 5 },
      { store: 1, day: 4, amount: 1, sum3: 8, mean2: 4, own: 1 },
      { store: 1, day: 5, amount: 2, sum3: 10, mean2: 1.5, own: 2 },
    ]);
  });

  it("is null over a frame of nulls, and where +Infinity and -Infinity meet (NaN), for that frame only", () => {
    const x = aq.table({ o: [1, 2, 3, 4, 5, 6], x: [null, null, Infinity, -Infinity, 1.5, 2] });
    const out = window(x, {
      partitionBy: [],
      orderBy: ["o"],
      columns: { s: rollingSum(col("x"), 2), m: rollingMean(col("x"), 2) },
    });
    expect(out.array("s")).toEqual([null, null, Infinity, null, -Infinity, 3.5]);
    expect(out.array("m")).toEqual([null, null, Infinity, null, -Infinity, 1.75]);
  });

  it("adds a frame's floats one after another in order, and keeps a lone -0", () => {
    // 0.1 + 0.2 + 0.3 is not 0.3 + 0.2 + 0.1 in doubles: the frame's order decides
    const x = aq.table({ o: [1, 2, 3, 4], x: [0.1, 0.2, 0.3, -0] });
    const out = window(x, {
      partitionBy: [],
      orderBy: ["o"],
      columns: { s: rollingSum(col("x"), 3), one: rollingSum(col("x"), 1) },
    });
    expect(signed(out.array("s") as Float64Array)).toEqual(
      signed([0.1, 0.1 + 0.2, 0.1 + 0.2 + 0.3, 0.2 + 0.3 + -0]),
    );
    expect(signed(out.array("one") as Float64Array)).toEqual(["0.1", "0.2", "0.3", "-0"]);
  });

  it("gives the frame-by-frame sums bit for bit whether a partition keeps a running total (whole numbers) or not", () => {
    const value = fc.oneof(
      fc.integer({ min: -1000, max: 1000 }),
      fc.constantFrom(Number.NaN, -0, 0.1, 2.5, Infinity, -Infinity, 2 ** 52, -(2 ** 52)),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(value, { maxLength: 12 }), { maxLength: 4 }),
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        (parts, rows, mean) => {
          const { values, sorted, start } = partitionLayout(parts);
          const out = rollingFrames(values, sorted, start, rowFrameBounds(start, rows), mean);
          const expected = parts.flatMap((p) => referenceFrames(p, rows, mean));
          expect(signed(Array.from(sorted, (position) => out[position]!))).toEqual(signed(expected));
        },
      ),
    );
  });

  it("types a rolling sum of ints as an int, a mean as a float, nullable where a frame can hold no value or NaN", () => {
    const typed = typedTable(aq.table({ o: [1, 2], k: [3, 4], n: [null, 2], f: [1.5, 2] }), {
      o: { type: "int", nullable: false },
      k: { type: "int", nullable: false },
      n: { type: "int", nullable: true },
      f: { type: "float", nullable: false },
    });
    const columns = {
      ks: rollingSum(col("k"), 2),
      km: rollingMean(col("k"), 2),
      ns: rollingSum(col("n"), 1),
      fs: rollingSum(col("f"), 2),
    };
    const out = pipe(typed)
      .transform(window, { partitionBy: [], orderBy: ["o"], columns })
      .run().table;
    expect(out.objects()).toEqual([
      { o: 1, k: 3, n: null, f: 1.5, ks: 3, km: 3, ns: null, fs: 1.5 },
      { o: 2, k: 4, n: 2, f: 2, ks: 7, km: 3.5, ns: 2, fs: 3.5 },
    ]);
    expect(schemaOf(out)).toMatchObject({
      ks: { type: "int", nullable: false },
      km: { type: "float", nullable: false },
      ns: { type: "int", nullable: true },
      fs: { type: "float", nullable: true },
    });
  });

  it("refuses a frame object other than { range } (`{ rows: 3 }` from JavaScript), saying what it takes", () => {
    const expected =
      "frame: expected a number of rows (the row and those before it) or { range } alone (how far before the " +
      "row's orderBy value the frame reaches)";
    expect(() => rollingMean(col("temp"), { rows: 3 } as never)).toThrow(
      `rollingMean(col("temp"), { rows: 3 }): ${expected}; got { rows: 3 } (for 3 rows, pass the number: ` +
        'rollingMean(col("temp"), 3))',
    );
    expect(() => rollingSum(col("x"), { range: 60, rows: 2 } as never)).toThrow(
      `rollingSum(col("x"), { range: 60, rows: 2 }): ${expected}; got { range: 60, rows: 2 }`,
    );
    expect(() => rollingMean(col("x"), {} as never)).toThrow(
      `rollingMean(col("x"), {}): ${expected}; got {}`,
    );
    expect(() => rollingMean(col("x"), [3] as never)).toThrow(
      `rollingMean(col("x"), [3]): ${expected}; got [3]`,
    );
  });

  it("refuses a frame of no rows, a fraction or too many where it is written and as a param, and strings as numbers", () => {
    expect(() => rollingSum(col("x"), 0)).toThrow(
      'rollingSum(col("x"), 0): rows: expected a whole number >= 1 and <= 2147483647, the rows of the frame (the row and those before it); got 0',
    );
    expect(() => rollingMean(col("x"), 1.5)).toThrow(
      'rollingMean(col("x"), 1.5): rows: expected a whole number >= 1',
    );
    expect(() => rollingMean(col("x"), 2 ** 31)).toThrow("<= 2147483647");
    const named = aq.table({ k: [1], name: ["x"] });
    const bad = { fn: "rollingSum", of: col("k"), rows: 0 } as never;
    expect(() => window(named, { partitionBy: [], orderBy: ["k"], columns: { s: bad } })).toThrow(
      'window: param "columns.s.rows": expected a whole number >= 1',
    );
    const noRows = { fn: "rollingMean", of: col("k") } as never;
    expect(() => window(named, { partitionBy: [], orderBy: ["k"], columns: { s: noRows } })).toThrow(
      'window: param "columns.s": expected a window function',
    );
    expect(() =>
      window(named, { partitionBy: [], orderBy: ["k"], columns: { s: rollingSum(col("name"), 2) } }),
    ).toThrow('window: column "s": rollingSum(col("name"), 2): expected numbers, got strings');
  });
});
