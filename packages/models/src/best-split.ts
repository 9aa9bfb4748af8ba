/** Choosing a node's split from its histogram: the maximum variance reduction over the node's features and bins. */
import type { NodeSplit } from "./growing-tree";

/**
 * A split must reduce the weighted squared error by more than this fraction of the magnitudes
 * involved; anything smaller is floating-point rounding (a constant label never splits).
 */
const RELATIVE_GAIN_TOLERANCE = 1e-12;

/** What the split search of one tree reads besides the node's histogram; made once per tree. */
export interface SplitSearch {
  /** The node's features, ascending (histogram slot k holds feature subset[k]). */
  readonly subset: Int32Array;
  readonly subsetSize: number;
  /** Bins per feature. */
  readonly numBins: Int32Array;
  /** Bins reserved per feature in a histogram. */
  readonly maxNumBins: number;
  /** Each child must hold at least this much sample weight. */
  readonly minInstancesPerNode: number;
}

/** The best split found so far; one per tree, overwritten for each node (no allocation per node). */
export interface SplitChoice extends NodeSplit {
  feature: number;
  bin: number;
  gain: number;
  /** Histogram slot of the feature. */
  slot: number;
  leftWeight: number;
  leftSum: number;
  rightWeight: number;
  rightSum: number;
}

/** An empty split choice, to be filled by chooseSplit. */
export function newSplitChoice(): SplitChoice {
  return { feature: -1, bin: -1, gain: 0, slot: -1, leftWeight: 0, leftSum: 0, rightWeight: 0, rightSum: 0 };
}

/**
 * Finds the split of a node of total weight W and weighted shifted target S with the largest positive gain
 * (ties: lowest feature, then lowest bin) and writes it and its children's totals into `best`.
 * Returns false, leaving the children's totals stale, when no split qualifies.
 */
export function chooseSplit(
  search: SplitSearch,
  hist: Float64Array,
  W: number,
  S: number,
  best: SplitChoice,
): boolean {
  findBestSplit(search, hist, W, S, best);
  if (best.feature < 0) return false;
  sumSplitSides(search, hist, best);
  return true;
}

/** Maximises sL²/wL + sR²/wR over the candidate splits (the parent's S²/W is common to all of them). */
function findBestSplit(
  search: SplitSearch,
  hist: Float64Array,
  W: number,
  S: number,
  best: SplitChoice,
): void {
  const { subset, numBins, minInstancesPerNode } = search;
  const m = search.subsetSize;
  const B = search.maxNumBins;
  const parentTerm = (S * S) / W;
  let bestGain = 0;
  let bestFeature = -1;
  let bestBin = -1;
  let bestK = -1;
  for (let k = 0; k < m; k++) {
    const f = subset[k] as number;
    const offset = 2 * k * B;
    const last = (numBins[f] as number) - 1;
    let wL = 0;
    let sL = 0;
    for (let b = 0; b < last; b++) {
      wL += hist[offset + 2 * b] as number;
      sL += hist[offset + 2 * b + 1] as number;
      if (wL < minInstancesPerNode) continue;
      const wR = W - wL;
      if (wR < minInstancesPerNode) break;
      const sR = S - sL;
      const term = (sL * sL) / wL + (sR * sR) / wR;
      const g = term - parentTerm;
      if (g > bestGain && g > RELATIVE_GAIN_TOLERANCE * term) {
        bestGain = g;
        bestFeature = f;
        bestBin = b;
        bestK = k;
      }
    }
  }
  best.gain = bestGain;
  best.feature = bestFeature;
  best.bin = bestBin;
  best.slot = bestK;
}

/** The children's totals of the chosen split, summed from the split feature's bins on each side. */
function sumSplitSides(search: SplitSearch, hist: Float64Array, best: SplitChoice): void {
  let wL = 0;
  let sL = 0;
  let wR = 0;
  let sR = 0;
  const offset = 2 * best.slot * search.maxNumBins;
  const bins = search.numBins[best.feature] as number;
  const bestBin = best.bin;
  for (let b = 0; b < bins; b++) {
    if (b <= bestBin) {
      wL += hist[offset + 2 * b] as number;
      sL += hist[offset + 2 * b + 1] as number;
    } else {
      wR += hist[offset + 2 * b] as number;
      sR += hist[offset + 2 * b + 1] as number;
    }
  }
  best.leftWeight = wL;
  best.leftSum = sL;
  best.rightWeight = wR;
  best.rightSum = sR;
}
