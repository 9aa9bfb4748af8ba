import { isMissing } from "@tablepipe/core";
import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dropMissing } from "./drop-missing";

describe("dropMissing", () => {
  it("drops rows with null, undefined or NaN in any named column, keeping order", () => {
    const table = aq.table({
      a: [1, null, 3, 4, 5],
      b: Float64Array.from([1, 2, Number.NaN, 4, 5]),
      c: [undefined, "x", "y", null, "z"],
    });
    expect(dropMissing(table, { columns: ["a", "b"] }).array("a")).toEqual([1, 4, 5]);
    expect(dropMissing(table, { columns: ["a", "b", "c"] }).array("a")).toEqual([5]);
  });

  it("checks each kind of column by the one rule, on a filtered view too (the kept rows, in order)", () => {
    const cell = fc.oneof(
      fc.integer({ min: -3, max: 3 }),
      fc.constantFrom(null, undefined, Number.NaN, new Date(Number.NaN), new Date(0), "x"),
    );
    const float = fc.oneof(fc.double({ noNaN: true, min: -5, max: 5 }), fc.constant(Number.NaN));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer(), (n, seed) => {
        const pick = <T>(arb: fc.Arbitrary<T>) => fc.sample(arb, { numRuns: n, seed });
        const table = aq.table({
          key: Int32Array.from({ length: n }, (_, i) => i),
          f64: Float64Array.from(pick(float)),
          f32: Float32Array.from(pick(float)),
          i32: Int32Array.from(pick(fc.integer({ min: -9, max: 9 }))),
          plain: pick(cell),
        });
        const view = table.filter((d: { key: number }) => d.key % 3 !== 1);
        const columns = ["f64", "f32", "i32", "plain"];
        const expected = view
          .objects()
          .filter((row) => columns.every((c) => !isMissing((row as Record<string, unknown>)[c])))
          .map((row) => (row as { key: number }).key);
        expect(dropMissing(view, { columns }).array("key")).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it("needs its columns named, and names a missing column", () => {
    const table = aq.table({ a: [null, 1] });
    expect(dropMissing(table, { columns: [] }).numRows()).toBe(2);
    expect(() => dropMissing(table, {} as never)).toThrow(
      'dropMissing: param "columns": required (it has no default), but not given; expected a list of column names',
    );
    expect(() => dropMissing(table, { columns: ["zz"] })).toThrow(
      'dropMissing: missing column "zz"; available: a',
    );
  });
});
