import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { gatherRows } from "./gather-rows";

const mixed = () =>
  aq.table({
    x: Float64Array.of(0.5, -0, Number.NaN, 3, 4),
    n: Int32Array.of(10, 20, 30, 40, 50),
    s: ["a", null, "c", "d", undefined],
    d: [new Date(0), null, new Date(2), new Date(3), new Date(4)],
  });

describe("gatherRows", () => {
  it("gives what reify gives, in the rows' order, with repeats, typed columns kept typed", () => {
    const table = mixed();
    const rows = Uint32Array.of(4, 0, 2, 2, 1);
    const gathered = gatherRows(table, rows);
    const reified = table.reify(Array.from(rows));
    expect(gathered.columnNames()).toEqual(["x", "n", "s", "d"]);
    expect(gathered.objects()).toEqual(reified.objects());
    expect(Object.is(gathered.get("x", 4), -0)).toBe(true);
    expect(gathered.column("x")).toBeInstanceOf(Float64Array);
    expect(gathered.column("n")).toBeInstanceOf(Int32Array);
    expect(gathered.isFiltered() || gathered.isOrdered()).toBe(false);
  });

  it("keeps a grouped table's groups, through reify", () => {
    const grouped = aq.table({ g: ["a", "b", "a", "b"], v: Float64Array.of(1, 2, 3, 4) }).groupby("g");
    const gathered = gatherRows(grouped, Uint32Array.of(3, 2));
    expect(gathered.isGrouped()).toBe(true);
    const totals = (t: aq.ColumnTable) =>
      t
        .rollup({ total: aq.op.sum("v") })
        .orderby("g")
        .objects();
    expect(totals(gathered)).toEqual([
      { g: "a", total: 3 },
      { g: "b", total: 4 },
    ]);
    expect(totals(gathered)).toEqual(totals(grouped.reify([3, 2])));
  });
});
