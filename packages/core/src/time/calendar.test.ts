import { describe, expect, it } from "vitest";
import { civilDate, daysFromCivil } from "./calendar";

describe("calendar", () => {
  it("agrees with Date.UTC on day numbers, both ways", () => {
    for (const [y, m, d] of [
      [1970, 1, 1],
      [2018, 2, 4],
      [2016, 2, 29],
      [2000, 3, 1],
      [1900, 2, 28],
      [1969, 12, 31],
      [2400, 12, 31],
    ] as const) {
      const days = Date.UTC(y, m - 1, d) / 86_400_000;
      expect(daysFromCivil(y, m, d)).toBe(days);
      expect(civilDate(days)).toBe(y * 10000 + m * 100 + d);
    }
  });

  it("round-trips every day over four centuries", () => {
    for (let days = -146_097; days < 146_097; days += 1) {
      const packed = civilDate(days);
      expect(daysFromCivil(Math.floor(packed / 10000), Math.floor(packed / 100) % 100, packed % 100)).toBe(
        days,
      );
    }
  });
});
