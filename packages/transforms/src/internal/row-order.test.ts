import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rowComparator } from "./row-order";

describe("rowComparator", () => {
  it("orders number columns (compared inline) as it orders the same values in plain arrays", () => {
    const value = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(Number.NaN, -0, 0.5, -1e12));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(value, value, value), { maxLength: 300 }),
        fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 1, max: 3 }),
        (cells, descending, typedColumns) => {
          const rows = Uint32Array.from({ length: cells.length }, (_, i) => cells.length - 1 - i);
          const plain = [0, 1, 2].map((c) => cells.map((cell) => cell[c]!));
          // the first `typedColumns` columns typed: the inline path, then the general one on a tie
          const mixed = plain.map((column, c) => (c < typedColumns ? Float64Array.from(column) : column));
          const order = (columns: readonly (number[] | Float64Array)[]): number[] =>
            Array.from(rows, (_, i) => i).sort(rowComparator(rows, columns, descending));
          expect(order(mixed)).toEqual(order(plain));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("puts missing values first ascending and last descending, and tells -0 and 0 apart by position only", () => {
    const column = Float64Array.from([2, Number.NaN, -0, 1, 0, Number.NaN]);
    const rows = Uint32Array.from([0, 1, 2, 3, 4, 5]);
    const positions = [0, 1, 2, 3, 4, 5];
    expect([...positions].sort(rowComparator(rows, [column]))).toEqual([1, 5, 2, 4, 3, 0]);
    expect([...positions].sort(rowComparator(rows, [column], [true]))).toEqual([0, 3, 2, 4, 1, 5]);
  });
});
