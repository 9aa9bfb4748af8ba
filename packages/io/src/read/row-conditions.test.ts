import { cast, col, gt, isIn, isNull, lit, lt, or } from "@tablepipe/core";
import { describe, expect, it } from "vitest";
import { keepRowsWhere } from "./row-conditions";

const NAMES = ["fare", "zone", "note"];
const fare = new Float64Array([5, 20, Number.NaN, 30, 12]);
const zone = [1, 2, null, 132, 7];
const note = ["a", "7", null, "x", "3"];

describe("keepRowsWhere", () => {
  it("keeps the rows on which every condition holds, in order, and counts each condition's rows in and out", () => {
    const kept = keepRowsWhere(NAMES, [fare, zone, note], 5, [
      gt(col("fare"), 10),
      or(isNull(col("zone")), lt(col("zone"), 100)),
    ]);
    expect(kept?.rows).toBe(2);
    expect(kept?.tallies.map(({ rowsIn, rowsOut }) => [rowsIn, rowsOut])).toEqual([
      [5, 3],
      [3, 2],
    ]);
    expect(kept?.tallies.every((t) => t.ms >= 0)).toBe(true);
    const [fares, zones, notes] = kept?.columns ?? [];
    // a typed column stays typed; others stay arrays, nulls kept
    expect(fares).toEqual(new Float64Array([20, 12]));
    expect(zones).toEqual([2, 7]);
    expect(notes).toEqual(["7", "3"]);
  });

  it("hands the columns on as they are when every row is kept", () => {
    const kept = keepRowsWhere(NAMES, [fare, zone, note], 5, [lit(true)]);
    expect(kept?.rows).toBe(5);
    expect(kept?.columns[0]).toBe(fare);
  });

  it("tests each condition on the rows the ones before it kept only", () => {
    // "x" and "a" cannot be cast to int, but the first condition drops their rows
    const kept = keepRowsWhere(NAMES, [fare, zone, note], 5, [
      isIn(col("zone"), [2, 7]),
      gt(cast(col("note"), "int"), 5),
    ]);
    expect(kept?.tallies.map(({ rowsIn, rowsOut }) => [rowsIn, rowsOut])).toEqual([
      [5, 2],
      [2, 1],
    ]);
    expect(kept?.columns[0]).toEqual(new Float64Array([20]));
  });

  it("drops every row when a condition is null on all of them", () => {
    const kept = keepRowsWhere(NAMES, [fare, zone, note], 5, [lit(null)]);
    expect(kept?.rows).toBe(0);
    expect(kept?.columns.map((c) => c.length)).toEqual([0, 0, 0]);
  });

  it("is undefined when a condition cannot be tested on the batch: the steps then run on it whole", () => {
    expect(keepRowsWhere(NAMES, [fare, zone, note], 5, [cast(col("note"), "int")])).toBeUndefined();
    expect(keepRowsWhere(NAMES, [fare, zone, note], 5, [gt(cast(col("note"), "int"), 1)])).toBeUndefined();
    expect(keepRowsWhere(NAMES, [fare, zone, note], 5, [gt(col("note"), 1)])).toBeUndefined();
  });
});
