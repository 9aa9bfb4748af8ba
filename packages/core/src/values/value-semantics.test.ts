import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareValues, hashValueInto, sameValue } from "./value-semantics";

const cell = fc.oneof(
  fc.constantFrom(null, undefined, Number.NaN, "", 0, -0, 1, "1", true, false, new Date(Number.NaN)),
  fc.integer({ min: -3, max: 3 }),
  fc.double({ noNaN: true, min: -2, max: 2 }),
  fc.string({ maxLength: 3 }),
  fc.integer({ min: 0, max: 3 }).map((t) => new Date(t)),
);

describe("sameValue", () => {
  it("takes null, undefined, NaN and an invalid Date for one missing value, apart from the empty string", () => {
    const missing = [null, undefined, Number.NaN, new Date(Number.NaN)];
    for (const a of missing) {
      for (const b of missing) expect(sameValue(a, b)).toBe(true);
      expect(sameValue(a, "")).toBe(false);
      expect(sameValue(a, 0)).toBe(false);
    }
  });

  it("tells 1 from '1' and from 1n, equates 0 and -0, compares Dates by instant", () => {
    expect(sameValue(1, "1")).toBe(false);
    expect(sameValue(1, 1n)).toBe(false);
    expect(sameValue(0, -0)).toBe(true);
    expect(sameValue(new Date(5), new Date(5))).toBe(true);
    expect(sameValue(new Date(5), 5)).toBe(false);
    expect(sameValue(new Date(Number.NaN), new Date(Number.NaN))).toBe(true);
  });

  it("hashes equal values equally", () => {
    fc.assert(
      fc.property(cell, cell, (a, b) => {
        if (sameValue(a, b)) expect(hashValueInto(7, a)).toBe(hashValueInto(7, b));
      }),
    );
  });
});

describe("compareValues", () => {
  it("puts missing values first, then numbers and Dates by value, booleans, strings by code unit", () => {
    const values = ["b", "B", 2, new Date(1), true, Number.NaN, undefined, null, -1, "a"];
    // Array.prototype.sort always moves undefined last, so sort positions instead.
    const order = values.map((_, i) => i).sort((i, j) => compareValues(values[i], values[j]));
    expect(order.map((i) => values[i])).toEqual([
      Number.NaN, // the missing values tie: a stable sort keeps their order
      undefined,
      null,
      -1,
      new Date(1),
      2,
      true,
      "B",
      "a",
      "b",
    ]);
  });

  it("holds null, undefined, NaN and an invalid Date equal to each other, as DuckDB and Spark hold one NULL", () => {
    const missing = [null, undefined, Number.NaN, new Date(Number.NaN)];
    for (const a of missing) for (const b of missing) expect(compareValues(a, b)).toBe(0);
    for (const a of missing) expect(compareValues(a, Number.NEGATIVE_INFINITY)).toBeLessThan(0);
  });

  it("is a total preorder whose ties are exactly sameValue's equal values", () => {
    fc.assert(
      fc.property(cell, cell, cell, (a, b, c) => {
        expect(Math.sign(compareValues(a, b)) + Math.sign(compareValues(b, a))).toBe(0);
        expect(compareValues(a, b) === 0).toBe(sameValue(a, b));
        if (compareValues(a, b) <= 0 && compareValues(b, c) <= 0)
          expect(compareValues(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });
});
