import * as aq from "arquero";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortRows } from "./sort-rows";

describe("sortRows", () => {
  it("sorts by the given columns, then by every other column", () => {
    const table = aq.table({ k: [2, 1, 1, 1], t: [5, 9, 3, 3], v: ["a", "b", "z", "c"] });
    expect(sortRows(table, { by: ["k", "t"] }).objects()).toEqual([
      { k: 1, t: 3, v: "c" },
      { k: 1, t: 3, v: "z" },
      { k: 1, t: 9, v: "b" },
      { k: 2, t: 5, v: "a" },
    ]);
  });

  it("puts missing values first and keeps typed columns typed", () => {
    const table = aq.table({ k: [3, null, 1], x: Float64Array.from([1, 2, 3]) });
    const out = sortRows(table, { by: ["k"] });
    expect(out.array("k")).toEqual([null, 1, 3]);
    expect(out.column("x")).toBeInstanceOf(Float64Array);
    expect(Array.from(out.array("x"))).toEqual([2, 3, 1]);
  });

  it("gives the same table whatever the input order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), { maxLength: 30 }),
        fc.integer(),
        (pairs, seed) => {
          const shuffled = [...pairs].sort(
            (a, b) => ((a[0] * 31 + a[1] + seed) % 7) - ((b[0] * 31 + b[1] + seed) % 7),
          );
          const a = sortRows(aq.table({ k: pairs.map((p) => p[0]), v: pairs.map((p) => p[1]) }), {
            by: ["k"],
          });
          const b = sortRows(aq.table({ k: shuffled.map((p) => p[0]), v: shuffled.map((p) => p[1]) }), {
            by: ["k"],
          });
          expect(b.objects()).toEqual(a.objects());
        },
      ),
      { numRuns: 50 },
    );
  });

  it("sorts a filtered view's rows only, and an empty table", () => {
    const view = aq.table({ k: [3, 2, 1] }).filter((d: { k: number }) => d.k > 1);
    expect(sortRows(view, { by: ["k"] }).array("k")).toEqual([2, 3]);
    expect(sortRows(aq.table({ k: [] }), { by: ["k"] }).numRows()).toBe(0);
  });

  it("sorts by every column, in table order, when no column is named", () => {
    const table = aq.table({ k: [2, 1, 1], v: ["a", "z", "b"] });
    expect(sortRows(table).objects()).toEqual([
      { k: 1, v: "b" },
      { k: 1, v: "z" },
      { k: 2, v: "a" },
    ]);
  });

  it("sorts descending as the exact reverse of ascending: missing values last", () => {
    const t = aq.table({ k: [1, null, 3, 1], v: ["b", "x", "y", "a"] });
    const out = sortRows(t, { by: ["k"], descending: ["k"] });
    expect(out.objects()).toEqual([
      { k: 3, v: "y" },
      { k: 1, v: "a" }, // ties broken by the other columns, ascending
      { k: 1, v: "b" },
      { k: null, v: "x" },
    ]);
    expect(() => sortRows(t, { by: ["k"], descending: ["v"] })).toThrow(
      'sortRows: param "descending": "v" is not one of the by columns (k)',
    );
  });
});
