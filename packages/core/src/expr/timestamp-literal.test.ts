import { describe, expect, it } from "vitest";
import { coalesce, col, timestamp } from "./build";
import { formatExpr } from "./format";

describe("timestamp(text)", () => {
  it("holds the wall-clock time's epoch milliseconds", () => {
    expect(timestamp("2024-03-31 01:00:00")).toEqual({
      kind: "literal",
      value: Date.UTC(2024, 2, 31, 1),
      timestamp: true,
    });
    expect(timestamp("2024-03-31T01:00")).toMatchObject({ value: Date.UTC(2024, 2, 31, 1) });
  });

  it("refuses text with a zone (Z or an offset), as readTable does, rather than shifting it", () => {
    for (const text of [
      "2024-03-31T01:00:00+05:30",
      "2024-03-31 01:00:00-05:00",
      "2024-03-31T01:00:00Z",
      "2024-03-31 01:00:00 -0500",
    ]) {
      expect(() => timestamp(text)).toThrow(
        `timestamp: ${JSON.stringify(text)} carries a zone (Z or an offset): expected a time stamp without a zone`,
      );
    }
  });

  it("refuses text that is no time stamp", () => {
    expect(() => timestamp("2024-02-30")).toThrow(
      'timestamp: expected a time stamp like "2024-03-01 18:30:00", got "2024-02-30"',
    );
  });
});

describe("a time-stamp literal in an error", () => {
  it("is shown as the call that builds it, with its wall-clock text", () => {
    expect(formatExpr(coalesce(col("i"), timestamp("2024-01-01 06:00")))).toBe(
      'coalesce(col("i"), timestamp("2024-01-01 06:00:00"))',
    );
  });
});
