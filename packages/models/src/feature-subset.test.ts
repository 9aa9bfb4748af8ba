import { describe, expect, it } from "vitest";
import { drawFeatureSubset, featuresPerNode } from "./feature-subset";
import { SeededRandom } from "./seeded-random";

describe("featuresPerNode (Spark's featureSubsetStrategy for regression)", () => {
  it("resolves auto to onethird for forests and all for one tree", () => {
    expect(featuresPerNode("auto", 11, 10)).toBe(4);
    expect(featuresPerNode("auto", 11, 1)).toBe(11);
  });

  it("computes sqrt, log2, onethird, all and fractions", () => {
    expect(featuresPerNode("sqrt", 11, 10)).toBe(4);
    expect(featuresPerNode("log2", 11, 10)).toBe(4);
    expect(featuresPerNode("log2", 1, 10)).toBe(1);
    expect(featuresPerNode("onethird", 2, 10)).toBe(1);
    expect(featuresPerNode("all", 11, 10)).toBe(11);
    expect(featuresPerNode(0.5, 11, 10)).toBe(6);
    expect(featuresPerNode(1, 11, 10)).toBe(11);
    expect(featuresPerNode(0.01, 11, 10)).toBe(1);
  });
});

describe("drawFeatureSubset", () => {
  it("draws distinct features, ascending, and every feature over many draws", () => {
    const rng = new SeededRandom(5);
    const permutation = new Int32Array(11);
    const subset = new Int32Array(11);
    const seen = new Set<number>();
    for (let draw = 0; draw < 200; draw++) {
      drawFeatureSubset(rng, 11, 4, permutation, subset);
      const drawn = Array.from(subset.subarray(0, 4));
      expect(drawn).toEqual([...new Set(drawn)].sort((a, b) => a - b));
      for (const f of drawn) {
        expect(f >= 0 && f < 11).toBe(true);
        seen.add(f);
      }
    }
    expect(seen.size).toBe(11);
  });
});
