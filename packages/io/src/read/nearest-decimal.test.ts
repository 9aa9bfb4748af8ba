import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nearestDecimal, nearestDecimals } from "./nearest-decimal";

/** What hyparquet gives for a decimal: the unscaled integer times 10^-scale, in doubles. */
const hyparquetDecimal = (unscaled: bigint, scale: number) => Number(unscaled) * 10 ** -scale;
/** What flechette gives for a 64- or 128-bit decimal: the whole part plus the fraction, in doubles. */
const flechetteDecimal = (unscaled: bigint, scale: number) => {
  const div = 10n ** BigInt(scale);
  return Number(unscaled / div) + Number(unscaled % div) / Number(div);
};

const unscaled = fc.bigInt({ min: -(2n ** 50n), max: 2n ** 50n });
const scale = fc.integer({ min: 0, max: 12 });

describe("nearestDecimal", () => {
  it("gives the double nearest to the decimal from what either decoder gives, up to 2^50 unscaled", () => {
    fc.assert(
      fc.property(unscaled, scale, (u, s) => {
        const nearest = Number(u) / 10 ** s + 0;
        expect(nearestDecimal(hyparquetDecimal(u, s), s)).toBe(nearest);
        expect(nearestDecimal(flechetteDecimal(u, s), s)).toBe(nearest);
      }),
      { numRuns: 2000 },
    );
    expect(hyparquetDecimal(115n, 2)).toBe(1.1500000000000001);
    expect(nearestDecimal(hyparquetDecimal(115n, 2), 2)).toBe(1.15);
  });

  it("keeps what the decoder gave beyond 2^50 unscaled, for a scale of 0 or above 22, and NaN", () => {
    const big = hyparquetDecimal(2n ** 52n + 3n, 4);
    expect(nearestDecimal(big, 4)).toBe(big);
    expect(nearestDecimal(12.5, 0)).toBe(12.5);
    expect(nearestDecimal(1.1500000000000001, 23)).toBe(1.1500000000000001);
    expect(nearestDecimal(Number.NaN, 2)).toBeNaN();
  });

  it("reads a column's numbers so and keeps its other values", () => {
    expect(nearestDecimals([1.1500000000000001, null, -0.30000000000000004, undefined], 2)).toEqual([
      1.15,
      null,
      -0.3,
      undefined,
    ]);
    const values = [1.1500000000000001];
    expect(nearestDecimals(values, 0)).toBe(values);
  });
});
