import { describe, expect, it } from "vitest";
import { describeValue } from "./describe-value";

describe("describeValue", () => {
  it("shows Infinity, -Infinity and NaN as themselves, not as JSON's null", () => {
    expect(describeValue(Number.POSITIVE_INFINITY)).toBe("Infinity");
    expect(describeValue(Number.NEGATIVE_INFINITY)).toBe("-Infinity");
    expect(describeValue(Number.NaN)).toBe("NaN");
    expect(describeValue(null)).toBe("null");
  });

  it("shows them as themselves inside a list or an object too", () => {
    expect(describeValue([1, Number.NaN, null])).toBe("[1,NaN,null]");
    expect(describeValue({ v: Number.NEGATIVE_INFINITY, w: "x" })).toBe('{"v":-Infinity,"w":"x"}');
  });

  it("shows a bigint as its digits, alone or nested", () => {
    expect(describeValue(12n)).toBe("12");
    expect(describeValue({ n: 12n })).toBe('{"n":12}');
  });

  it("keeps a text that looks like the marker a text", () => {
    expect(describeValue(["Infinity"])).toBe('["Infinity"]');
  });
});
