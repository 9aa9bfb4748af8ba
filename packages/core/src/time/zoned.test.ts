import { describe, expect, it } from "vitest";
import { parseWallClockTimestamp } from "./timestamp";
import { isZonedTimestamp, zonedTimestampReason } from "./zoned";

describe("zoned time stamps", () => {
  it("are told from wall-clock ones, which alone parse as a column's time stamps", () => {
    for (const zoned of ["2024-01-01T10:00:00+02:00", "2024-01-01 10:00Z", "2024-01-01T10:00:00.5 -0500"]) {
      expect(isZonedTimestamp(zoned)).toBe(true);
      expect(parseWallClockTimestamp(zoned)).toBeNaN();
    }
    for (const plain of ["2024-01-01T10:00:00", "2024-01-01", "01/02/2024 10:00:00 AM", "+02:00"]) {
      expect(isZonedTimestamp(plain)).toBe(false);
    }
    expect(parseWallClockTimestamp("2024-01-01T10:00:00")).toBe(Date.UTC(2024, 0, 1, 10));
  });

  it("are refused in readTable's words", () => {
    expect(zonedTimestampReason('"2024-01-01T10:00:00Z"')).toBe(
      '"2024-01-01T10:00:00Z" carries a zone (Z or an offset): expected a time stamp without a zone, the ' +
        "data's wall-clock time (e.g. 2018-07-27 09:14:45)",
    );
  });
});
