import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstNByGroup } from "./first-n";
import { groupNumbers, groupRows } from "./row-groups";

const identity = (n: number): Uint32Array => Uint32Array.from({ length: n }, (_, i) => i);

describe("groupRows", () => {
  it("numbers groups by first appearance across many distinct keys (hash table growth and probing)", () => {
    const n = 5000;
    const a = Array.from({ length: n }, (_, i) => i % 1250);
    const b = Float64Array.from({ length: n }, (_, i) => (i % 1250) / 7);
    const groups = groupRows([a, b], identity(n));
    expect(groups.groupCount).toBe(1250);
    expect([...groups.firstPosition]).toEqual(Array.from({ length: 1250 }, (_, i) => i));
    expect(groups.groupOf[1250 + 17]).toBe(17);
  });

  it("groups several narrow whole-number columns (the combined-index path) as the general path does", () => {
    const value = fc.oneof(fc.integer({ min: -6, max: 6 }), fc.constantFrom(Number.NaN, -0, 2.5, 1e12));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(value, value, value), { maxLength: 1500 }),
        fc.integer({ min: 2, max: 3 }),
        fc.integer({ min: -3e9, max: 3e9 }),
        (cells, width, shift) => {
          const columns = [0, 1, 2]
            .slice(0, width)
            .map((c) => Float64Array.from(cells, (cell) => (c === 1 ? cell[c]! + shift : cell[c]!)));
          const rows = Uint32Array.from(identity(cells.length).reverse());
          const typed = groupRows(columns, rows);
          // plain arrays take the general path (hash of every cell, sameValue on hits)
          const general = groupRows(
            columns.map((column) => Array.from(column)),
            rows,
          );
          expect(typed.groupCount).toBe(general.groupCount);
          expect([...typed.groupOf]).toEqual([...general.groupOf]);
          expect([...typed.firstPosition]).toEqual([...general.firstPosition]);
        },
      ),
      { seed: 13, numRuns: 200 },
    );
  });

  it("makes one group of everything when there are no key columns", () => {
    const groups = groupRows([], identity(4));
    expect(groups.groupCount).toBe(1);
    expect([...groups.groupOf]).toEqual([0, 0, 0, 0]);
  });

  it("reads keys through the row numbers it is given", () => {
    const groups = groupRows([["x", "y", "x"]], Uint32Array.from([2, 0, 1]));
    expect([...groups.groupOf]).toEqual([0, 0, 1]);
  });
});

describe("groupNumbers (the one-number-column path)", () => {
  const same = (a: { groupOf: Int32Array; groupCount: number; firstPosition: Int32Array }, b: typeof a) => {
    expect(a.groupCount).toBe(b.groupCount);
    expect([...a.groupOf]).toEqual([...b.groupOf]);
    expect([...a.firstPosition]).toEqual([...b.firstPosition]);
  };

  it("groups exactly as the general path does: NaN one group, 0 with -0, fractions and huge values apart", () => {
    const special = fc.constantFrom(Number.NaN, 0, -0, 0.1, 2 ** 31, -(2 ** 31) - 1, 1e300, -1e-300);
    const value = fc.oneof(fc.integer({ min: -40, max: 40 }), fc.double({ noNaN: false }), special);
    fc.assert(
      fc.property(fc.array(value, { maxLength: 3000 }), (values) => {
        const column = Float64Array.from(values);
        const rows = identity(values.length);
        // a plain array takes the general path (hash of every cell, sameValue on hits)
        same(groupNumbers(column, rows), groupRows([Array.from(column)], rows));
      }),
      { seed: 7, numRuns: 60 },
    );
  });

  it("groups narrow whole numbers (the direct-index path) as the general path does, NaN and -0 included", () => {
    const value = fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constantFrom(Number.NaN, -0));
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 2000 }),
        fc.integer({ min: -3e9, max: 3e9 }),
        (values, shift) => {
          const column = Float64Array.from(values, (v) => (Number.isNaN(v) ? v : v + shift));
          const rows = identity(values.length);
          same(groupNumbers(column, rows), groupRows([Array.from(column)], rows));
        },
      ),
      { seed: 11, numRuns: 60 },
    );
  });

  it("is what groupRows uses for one Float64Array key, through the given rows and past table growth", () => {
    const n = 20_000;
    const column = Float64Array.from({ length: n }, (_, i) => (i * 7919) % 4099);
    const rows = Uint32Array.from({ length: n }, (_, i) => n - 1 - i);
    const groups = groupRows([column], rows);
    same(groups, groupRows([Array.from(column)], rows));
    expect(groups.groupCount).toBe(4099);
  });
});

describe("firstNByGroup", () => {
  it("keeps the n smallest per group under the comparator", () => {
    const keys = ["a", "a", "a", "a", "b", "a"];
    const order = [5, 1, 4, 2, 9, 3];
    const groups = groupRows([keys], identity(keys.length));
    const keep = firstNByGroup(groups, 2, (x, y) => order[x]! - order[y]! || x - y);
    expect([...keep]).toEqual([0, 1, 0, 1, 1, 0]);
  });
});
