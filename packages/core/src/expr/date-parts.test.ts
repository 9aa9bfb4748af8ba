import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DatePart, datePart, isDatePart } from "./date-parts";

/** The date parts of whole epoch milliseconds as JavaScript's UTC getters give them (an independent reference). */
function byDateGetters(ms: number): Record<DatePart, number> {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  return {
    year: y,
    quarter: Math.floor(d.getUTCMonth() / 3) + 1,
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    // the days before the date in the leap year 2000, less February 29th when the year has none
    dayOfYear:
      (Date.UTC(2000, d.getUTCMonth(), d.getUTCDate()) - Date.UTC(2000, 0, 1)) / 864e5 +
      1 -
      (isLeap(y) || d.getUTCMonth() < 2 ? 0 : 1),
    dayOfWeek: d.getUTCDay() + 1,
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

const PARTS: readonly DatePart[] = [
  "year",
  "quarter",
  "month",
  "day",
  "dayOfYear",
  "dayOfWeek",
  "hour",
  "minute",
  "second",
];

describe("date parts", () => {
  it("agree with the Date getters on any instant from year -9999 to 9999", () => {
    const instant = fc.integer({ min: Date.UTC(-9999, 0, 1), max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) });
    fc.assert(
      fc.property(instant, (ms) => {
        const expected = byDateGetters(ms);
        for (const part of PARTS) expect([part, datePart(part)(ms)]).toEqual([part, expected[part]]);
      }),
      { numRuns: 2000 },
    );
  });

  it("read a fraction of a millisecond as the millisecond it falls in", () => {
    for (const part of PARTS) expect([part, datePart(part)(-0.4)]).toEqual([part, datePart(part)(-1)]);
    expect(datePart("second")(Date.UTC(2024, 0, 1, 0, 0, 5) + 999.9)).toBe(5);
  });

  it("count the days of the year through leap days and quarters through their edges", () => {
    expect(datePart("dayOfYear")(Date.UTC(2024, 11, 31))).toBe(366);
    expect(datePart("dayOfYear")(Date.UTC(2100, 11, 31))).toBe(365);
    expect(datePart("dayOfYear")(Date.UTC(2000, 2, 1))).toBe(61);
    expect(datePart("quarter")(Date.UTC(2018, 2, 31, 23, 59, 59, 999))).toBe(1);
    expect(datePart("quarter")(Date.UTC(2018, 3, 1))).toBe(2);
    expect(PARTS.every(isDatePart)).toBe(true);
    expect(isDatePart("abs")).toBe(false);
  });
});
