import { describe, expect, it } from "vitest";
import { isMissing } from "./is-missing";

describe("isMissing", () => {
  it("is true for null, undefined, NaN and an invalid Date, false for every present value", () => {
    for (const value of [null, undefined, Number.NaN, new Date(Number.NaN)])
      expect(isMissing(value)).toBe(true);
    for (const value of [0, -0, "", false, "NaN", new Date(0), Number.POSITIVE_INFINITY]) {
      expect(isMissing(value)).toBe(false);
    }
  });
});
