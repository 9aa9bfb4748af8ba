import { formatDay, formatWallClock } from "@tablepipe/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { columnCells, numberText, wallClockText } from "./csv-cells";
import { csvCell } from "./csv-writer";

/** Epoch milliseconds formatWallClock accepts: ±8.64e15, whole or not, with many in a few days (cache hits). */
const millis = fc.oneof(
  fc.integer({ min: -8.64e15, max: 8.64e15 }),
  fc.integer({ min: Date.UTC(2018, 0, 1), max: Date.UTC(2018, 0, 4) }),
  fc.double({ min: -8.64e15, max: 8.64e15, noNaN: true }),
  fc.constantFrom(
    -8.64e15,
    8.64e15,
    -1,
    0,
    1,
    -86_400_000,
    86_399_999,
    Date.UTC(-1, 0, 1),
    Date.UTC(10000, 0, 1),
  ),
);

/** Numbers as a CSV column holds them: repeated prices, one-off values, integers, and the special values. */
const numbers = fc.oneof(
  fc.integer({ min: 0, max: 40 }).map((cents) => cents / 4),
  fc.double(),
  fc.integer(),
  fc.constantFrom(
    -0,
    0,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    2 ** 53 + 2,
    1e21,
    5e-324,
  ),
);

describe("CSV cells", () => {
  it("wallClockText formats every time stamp as formatWallClock does, with its date cached per day", () => {
    fc.assert(
      fc.property(fc.array(millis, { maxLength: 300 }), (values) => {
        const text = wallClockText();
        for (const ms of [...values, ...values]) expect([ms, text(ms)]).toEqual([ms, formatWallClock(ms)]);
      }),
    );
  });

  it("wallClockText throws as formatWallClock does beyond its range", () => {
    expect(() => wallClockText()(8.64e15 + 1)).toThrow(RangeError);
  });

  it("numberText writes every number as csvCell does, while the cache fills, pays off and is dropped", () => {
    fc.assert(
      fc.property(fc.array(numbers, { maxLength: 300 }), (values) => {
        const text = numberText();
        for (const value of [...values, ...values])
          expect([value, text(value)]).toEqual([value, csvCell(value)]);
      }),
    );
    // one-off values for a window (the cache is dropped), then repeated ones: the texts never change
    const text = numberText();
    const oneOff = Array.from({ length: 10_000 }, (_, i) => i + 0.5);
    const repeated = Array.from({ length: 10_000 }, (_, i) => (i % 7) / 8);
    for (const value of [...oneOff, ...repeated, ...oneOff]) expect(text(value)).toBe(String(value));
  });

  it("columnCells: time stamps, dates and numbers as the cell writers give them, missing values empty", () => {
    const out: string[] = [];
    const stamps = [Date.UTC(2018, 1, 4, 18, 0, 0, 5), null, Date.UTC(1969, 11, 31, 23, 59, 59)];
    columnCells("timestamp", stamps, stamps, csvCell)(0, 3, out);
    expect(out).toEqual([formatWallClock(stamps[0] as number), "", "1969-12-31 23:59:59"]);
    const days = [Date.UTC(2018, 1, 4), null];
    columnCells("date", days, days, csvCell)(0, 2, out);
    expect(out.slice(0, 2)).toEqual([formatDay(Date.UTC(2018, 1, 4)), ""]);
    const mixed = [1.5, null, 12n, -0, undefined];
    columnCells("int", mixed, undefined, csvCell)(1, 5, out);
    expect(out.slice(0, 4)).toEqual(["", "12", "-0", ""]);
    const strings = ["a,b", "", null, true];
    columnCells("string", strings, undefined, csvCell)(0, 4, out);
    expect(out).toEqual(['"a,b"', '""', "", "true", ...out.slice(4)]);
  });
});
