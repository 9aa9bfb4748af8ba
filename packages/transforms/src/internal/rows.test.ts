import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { assignColumns, keepPositions, positionsOf, visibleRows } from "./rows";

const table = aq.table({
  f: Float64Array.from([10, 11, 12, 13]),
  i: Int32Array.from([0, 1, 2, 3]),
  s: ["a", "b", "a", "b"],
});

describe("row selection", () => {
  it("lists the rows a filtered, ordered view shows, in its order", () => {
    const view = table.filter((d: { i: number }) => d.i > 0).orderby(aq.desc("f"));
    expect([...visibleRows(view)]).toEqual([3, 2, 1]);
  });

  it("copies selected rows when fewer than half survive, keeping typed columns typed and the column order", () => {
    const rows = visibleRows(table);
    const out = keepPositions(table, rows, Uint32Array.from([3]));
    expect(out.columnNames()).toEqual(["f", "i", "s"]);
    expect(out.column("f")).toBeInstanceOf(Float64Array);
    expect(out.column("i")).toBeInstanceOf(Int32Array);
    expect(out.objects()).toEqual([{ f: 13, i: 3, s: "b" }]);
    expect(out.isFiltered() || out.isOrdered()).toBe(false);
    expect(out.totalRows()).toBe(1);
  });

  it("keeps at least half of the rows as a filtered view of the same columns (nothing copied)", () => {
    const out = keepPositions(table, visibleRows(table), Uint32Array.from([1, 3]));
    expect(out.objects()).toEqual([
      { f: 11, i: 1, s: "b" },
      { f: 13, i: 3, s: "b" },
    ]);
    expect(out.column("f")).toBe(table.column("f"));
    // a view of a view: positions are the view's rows; fewer than half of the backing rows left: copied
    const again = keepPositions(out, visibleRows(out), Uint32Array.from([1]));
    expect(again.objects()).toEqual([{ f: 13, i: 3, s: "b" }]);
    expect(again.totalRows()).toBe(1);
    // an ordered view is copied in its order
    const ordered = table.orderby(aq.desc("f"));
    const copied = keepPositions(ordered, visibleRows(ordered), Uint32Array.from([0, 1, 2]));
    expect(Array.from(copied.array("f"))).toEqual([13, 12, 11]);
    expect(copied.isOrdered()).toBe(false);
  });

  it("keeps the groups of a grouped table", () => {
    const grouped = table.groupby("s");
    const out = keepPositions(grouped, visibleRows(grouped), Uint32Array.from([0, 1, 2]));
    expect(out.isGrouped()).toBe(true);
    expect(out.count().objects()).toEqual([
      { s: "a", count: 2 },
      { s: "b", count: 1 },
    ]);
  });

  it("finds the kept positions of a flag array", () => {
    expect([...positionsOf(Uint8Array.from([0, 1, 1, 0, 1]))]).toEqual([1, 2, 4]);
  });

  it("assigns no column as the table unchanged: its rows, order and groups (arquero's assign({}) has no rows)", () => {
    const views = [
      table,
      table.filter((d: { i: number }) => d.i !== 1),
      table.orderby(aq.desc("f")),
      table.filter((d: { i: number }) => d.i < 3).groupby("s"),
    ];
    for (const view of views) {
      const out = assignColumns(view, visibleRows(view), {});
      expect(out).not.toBe(view);
      expect(out.columnNames()).toEqual(view.columnNames());
      expect(out.objects()).toEqual(view.objects());
      expect(out.groups()?.names).toEqual(view.groups()?.names);
    }
  });

  it("assigns columns over the rows a view shows as arquero's assign does: filtered, ordered, grouped, whole", () => {
    const views = [
      table,
      table.filter((d: { i: number }) => d.i !== 1),
      table.orderby(aq.desc("f")),
      table.filter((d: { i: number }) => d.i > 0).orderby("s", aq.desc("i")),
      table.filter((d: { i: number }) => d.i < 3).groupby("s"),
    ];
    for (const view of views) {
      const rows = visibleRows(view);
      const columns = { n: Int32Array.from(rows, (row) => row * 2), s: Array.from(rows, (row) => `s${row}`) };
      const ours = assignColumns(view, rows, columns);
      const theirs = view.assign(columns);
      expect(ours.columnNames()).toEqual(theirs.columnNames());
      expect(ours.objects()).toEqual(theirs.objects());
      expect(ours.groups()?.names).toEqual(theirs.groups()?.names);
      expect(ours.column("f")).toBeInstanceOf(Float64Array);
    }
  });
});
