import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rowComparator } from "./row-order";
import { sortedPositions } from "./sorted-positions";

/** The positions of `rows` sorted by the comparator alone: what sortedPositions must give. */
function byComparator(
  rows: Uint32Array,
  columns: readonly ArrayLike<unknown>[],
  descending: readonly boolean[],
) {
  return Array.from({ length: rows.length }, (_, i) => i).sort(rowComparator(rows, columns, descending));
}

describe("sortedPositions", () => {
  it("gives the comparator's order, with typed number keys, ties, missing values, -0 and infinities", () => {
    const key = fc.oneof(
      fc.integer({ min: -4, max: 4 }),
      fc.constantFrom(Number.NaN, -0, 0.5, -0.5, 1e12, -1e12, 2 ** 53, Number.POSITIVE_INFINITY),
      fc.constantFrom(Number.NEGATIVE_INFINITY, Number.MIN_VALUE, -Number.MAX_VALUE, 1.5e-300),
    );
    const text = fc.constantFrom("a", "b", null);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(key, key, key, key, text), { minLength: 500, maxLength: 1_500 }),
        fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
        fc.integer({ min: 0, max: 4 }),
        fc.boolean(),
        (cells, descending, typed, shuffled) => {
          // rows as a table shows them: here in reverse, or every other backing row
          const rows = shuffled
            ? Uint32Array.from({ length: cells.length }, (_, i) => cells.length - 1 - i)
            : Uint32Array.from({ length: Math.floor(cells.length / 2) }, (_, i) => 2 * i);
          const columns = [0, 1, 2, 3, 4].map((c) => {
            const values = cells.map((cell) => cell[c] as number | string | null);
            return c < typed ? Float64Array.from(values as number[]) : values;
          });
          expect(Array.from(sortedPositions(rows, columns, descending))).toEqual(
            byComparator(rows, columns, descending),
          );
        },
      ),
      { numRuns: 120 },
    );
  });

  it("orders wide time stamps and small ids (keys spanning every digit, and only the high ones)", () => {
    const n = 5_000;
    const zone = Float64Array.from({ length: n }, (_, i) => (i * 7) % 263);
    const at = Float64Array.from(
      { length: n },
      (_, i) => Date.UTC(2018, 0, 1) + ((i * 104_729) % 86_400_000),
    );
    const rows = Uint32Array.from({ length: n }, (_, i) => i);
    for (const descending of [[], [true], [false, true]]) {
      expect(Array.from(sortedPositions(rows, [zone, at], descending))).toEqual(
        byComparator(rows, [zone, at], descending),
      );
    }
  });
});
