import { describe, expect, it } from "vitest";
import { featuresPerNode } from "./feature-subset";

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
