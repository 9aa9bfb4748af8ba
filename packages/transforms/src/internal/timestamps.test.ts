import { daysFromCivil } from "@tablepipe/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { civilDate, dayNumber, dayOfWeek, hourOfDay, startOfNextMonth } from "./timestamps";

describe("calendar arithmetic", () => {
  it("agrees with the UTC fields of Date, for any instant", () => {
    fc.assert(
      fc.property(fc.integer({ min: -2e12, max: 5e12 }), (ms) => {
        const date = new Date(ms);
        const days = dayNumber(ms);
        expect(civilDate(days)).toBe(
          date.getUTCFullYear() * 10000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate(),
        );
        expect(dayOfWeek(days)).toBe(date.getUTCDay() + 1);
        expect(hourOfDay(ms)).toBe(date.getUTCHours());
        const packed = civilDate(days);
        expect(daysFromCivil(Math.floor(packed / 10000), Math.floor(packed / 100) % 100, packed % 100)).toBe(
          days,
        );
      }),
      { numRuns: 300 },
    );
  });

  it("finds the start of the next month, across a year end", () => {
    expect(startOfNextMonth("201703")).toBe(Date.UTC(2017, 3, 1));
    expect(startOfNextMonth("201812")).toBe(Date.UTC(2019, 0, 1));
  });
});
