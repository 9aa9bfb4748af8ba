import { describe, expect, it } from "vitest";
import { STDDEV_LARGE, STDDEV_SHRINK, STDDEV_SMALL, stddevScale } from "./stddev-scale";

describe("stddevScale", () => {
  it("scales huge groups down and tiny ones up by a power of two, ordinary ones not at all", () => {
    expect([0, 1, 1e-100, 1e100, STDDEV_SMALL, STDDEV_LARGE / 2].map(stddevScale)).toEqual([
      1, 1, 1, 1, 1, 1,
    ]);
    expect(stddevScale(STDDEV_LARGE)).toBe(STDDEV_SHRINK);
    expect(stddevScale(Number.MAX_VALUE)).toBe(2 ** -600);
    expect(stddevScale(Number.MIN_VALUE)).toBe(2 ** 600);
    expect(stddevScale(STDDEV_SMALL / 2)).toBe(1 / STDDEV_SHRINK);
  });
});
