import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { firstNPerGroup } from "./first-n-per-group";
import { sortRows } from "./sort-rows";
import { topNPerGroup } from "./top-n-per-group";
import { window } from "./window";
import { rank, rowNumber } from "./window-functions";

/** null, undefined and NaN are one missing value in every order, as DuckDB's and Spark's one NULL. */
describe("ordering rows by a column holding null, undefined and NaN", () => {
  // rows 1 to 4 hold a missing z of three kinds; v breaks their tie, then row order
  const mixed = () =>
    aq.table({ z: [1, Number.NaN, null, undefined, Number.NaN], v: ["a", "b", "a", "b", "a"] });

  it("sortRows: the missing values tie, first ascending, broken by the other columns, then row order", () => {
    const up = sortRows(mixed(), { by: ["z"] });
    expect(up.array("v")).toEqual(["a", "a", "b", "b", "a"]);
    expect(up.array("z")).toEqual([null, Number.NaN, Number.NaN, undefined, 1]);
  });

  it("sortRows descending: the missing values last, their tie broken alike", () => {
    const down = sortRows(mixed(), { by: ["z"], descending: ["z"] });
    expect(down.array("z")).toEqual([1, null, Number.NaN, Number.NaN, undefined]);
  });

  it("sortRows: rows equal but for the kind of missing value keep their order", () => {
    expect(sortRows(aq.table({ z: [Number.NaN, undefined, null] }), { by: ["z"] }).array("z")).toEqual([
      Number.NaN,
      undefined,
      null,
    ]);
  });

  it("firstNPerGroup and topNPerGroup: the missing order values tie, broken by the other columns", () => {
    const t = aq.table({ z: [null, Number.NaN], v: ["b", "a"] });
    expect(firstNPerGroup(t, { keys: [], orderBy: ["z"], n: 1 }).objects()).toEqual([
      { z: Number.NaN, v: "a" },
    ]);
    const d = aq.table({ z: [null, Number.NaN, 1], v: ["a", "b", "c"] });
    expect(topNPerGroup(d, { keys: [], orderBy: ["z"], descending: ["z"], n: 2 }).objects()).toEqual([
      { z: null, v: "a" },
      { z: 1, v: "c" },
    ]);
  });

  it("window: rowNumber numbers tied missing values in row order; rank gives them one rank", () => {
    const t = aq.table({ z: [Number.NaN, null, 2, undefined], v: ["a", "a", "a", "a"] });
    const out = window(t, {
      partitionBy: [],
      orderBy: ["z"],
      descending: [],
      columns: { n: rowNumber(), r: rank() },
    });
    expect(out.array("n")).toEqual([1, 2, 4, 3]);
    expect(out.array("r")).toEqual([1, 1, 4, 1]);
  });
});
