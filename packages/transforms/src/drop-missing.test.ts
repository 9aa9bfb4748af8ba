import * as aq from "arquero";
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
