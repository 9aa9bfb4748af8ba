import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { TableAccumulator } from "./accumulate";

describe("TableAccumulator", () => {
  it("concatenates chunks, keeping typed columns typed", () => {
    const acc = new TableAccumulator();
    for (let i = 0; i < 50; i++) {
      acc.append(
        aq.table({ x: Float64Array.from([i, i + 0.5]), n: Int32Array.from([i, -i]), s: ["a", null] }),
      );
    }
    const table = acc.finish([]);
    expect(table.numRows()).toBe(100);
    expect(table.column("x")).toBeInstanceOf(Float64Array);
    expect(table.column("n")).toBeInstanceOf(Int32Array);
    expect(table.get("x", 99)).toBe(49.5);
    expect(table.get("n", 99)).toBe(-49);
    expect(table.get("s", 99)).toBeNull();
    expect(table.array("s")).toEqual(Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? "a" : null)));
  });

  it("falls back to a plain array when chunks bring different kinds", () => {
    const acc = new TableAccumulator();
    acc.append(aq.table({ m: Int32Array.from([1, 2]) }));
    acc.append(aq.table({ m: [3, null] }));
    acc.append(aq.table({ m: Int32Array.from([5]) }));
    expect(acc.finish([]).array("m")).toEqual([1, 2, 3, null, 5]);
  });

  it("reads filtered and ordered views through their indices", () => {
    const acc = new TableAccumulator();
    acc.append(
      aq
        .table({ v: Float64Array.from([1, 2, 3, 4]), s: ["a", "b", null, "d"] })
        .filter((d: { v: number }) => d.v % 2 === 0),
    );
    acc.append(aq.table({ v: Float64Array.from([7, 5]), s: ["x", "y"] }).orderby("v"));
    const table = acc.finish([]);
    expect(Array.from(table.array("v") as Float64Array)).toEqual([2, 4, 5, 7]);
    expect(table.array("s")).toEqual(["b", "d", "y", "x"]);
  });

  it("rejects chunks with other columns, and names the columns of an empty result", () => {
    const acc = new TableAccumulator();
    acc.append(aq.table({ a: [1] }));
    expect(() => acc.append(aq.table({ b: [1] }))).toThrow(/chunks disagree on their columns: a then b/);
    expect(new TableAccumulator().finish(["a", "b"]).columnNames()).toEqual(["a", "b"]);
  });
});
