import { describe, expect, it } from "vitest";
import { cellsEqual, compareCells } from "./table-values";

describe("cellsEqual", () => {
  it("treats null and undefined as the same missing value, and nothing else as missing", () => {
    expect(cellsEqual(null, undefined)).toBe(true);
    expect(cellsEqual(undefined, null)).toBe(true);
    expect(cellsEqual(null, 0)).toBe(false);
    expect(cellsEqual("", null)).toBe(false);
    expect(cellsEqual(Number.NaN, 0)).toBe(false);
  });

  it("treats NaN and an invalid Date as missing too, as every transform and engine does", () => {
    expect(cellsEqual(Number.NaN, null)).toBe(true);
    expect(cellsEqual(null, Number.NaN)).toBe(true);
    expect(cellsEqual(Number.NaN, undefined)).toBe(true);
    expect(cellsEqual(new Date(Number.NaN), null)).toBe(true);
    expect(cellsEqual([1, Number.NaN], [1, null])).toBe(true);
    expect(cellsEqual(Number.NaN, "")).toBe(false);
    expect(cellsEqual(Number.NaN, Number.POSITIVE_INFINITY)).toBe(false);
    expect(compareCells(Number.NaN, null)).toBe(0);
  });

  it("equates NaN with NaN, and -0 with 0", () => {
    expect(cellsEqual(Number.NaN, Number.NaN)).toBe(true);
    expect(cellsEqual(-0, 0)).toBe(true);
    expect(cellsEqual(Number.NaN, 0, 1)).toBe(false);
  });

  it("compares Dates by time value, never with a string", () => {
    expect(cellsEqual(new Date(Date.UTC(2018, 1, 4)), new Date(Date.UTC(2018, 1, 4)))).toBe(true);
    expect(cellsEqual(new Date(1), new Date(2))).toBe(false);
    expect(cellsEqual(new Date(5), new Date(6), 10)).toBe(false);
    expect(cellsEqual(new Date(Number.NaN), new Date(Number.NaN))).toBe(true);
    expect(cellsEqual(new Date(0), "1970-01-01T00:00:00.000Z")).toBe(false);
    expect(cellsEqual(new Date(0), 0n)).toBe(false);
  });

  it("equates a Date with the number of its epoch milliseconds (a time stamp as tables hold it)", () => {
    const at = Date.UTC(2018, 1, 4, 18);
    expect(cellsEqual(new Date(at), at)).toBe(true);
    expect(cellsEqual(at, new Date(at))).toBe(true);
    expect(cellsEqual(new Date(0), 0)).toBe(true);
    expect(cellsEqual(new Date(at), at + 1)).toBe(false);
    expect(cellsEqual(new Date(at), at + 1, 10)).toBe(false); // no tolerance for time stamps
    expect(cellsEqual(new Date(Number.NaN), Number.NaN)).toBe(true); // both "not a time", like NaN and NaN
    expect(cellsEqual(new Date(Number.NaN), 0)).toBe(false);
  });

  it("applies the absolute tolerance to numbers, inclusive at the edge", () => {
    expect(cellsEqual(1, 1.0005, 1e-3)).toBe(true);
    expect(cellsEqual(1, 1.1, 0.1)).toBe(true);
    expect(cellsEqual(1, 0.9, 0.1)).toBe(true);
    expect(cellsEqual(1, 1.1000001, 0.1)).toBe(false);
    expect(cellsEqual(0.1 + 0.2, 0.3)).toBe(false);
    expect(cellsEqual(0.1 + 0.2, 0.3, 1e-12)).toBe(true);
    expect(cellsEqual(1e6, 1e6 + 1, 0.5)).toBe(false);
    expect(cellsEqual(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, 1)).toBe(true);
    expect(cellsEqual(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1)).toBe(false);
    expect(cellsEqual(Number.MAX_VALUE, Number.POSITIVE_INFINITY, 1)).toBe(false);
  });

  it("keeps kinds apart", () => {
    expect(cellsEqual(1, "1")).toBe(false);
    expect(cellsEqual(1, 1n)).toBe(false);
    expect(cellsEqual(true, 1)).toBe(false);
    expect(cellsEqual(5n, 5n)).toBe(true);
    expect(cellsEqual(5n, 6n)).toBe(false);
    expect(cellsEqual(5n, 6n, 1)).toBe(true);
  });

  it("compares arrays element-wise, typed or plain", () => {
    expect(cellsEqual([1, 2], new Float64Array([1, 2]))).toBe(true);
    expect(cellsEqual(new Int32Array([1, 2]), [1, 2.0001], 0.001)).toBe(true);
    expect(cellsEqual([1, 2], [1, 2, 3])).toBe(false);
    expect(cellsEqual({ a: [1], b: null }, { a: [1], b: undefined })).toBe(true);
    expect(cellsEqual({ a: 1 }, { b: 1 })).toBe(false);
  });
});

describe("compareCells", () => {
  it("orders kinds: missing (NaN too), booleans, numbers and Dates by value, bigints, strings, others", () => {
    const values = ["b", { x: 1 }, new Date(5), 2n, Number.NaN, 3, -1, true, false, null, "a"];
    const sorted = [...values].sort((a, b) => compareCells(a, b));
    expect(sorted).toEqual([Number.NaN, null, false, true, -1, 3, new Date(5), 2n, "a", "b", { x: 1 }]);
  });

  it("ties a Date with its epoch milliseconds, so both sort alike", () => {
    expect(compareCells(new Date(5), 5)).toBe(0);
    expect(compareCells(new Date(5), 6)).toBeLessThan(0);
    expect(compareCells(7, new Date(6))).toBeGreaterThan(0);
  });

  it("orders strings by code unit, not locale", () => {
    expect(["b", "B", "a", "ä"].sort(compareCells)).toEqual(["B", "a", "b", "ä"]);
  });

  it("treats numbers within tolerance as tied", () => {
    expect(compareCells(1, 1.0001, 0.001)).toBe(0);
    expect(compareCells(1, 1.01, 0.001)).toBeLessThan(0);
    expect(compareCells(null, undefined)).toBe(0);
  });
});
