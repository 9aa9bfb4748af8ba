import type { GrownTree } from "./tree";

/** Sum of split gains (variance reduction × node weight, Spark's gain × count) per feature for one tree. */
export function treeFeatureGains(grown: GrownTree, numFeatures: number): Float64Array {
  const out = new Float64Array(numFeatures);
  const { feature } = grown.tree;
  for (let node = 0; node < feature.length; node++) {
    const f = feature[node] as number;
    if (f >= 0) out[f] = (out[f] as number) + (grown.gain[node] as number);
  }
  return out;
}

/**
 * Spark's TreeEnsembleModel.featureImportances: per-tree gains (normalised per tree when
 * `normalizePerTree`, as for random forests; raw for gradient-boosted trees), summed over trees, then
 * normalised to sum to 1. All zeros when no tree has a split.
 */
export function ensembleImportances(
  perTree: readonly Float64Array[],
  numFeatures: number,
  normalizePerTree: boolean,
): Float64Array {
  const total = new Float64Array(numFeatures);
  for (const gains of perTree) {
    let norm = 1;
    if (normalizePerTree) {
      norm = 0;
      for (let f = 0; f < numFeatures; f++) norm += gains[f] as number;
    }
    if (norm === 0) continue;
    for (let f = 0; f < numFeatures; f++) total[f] = (total[f] as number) + (gains[f] as number) / norm;
  }
  return normalizeToOne(total);
}

/** Divides by the sum so the entries add up to 1 (left as zeros when the sum is 0). */
export function normalizeToOne(values: Float64Array): Float64Array {
  let sum = 0;
  for (const v of values) sum += v;
  if (sum > 0) for (let f = 0; f < values.length; f++) values[f] = (values[f] as number) / sum;
  return values;
}
