import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isNonFiniteNumberText, parseBooleanBytes, parseFloatBytes, parseIntBytes } from "./numbers";

const bytes = (text: string): [Buffer, number, number] => {
  const b = Buffer.from(`#${text}#`); // offsets inside a larger buffer
  return [b, 1, b.length - 1];
};
const float = (text: string): number => parseFloatBytes(...bytes(text));
const int = (text: string): number => parseIntBytes(...bytes(text));
const bool = (text: string): number => parseBooleanBytes(...bytes(text));

describe("parseFloatBytes", () => {
  it.each([
    ["0", 0],
    ["12.5", 12.5],
    ["-3.25", -3.25],
    ["+7", 7],
    [".5", 0.5],
    ["5.", 5],
    ["0.3", 0.3],
    ["0.1", 0.1],
    ["1e3", 1000],
    ["1.5E-3", 0.0015],
    ["-2.5e+2", -250],
    [" 4.2 ", 4.2],
    ["\t4.2", 4.2],
    ["000123.4500", 123.45],
    ["123456789012345678901234567890", Number("123456789012345678901234567890")],
    ["0.000000000000000000000000001", 1e-27],
    ["1.7976931348623157e308", Number.MAX_VALUE],
  ])("reads %j", (text, expected) => {
    expect(float(text)).toBe(expected);
  });

  it("keeps the sign of zero", () => {
    expect(Object.is(float("-0.0"), -0)).toBe(true);
  });

  it.each(["NaN", "nan", "Infinity", "-Infinity", "+inf", "-inf", "INF", "1e999", "-1e999", "2e308"])(
    "rejects the non-finite %j, and names it non-finite",
    (text) => {
      expect(float(text)).toBeNaN();
      expect(isNonFiniteNumberText(text)).toBe(true);
    },
  );

  it("does not call other failures non-finite", () => {
    for (const text of ["abc", "1e", "12a", "infinite", "1e308"])
      expect(isNonFiniteNumberText(text)).toBe(false);
  });

  it.each(["", " ", "-", ".", "1.2.3", "1,5", "12a", "0x10", "1e", "e5", "1_000", "--1", "$5"])(
    "rejects %j",
    (text) => {
      expect(float(text)).toBeNaN();
    },
  );

  it("reads back every double exactly as String() writes it", () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0)),
        (x) => {
          expect(float(String(x))).toBe(x);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it("reads a plain decimal's 15th and 16th digits exactly (the short form and the long way agree)", () => {
    const decimal = fc
      .tuple(
        fc.constantFrom("", "-", "+"),
        fc.string({ unit: fc.constantFrom("0", "1", "5", "9"), maxLength: 12 }),
        fc.constantFrom("", "."),
        fc.string({ unit: fc.constantFrom("0", "3", "7", "9"), maxLength: 12 }),
      )
      .map(([sign, whole, dot, fraction]) => `${sign}${whole}${dot}${fraction}`)
      .filter((text) => /\d/.test(text));
    fc.assert(
      fc.property(decimal, (text) => {
        expect(Object.is(float(text), Number(text))).toBe(true);
      }),
      { numRuns: 5000 },
    );
    expect(float("999999999999999.5")).toBe(999999999999999.5);
    expect(float("0.1234567890123456")).toBe(0.1234567890123456);
    expect(float("-.5")).toBe(-0.5);
    expect(float("-5.")).toBe(-5);
    for (const text of ["-", "-.", "+.", "1.-", "-1-", "1..2"]) expect(float(text)).toBeNaN();
  });

  it("agrees with Number() on short decimals", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 6 }), (m, k) => {
        const text = (m / 10 ** k).toFixed(k);
        expect(float(text)).toBe(Number(text));
      }),
      { numRuns: 5000 },
    );
  });
});

describe("parseIntBytes", () => {
  it.each([
    ["42", 42],
    ["-7", -7],
    ["+3", 3],
    [" 12 ", 12],
    ["3.0", 3],
    ["3.", 3],
    ["007", 7],
    ["9007199254740991", Number.MAX_SAFE_INTEGER],
  ])("reads %j", (text, expected) => {
    expect(int(text)).toBe(expected);
  });

  it("reads -0 as 0", () => {
    expect(Object.is(int("-0"), 0)).toBe(true);
  });

  it.each(["1.5", "3.01", "1e3", "", "-", "abc", "9007199254740993", "4 2", "0x1"])("rejects %j", (text) => {
    expect(int(text)).toBeNaN();
  });
});

describe("parseBooleanBytes", () => {
  it.each(["true", "TRUE", "True", "t", "1", "yes", "Y", "y"])("reads %j as true", (text) => {
    expect(bool(text)).toBe(1);
  });
  it.each(["false", "F", "0", "no", "N", "n"])("reads %j as false", (text) => {
    expect(bool(text)).toBe(0);
  });
  it.each(["", "2", "yess", "truth", "-1"])("rejects %j", (text) => {
    expect(bool(text)).toBe(-1);
  });
});
