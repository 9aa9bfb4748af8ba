import { describe, expect, it } from "vitest";
import { mix32, RowRandom } from "./prng";

function draws(seed: number, row: number, count: number): number[] {
  const rng = new RowRandom(seed);
  rng.seekRow(row);
  return Array.from({ length: count }, () => rng.uint32());
}

describe("RowRandom", () => {
  it("gives the same stream for the same seed and row, whatever was drawn before", () => {
    const rng = new RowRandom(42);
    rng.seekRow(5);
    for (let i = 0; i < 100; i++) rng.uint32();
    rng.seekRow(3);
    const again = Array.from({ length: 8 }, () => rng.uint32());
    expect(again).toEqual(draws(42, 3, 8));
  });

  it("pins its numbers (a change here changes every generated sample)", () => {
    expect(draws(42, 0, 4)).toEqual([3375849337, 222782688, 2841115038, 1011895458]);
    expect(draws(7, 1_000_000, 2)).toEqual([243624346, 975482863]);
  });

  it("gives different streams to different rows and seeds", () => {
    const firsts = new Set<number>();
    for (let row = 0; row < 10_000; row++) firsts.add(draws(42, row, 1)[0] as number);
    expect(firsts.size).toBeGreaterThan(9_990);
    expect(draws(1, 0, 4)).not.toEqual(draws(2, 0, 4));
    expect(draws(0, 1, 4)).not.toEqual(draws(0, 2, 4));
    expect(draws(2 ** 40, 1, 4)).not.toEqual(draws(0, 1, 4));
  });

  it("draws floats in [0, 1) with a uniform mean and normals centred on 0", () => {
    const rng = new RowRandom(9);
    let sum = 0;
    let normalSum = 0;
    let normalSquares = 0;
    for (let i = 0; i < 20_000; i++) {
      const u = rng.float();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      sum += u;
      const z = rng.normal();
      normalSum += z;
      normalSquares += z * z;
    }
    expect(sum / 20_000).toBeCloseTo(0.5, 1);
    expect(normalSum / 20_000).toBeCloseTo(0, 1);
    expect(normalSquares / 20_000).toBeCloseTo(1, 1);
  });

  it("rejects a seed that is not a safe integer", () => {
    expect(() => new RowRandom(1.5)).toThrow(RangeError);
    expect(() => new RowRandom(Number.NaN)).toThrow(/safe integer/);
  });

  it("mixes with a bijection on 32 bits", () => {
    const seen = new Set<number>();
    for (let x = 0; x < 5_000; x++) seen.add(mix32(x));
    expect(seen.size).toBe(5_000);
  });
});
