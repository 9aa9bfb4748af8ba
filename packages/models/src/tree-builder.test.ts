import { describe, expect, it } from "vitest";
import { binFeatures } from "./binning";
import { SeededRandom } from "./seeded-random";
import { addTreePredictions, addTreePredictionsBinned } from "./tree";
import type { TreeGrowthOptions } from "./tree-builder";
import { createTreeWorkspace, growTree } from "./tree-builder";

function noisyMatrix(rows: number, features: number, seed: number) {
  const rng = new SeededRandom(seed);
  const x = new Float64Array(rows * features);
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    for (let f = 0; f < features; f++) x[i * features + f] = f === 2 ? rng.nextInt(4) : rng.nextFloat() * 10;
    y[i] = Math.sin(x[i * features] as number) + (x[i * features + 1] as number) / 5 + rng.nextFloat();
  }
  return { x, y };
}

function grow(
  x: Float64Array,
  y: Float64Array,
  features: number,
  options: TreeGrowthOptions,
  weights?: Float64Array,
) {
  const binned = binFeatures(x, features, 32, 1);
  const w = weights ?? new Float64Array(y.length).fill(1);
  const rows: number[] = [];
  w.forEach((v, i) => {
    if (v > 0) rows.push(i);
  });
  return {
    binned,
    grown: growTree(
      binned,
      y,
      w,
      Uint32Array.from(rows),
      options,
      new SeededRandom(9),
      createTreeWorkspace(binned),
    ),
  };
}

describe("growTree", () => {
  it("grows the same tree with and without sibling histogram subtraction", () => {
    const { x, y } = noisyMatrix(3000, 4, 1);
    const options = { maxDepth: 7, minInstancesPerNode: 5, featuresPerNode: 4 };
    const a = grow(x, y, 4, options).grown;
    const b = grow(x, y, 4, { ...options, histogramSubtraction: false }).grown;
    expect(Array.from(a.tree.feature)).toEqual(Array.from(b.tree.feature));
    expect(Array.from(a.tree.threshold)).toEqual(Array.from(b.tree.threshold));
    a.tree.value.forEach((v, i) => {
      expect(v).toBeCloseTo(b.tree.value[i] as number, 10);
    });
    expect(a.tree.feature.length).toBeGreaterThan(50);
  });

  it("routes training rows the same on bin codes and on raw values", () => {
    const { x, y } = noisyMatrix(2000, 4, 2);
    const { binned, grown } = grow(x, y, 4, { maxDepth: 8, minInstancesPerNode: 1, featuresPerNode: 2 });
    const raw = new Float64Array(2000);
    const coded = new Float64Array(2000);
    addTreePredictions(grown.tree, x, 4, 1, raw);
    addTreePredictionsBinned(grown, binned.codes, 4, 1, coded);
    expect(Array.from(raw)).toEqual(Array.from(coded));
  });

  it("keeps minInstancesPerNode of weight in every node and the weighted mean at each leaf", () => {
    const { x, y } = noisyMatrix(1000, 3, 3);
    const rng = new SeededRandom(4);
    const weights = Float64Array.from({ length: 1000 }, () => rng.nextInt(3));
    const { grown } = grow(x, y, 3, { maxDepth: 6, minInstancesPerNode: 20, featuresPerNode: 3 }, weights);
    for (const w of grown.weight) expect(w).toBeGreaterThanOrEqual(20);
    let total = 0;
    for (let i = 0; i < 1000; i++) total += (weights[i] as number) * (y[i] as number);
    const rootWeight = weights.reduce((s, w) => s + w, 0);
    expect(grown.weight[0]).toBe(rootWeight);
    expect(grown.tree.value[0]).toBeCloseTo(total / rootWeight, 10);
  });
});
