import { describe, expect, it } from "vitest";
import { partitionRows } from "./row-partition";

describe("partitionRows", () => {
  it("moves the rows with code <= bin first, keeps both sides in order and leaves other ranges alone", () => {
    // 2 features per row; feature 1's codes of rows 0..6 are 3, 0, 5, 1, 3, 4, 2.
    const codes = Uint8Array.from([9, 3, 9, 0, 9, 5, 9, 1, 9, 3, 9, 4, 9, 2]);
    const rows = Uint32Array.from([0, 1, 2, 3, 4, 5, 6]);
    const middle = partitionRows(rows, 1, 6, codes, 2, 1, 3, new Uint32Array(7));
    expect(middle).toBe(4);
    expect(Array.from(rows)).toEqual([0, 1, 3, 4, 2, 5, 6]);
  });
});
