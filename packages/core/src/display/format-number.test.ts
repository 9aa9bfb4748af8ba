import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatWhole, type NumberFormatOptions, numberFormat } from "./format-number";

/** Option sets covering each option and the ones tablepipe's packages use. */
const OPTION_SETS: readonly NumberFormatOptions[] = [
  { maximumFractionDigits: 0 },
  { maximumFractionDigits: 0, signDisplay: "negative" },
  { minimumFractionDigits: 3, maximumFractionDigits: 3, signDisplay: "negative" },
  { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: "negative" },
  { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: "exceptZero" },
  { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: "negative" },
  { style: "percent", maximumFractionDigits: 0 },
  { maximumFractionDigits: 6, useGrouping: false },
  { maximumFractionDigits: 4, useGrouping: true },
  { minimumFractionDigits: 2, maximumFractionDigits: 5, signDisplay: "exceptZero", useGrouping: false },
  { maximumFractionDigits: 20 },
];

/** Values where rounding, carrying, signs, exponents or grouping could go wrong. */
const EDGE_VALUES = (
  "0 -0 1 -1 0.5 -0.5 1.5 2.5 -2.5 0.05 -0.05 0.04 -0.04 0.06 1.005 0.145 9.9995 999.95 999999.5 1234.5678 " +
  "-1234.5678 0.0001234 1.23e-7 5e-324 1e21 -1e21 1.2345e25 1.7976931348623157e308 123456789.5 0.125 0.375 " +
  "99.95 0.99995 0.00005 1e-10 NaN Infinity -Infinity"
)
  .split(" ")
  .map(Number);

const intl = (options: NumberFormatOptions, value: number): string =>
  new Intl.NumberFormat("en-US", options).format(value);

describe("numberFormat", () => {
  it.each(OPTION_SETS)("writes the edge values as Intl.NumberFormat does with %o", (options) => {
    const format = numberFormat(options);
    for (const value of EDGE_VALUES) expect([value, format(value)]).toEqual([value, intl(options, value)]);
  });

  it("writes any double as Intl.NumberFormat does, under every option set", () => {
    const formats = OPTION_SETS.map((options) => ({ options, format: numberFormat(options) }));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double(),
          fc.double({ min: -1e7, max: 1e7 }),
          // few digits, so that ties (…5 in the first dropped place) are common
          fc.integer({ min: -2_000_000, max: 2_000_000 }).map((n) => n / 1000),
          fc.integer({ min: -2_000_000, max: 2_000_000 }).map((n) => n / 100_000),
        ),
        (value) => {
          for (const { options, format } of formats) expect(format(value)).toBe(intl(options, value));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("rounds the shortest decimal text half away from zero, as Intl does and toFixed does not", () => {
    const twoDigits = numberFormat({ maximumFractionDigits: 2 });
    expect(twoDigits(1.005)).toBe("1.01");
    expect((1.005).toFixed(2)).toBe("1.00");
    expect(twoDigits(-0.125)).toBe("-0.13");
    expect(numberFormat({ maximumFractionDigits: 0 })(999_999.5)).toBe("1,000,000");
    for (const value of [999_999.5, -0, 1234567.6, 0.5, Number.POSITIVE_INFINITY])
      expect(formatWhole(value)).toBe(intl({ maximumFractionDigits: 0 }, value));
  });

  it("refuses fraction digits Intl refuses, naming both", () => {
    expect(() => numberFormat({ minimumFractionDigits: 3, maximumFractionDigits: 1 })).toThrow(
      /minimumFractionDigits \(3\) <= maximumFractionDigits \(1\)/,
    );
    expect(() => numberFormat({ maximumFractionDigits: 1.5 })).toThrow(RangeError);
    expect(() => numberFormat({ maximumFractionDigits: -1 })).toThrow(RangeError);
  });
});
