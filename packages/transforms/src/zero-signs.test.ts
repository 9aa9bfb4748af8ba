import { count } from "@tablepipe/core";
import { attachSchema } from "@tablepipe/core/internal";
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { aggregate } from "./aggregate";
import { dropDuplicates } from "./drop-duplicates";
import { firstNPerGroup } from "./first-n-per-group";
import { withoutNegativeZeroColumns, zeroSignedColumns } from "./internal/zero-signs";
import { pivot } from "./pivot";

/** The cells of a column, `-0` told from `0`. */
const signed = (table: aq.ColumnTable, name: string): unknown[] =>
  Array.from(table.array(name) as ArrayLike<unknown>, (v) => (Object.is(v, -0) ? "-0" : v));

describe("a group's key and a distinct row: a float's zero is 0", () => {
  it("withoutNegativeZeroColumns clears the columns named, keeping the others, the column order and the filter", () => {
    const table = aq.table({ a: [-0, 1, -0], b: Float64Array.of(-0, 2, 3), s: ["x", "y", "z"] });
    const shown = table.filter((row: { a: number }) => row.a === 0);
    const out = withoutNegativeZeroColumns(shown, ["a"]);
    expect(out.columnNames()).toEqual(["a", "b", "s"]);
    expect(out.numRows()).toBe(2);
    expect(signed(out, "a")).toEqual([0, 0]);
    expect(signed(out, "b")).toEqual(["-0", 3]);
    expect(out.column("s")).toBe(table.column("s"));
    expect(withoutNegativeZeroColumns(table, ["s"])).toBe(table);
  });

  it("zeroSignedColumns: all but the string and boolean columns of a declared schema, every column without one", () => {
    const table = aq.table({ x: [1.5], k: [1], s: ["a"], u: [2], t: [0], b: [true] });
    expect(zeroSignedColumns(table)).toEqual(["x", "k", "s", "u", "t", "b"]);
    const typed = attachSchema(table, {
      x: { type: "float", nullable: false },
      k: { type: "int", nullable: false },
      s: { type: "string", nullable: true },
      u: { type: "unknown", nullable: true },
      t: { type: "timestamp", nullable: false },
      b: { type: "boolean", nullable: false },
    });
    expect(zeroSignedColumns(typed)).toEqual(["x", "k", "u", "t"]);
  });

  it("aggregate and pivot give a float key's zero as 0, whether its first row held -0 or 0", () => {
    for (const x of [
      [-0, 0, 2],
      [0, -0, 2],
      [2, -0, -0],
    ]) {
      const table = aq.table({ x, n: ["a", "b", "a"], y: [1, 2, 3] });
      const grouped = aggregate(table, { by: ["x"], measures: { c: count() } });
      expect(signed(grouped, "x").filter((v) => v !== 2)).toEqual([0]);
      const wide = pivot(table, {
        by: ["x"],
        namesFrom: "n",
        valuesFrom: "y",
        names: ["a", "b"],
        aggregate: "sum",
      });
      expect(signed(wide, "x")).toEqual(signed(grouped, "x"));
    }
  });

  it("dropDuplicates on every column gives each float zero as 0; on a subset, the first row as it is", () => {
    const table = aq.table({ x: [-0, 0, 1], y: [-0, -0, -0] });
    const distinct = dropDuplicates(table);
    expect([signed(distinct, "x"), signed(distinct, "y")]).toEqual([
      [0, 1],
      [0, 0],
    ]);
    const firsts = dropDuplicates(table, { subset: ["x"] });
    expect([signed(firsts, "x"), signed(firsts, "y")]).toEqual([
      ["-0", 1],
      ["-0", "-0"],
    ]);
  });

  it("a first-N step's pass over the distinct rows (a streamed read's dedupe and first-N) gives the zeros of the two steps", () => {
    const table = aq.table({ g: ["a", "a", "b", "b", "a"], x: [-0, 0, 3, -0, 1], y: [-0, -0, 2, 1, -0] });
    // a number first in the order (one pass finds copies and first rows), then a text one (hashed apart)
    for (const orderBy of [["x"], ["g", "x"]]) {
      const params = firstNPerGroup.resolveParams({ keys: ["g"], orderBy, n: 2 });
      const fused = firstNPerGroup.keepFirstDistinctRows?.(table, params);
      const apart = firstNPerGroup(dropDuplicates(table), { keys: ["g"], orderBy, n: 2 });
      expect(fused?.distinctRows).toBe(4);
      for (const name of ["g", "x", "y"])
        expect(signed(fused?.table as aq.ColumnTable, name)).toEqual(signed(apart, name));
      expect([...signed(apart, "x"), ...signed(apart, "y")]).not.toContain("-0");
    }
  });
});
