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
  const total = sumOverTrees(perTree, numFeatures, normalizePerTree, 1);
  if (total.every(Number.isFinite)) return normalizeToOne(total);
  // Raw gains of many trees can sum past the largest double: sum them again scaled by a power of two, which
  // keeps their ratios (each gain is below the largest double, so the scaled sum of the trees' is too).
  const scale = 2 ** -Math.ceil(Math.log2(perTree.length + 1));
  return normalizeToOne(sumOverTrees(perTree, numFeatures, normalizePerTree, scale));
}

/** Σ over trees of each tree's gains × `scale`, or of its gains normalised to 1 when `normalizePerTree`. */
function sumOverTrees(
  perTree: readonly Float64Array[],
  numFeatures: number,
  normalizePerTree: boolean,
  scale: number,
): Float64Array {
  const total = new Float64Array(numFeatures);
  for (const gains of perTree) {
    const terms = normalizePerTree ? normalizeToOne(Float64Array.from(gains)) : gains;
    for (let f = 0; f < numFeatures; f++) total[f] = (total[f] as number) + (terms[f] as number) * scale;
  }
  return total;
}

/**
 * Divides by the sum so the entries add up to 1 (left as zeros when the sum is 0). When the sum overflows, the
 * entries are first divided by the largest one, so that they do not all become 0.
 */
export function normalizeToOne(values: Float64Array): Float64Array {
  let sum = 0;
  for (const v of values) sum += v;
  if (sum === Number.POSITIVE_INFINITY) {
    let largest = 0;
    for (const v of values) if (v > largest) largest = v;
    for (let f = 0; f < values.length; f++) values[f] = (values[f] as number) / largest;
    sum = 0;
    for (const v of values) sum += v;
  }
  if (sum > 0) for (let f = 0; f < values.length; f++) values[f] = (values[f] as number) / sum;
  return values;
}
