import { formatDay, formatWallClock } from "@tablepipe/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { WriteType } from "../write/column-types";
import {
  columnCellBytes,
  END_CSV_MS,
  FIRST_CSV_MS,
  MAX_FIXED_CELL_BYTES,
  numberText,
  writeText,
} from "./csv-cell-bytes";
import { csvCell } from "./csv-writer";

/**
 * Epoch milliseconds a CSV time stamp holds (years 0000 to 9999, as readTable reads them), whole or not, with
 * many in a few days (cache hits).
 */
const millis = fc.oneof(
  fc.integer({ min: FIRST_CSV_MS, max: END_CSV_MS - 1 }),
  fc.integer({ min: Date.UTC(2018, 0, 1), max: Date.UTC(2018, 0, 4) }),
  fc.double({ min: FIRST_CSV_MS, max: END_CSV_MS - 1, noNaN: true }),
  fc.constantFrom(FIRST_CSV_MS, END_CSV_MS - 1, -1, 0, 1, -86_400_000, 86_399_999),
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
    12.34,
    -0.5,
    0.05,
    1.1,
    2.675,
    0.1 + 0.2,
    214748.3647,
    -21474836.47,
    123456789.5,
    1e-7,
    0.000001,
    -1e-4,
  ),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 }).map((n) => n / 10_000),
);

describe("CSV cells", () => {
  it("writes every time stamp as formatWallClock does, with its date cached per day", () => {
    fc.assert(
      fc.property(fc.array(millis, { maxLength: 300 }), (values) => {
        const twice = [...values, ...values];
        expect(cellTexts("timestamp", twice, twice)).toEqual(twice.map((ms) => formatWallClock(ms)));
      }),
    );
  });

  it("refuses a year outside 0000 to 9999, which readTable does not read, up to formatWallClock's range", () => {
    for (const ms of [END_CSV_MS, FIRST_CSV_MS - 1, 8.64e15, -8.64e15, Date.UTC(10000, 0, 1) + 0.5]) {
      expect(() => cellTexts("timestamp", [ms], [ms])).toThrow(
        `column x, row 1: ${formatWallClock(ms)} is outside the years 0000 to 9999`,
      );
      expect(() => cellTexts("date", [ms], [ms])).toThrow("is outside the years 0000 to 9999");
    }
    expect(() => cellTexts("timestamp", [8.64e15 + 1], [8.64e15 + 1])).toThrow(RangeError);
  });

  it("writes every number as csvCell does, digits of whole numbers and cached texts of others alike", () => {
    fc.assert(
      fc.property(fc.array(numbers, { maxLength: 300 }), (values) => {
        // ±Infinity is refused (below); NaN is a missing value, empty as csvCell writes it
        const written = values.filter((v) => Number.isFinite(v) || Number.isNaN(v));
        const twice = [...written, ...written];
        expect(cellTexts("float", twice)).toEqual(twice.map(csvCell));
        // an int column holds safe integers (others are refused: below)
        const ints = twice.filter((v) => Number.isSafeInteger(v) || Number.isNaN(v));
        expect(cellTexts("int", Float64Array.from(ints))).toEqual(ints.map(csvCell));
      }),
    );
  });

  it("refuses ±Infinity in a number cell, naming the column and the row", () => {
    expect(() => cellTexts("float", [1, Number.NaN, Number.NEGATIVE_INFINITY])).toThrow(
      "column x, row 3: -Infinity is not a finite number, and readTable refuses it",
    );
    expect(() => cellTexts("int", Float64Array.of(Number.POSITIVE_INFINITY))).toThrow(
      "column x, row 1: Infinity is not a finite number",
    );
  });

  it("refuses in an int cell a value that is not a safe integer (readTable would refuse it), as Parquet and Arrow do", () => {
    const outside =
      "is outside the safe integers (±9007199254740991), and readTable refuses it in an int column";
    expect(() => cellTexts("int", Float64Array.of(1, 1e308))).toThrow(`column x, row 2: 1e+308 ${outside}`);
    expect(() => cellTexts("int", [2 ** 53])).toThrow(`column x, row 1: 9007199254740992 ${outside}`);
    expect(() => cellTexts("int", BigInt64Array.of(-(2n ** 63n)))).toThrow(
      `column x, row 1: -9223372036854775808 ${outside}`,
    );
    expect(() => cellTexts("int", [7, 1.5])).toThrow(
      "column x, row 2: 1.5 is not a whole number (int column)",
    );
    expect(cellTexts("int", [2 ** 53 - 1, -(2 ** 53 - 1), 2n ** 53n - 1n])).toEqual([
      "9007199254740991",
      "-9007199254740991",
      "9007199254740991",
    ]);
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

  it("time stamps, dates and numbers as the cell writers give them, missing values empty", () => {
    const stamps = [Date.UTC(2018, 1, 4, 18, 0, 0, 5), null, Date.UTC(1969, 11, 31, 23, 59, 59)];
    expect(cellTexts("timestamp", stamps, stamps)).toEqual([
      formatWallClock(stamps[0] as number),
      "",
      "1969-12-31 23:59:59",
    ]);
    const days = [Date.UTC(2018, 1, 4), null, Date.UTC(2018, 1, 4)];
    expect(cellTexts("date", days, days)).toEqual([formatDay(Date.UTC(2018, 1, 4)), "", "2018-02-04"]);
    expect(cellTexts("int", [15, null, 12n, -0, undefined, -(2n ** 53n) + 1n])).toEqual([
      "15",
      "",
      "12",
      "-0",
      "",
      "-9007199254740991",
    ]);
    expect(cellTexts("int", BigInt64Array.of(-(2n ** 53n) + 1n, 7n))).toEqual(["-9007199254740991", "7"]);
    expect(cellTexts("string", ["a,b", "", null, true, "héllo \u{1F600}"])).toEqual([
      '"a,b"',
      '""',
      "",
      "true",
      "héllo \u{1F600}",
    ]);
  });

  it("writeText writes a text's UTF-8 bytes, ASCII or not", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (text) => {
        const out = Buffer.alloc(text.length * 3 + 2, 0xff);
        const end = writeText(out, 1, text);
        expect(out.subarray(1, end).toString("utf8")).toBe(text);
        expect(out[0]).toBe(0xff);
      }),
    );
  });
});

/** Each cell of `values` written as `type` by its cell writer, as text; checks a number or time cell's room. */
function cellTexts(
  type: WriteType,
  values: ArrayLike<unknown>,
  millis?: readonly (number | null)[],
): string[] {
  const cells = columnCellBytes("x", type, values, millis, csvCell);
  const out = Buffer.alloc(1 << 12);
  return Array.from({ length: values.length }, (_, row) => {
    if (cells.write === undefined) return cells.text(row);
    const end = cells.write(out, 0, row);
    expect(end).toBeLessThanOrEqual(MAX_FIXED_CELL_BYTES);
    return out.subarray(0, end).toString("utf8");
  });
}
