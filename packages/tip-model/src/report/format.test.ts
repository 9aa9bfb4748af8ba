import { describe, expect, it } from "vitest";
import {
  formatChange,
  formatCount,
  formatDisplayValue,
  formatInteger,
  formatMetric,
  formatMs,
  formatPlain,
  formatShare,
  NOT_AVAILABLE,
} from "./format";

describe("number formats", () => {
  it("formats counts with thousands separators", () => {
    expect(formatInteger(1_234_567)).toBe("1,234,567");
    expect(formatInteger(0)).toBe("0");
  });

  it("formats metrics with three decimals and never shows -0", () => {
    expect(formatMetric(3.4567)).toBe("3.457");
    expect(formatMetric(-0)).toBe("0.000");
    expect(formatMetric(-0.0001)).toBe("0.000");
    expect(formatMetric(-0.25)).toBe("-0.250");
  });

  it("shows n/a for NaN and infinities", () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(formatMetric(value)).toBe(NOT_AVAILABLE);
      expect(formatInteger(value)).toBe(NOT_AVAILABLE);
      expect(formatMs(value)).toBe(NOT_AVAILABLE);
      expect(formatShare(value)).toBe(NOT_AVAILABLE);
      expect(formatPlain(value)).toBe(NOT_AVAILABLE);
    }
  });

  it("formats the change of a step in percent, n/a from zero rows", () => {
    expect(formatChange(1_000, 612)).toBe("-38.8%");
    expect(formatChange(1_000, 1_000)).toBe("0.0%");
    expect(formatChange(100, 150)).toBe("+50.0%");
    expect(formatChange(0, 0)).toBe(NOT_AVAILABLE);
  });

  it("puts a count's noun in the right number", () => {
    expect(formatCount(1, "row", "rows")).toBe("1 row");
    expect(formatCount(2_000, "row", "rows")).toBe("2,000 rows");
    expect(formatCount(0, "row", "rows")).toBe("0 rows");
  });

  it("formats milliseconds and shares", () => {
    expect(formatMs(1234.56)).toBe("1,234.6");
    expect(formatShare(0.4123)).toBe("41.2%");
  });
});

describe("formatDisplayValue", () => {
  it("shows config values as text", () => {
    expect(formatDisplayValue("201703")).toBe("201703");
    expect(formatDisplayValue(0.2)).toBe("0.2");
    expect(formatDisplayValue(Number.NaN)).toBe(NOT_AVAILABLE);
    expect(formatDisplayValue(true)).toBe("true");
    expect(formatDisplayValue(null)).toBe("null");
    expect(formatDisplayValue(undefined)).toBe("(not set)");
    expect(formatDisplayValue(10n)).toBe("10");
    expect(formatDisplayValue(new Date(Date.UTC(2018, 1, 4, 18)))).toBe("2018-02-04T18:00:00.000Z");
    expect(formatDisplayValue({ a: [1, 2], b: 3n })).toBe('{"a":[1,2],"b":"3"}');
  });

  it("does not throw on a circular object", () => {
    const value: Record<string, unknown> = {};
    value.self = value;
    expect(formatDisplayValue(value)).toBe("[object Object]");
  });
});
