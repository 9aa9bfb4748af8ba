import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RowFingerprints } from "./row-fingerprints";

/** The distinct rows of one column's values, as RowFingerprints counts them. */
function distinct(values: unknown[] | Float64Array): number {
  const seen = new RowFingerprints();
  seen.add(aq.table({ v: values }), ["v"]);
  return seen.size;
}

describe("RowFingerprints", () => {
  it("counts values equal as dropDuplicates has them: missing values alike, 0 and -0 alike, Dates by instant", () => {
    expect(distinct([null, undefined, Number.NaN, new Date(Number.NaN)])).toBe(1);
    expect(distinct(Float64Array.of(0, -0, Number.NaN, Number.NaN))).toBe(2);
    expect(distinct([new Date(5), new Date(5), 5, "5", 5n, "", null])).toBe(6);
    expect(distinct([true, false, true, "true", 1.5, 1.5, 2 ** 40, 2 ** 40, 0.1 + 0.2, 0.3])).toBe(7);
  });

  it("sees a number alike in a typed column and in a plain one (a nullable column's), and NaN as null", () => {
    const seen = new RowFingerprints();
    seen.add(aq.table({ v: Float64Array.of(1.5, -0, 7, Number.NaN) }), ["v"]);
    seen.add(aq.table({ v: [1.5, 0, 7, null, 8] }), ["v"]);
    expect(seen.size).toBe(5);
  });

  it("counts the distinct rows over several columns, seen in several parts, at given rows", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom("a", "b", null), fc.double()), {
          maxLength: 200,
        }),
        fc.integer({ min: 1, max: 50 }),
        (rows, part) => {
          const seen = new RowFingerprints();
          for (let start = 0; start < rows.length; start += part) {
            const slice = rows.slice(start, start + part);
            // the part's rows in reverse, by position: the order does not matter
            const table = aq.table({
              k: Float64Array.from(slice, (r) => r[0]),
              s: slice.map((r) => r[1]),
              x: Float64Array.from(slice, (r) => r[2]),
            });
            seen.add(
              table,
              ["k", "s", "x"],
              Uint32Array.from(slice, (_, i) => slice.length - 1 - i),
            );
          }
          const key = ([k, s, x]: (typeof rows)[number]) =>
            `${k}|${s}|${Number.isNaN(x) ? "NaN" : Object.is(x, -0) ? 0 : x}`;
          expect(seen.size).toBe(new Set(rows.map(key)).size);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("keeps counting past its table's growth", () => {
    const seen = new RowFingerprints();
    const n = 50_000;
    const table = aq.table({
      a: Float64Array.from({ length: n }, (_, i) => i % 30_000),
      b: Array.from({ length: n }, (_, i) => `r${i % 30_000}`),
    });
    seen.add(table, ["a", "b"]);
    expect(seen.size).toBe(30_000);
    // counted (sorted), then more rows: 10,000 of them new
    seen.add(
      table,
      ["a", "b"],
      Uint32Array.from({ length: 20_000 }, (_, i) => i * 2),
    );
    const more = aq.table({
      a: Float64Array.from({ length: 10_000 }, (_, i) => -1 - i),
      b: Array(10_000).fill("x"),
    });
    seen.add(more, ["a", "b"]);
    expect(seen.size).toBe(40_000);
  });
});
