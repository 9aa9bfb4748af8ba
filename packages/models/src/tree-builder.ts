/**
 * Growing one regression tree from histograms, node by node, breadth-first. Each node that may split
 * goes through the same phases: draw its features, get its histogram (built, or derived from its
 * parent's), choose its split, partition its rows between its children.
 */

import type { SplitSearch } from "./best-split";
import { chooseSplit, newSplitChoice } from "./best-split";
import type { BinnedFeatures } from "./binning";
import { drawFeatureSubset } from "./feature-subset";
import { GrowingTree } from "./growing-tree";
import { histogramSource, rowTotals } from "./histogram";
import { NodeHistograms } from "./node-histograms";
import { partitionRows } from "./row-partition";
import type { SeededRandom } from "./seeded-random";
import type { GrownTree } from "./tree";

/** How one regression tree grows. */
export interface TreeGrowthOptions {
  /** Maximum depth: a tree of depth 1 has one split. */
  readonly maxDepth: number;
  /** Each child of a split must hold at least this much sample weight (Spark: instances). */
  readonly minInstancesPerNode: number;
  /** Features drawn (without replacement) at each node; the number of features means all, with no draw. */
  readonly featuresPerNode: number;
  /** Derive the larger child's histogram by subtraction when all features are used (default true). */
  readonly histogramSubtraction?: boolean;
}

/** Scratch buffers reused across the trees of one fit. */
export interface TreeWorkspace {
  readonly scratch: Uint32Array;
  readonly permutation: Int32Array;
  readonly subset: Int32Array;
  /** Free histogram buffers of `histogramSize` doubles. */
  readonly pool: Float64Array[];
  /** (weight, weighted target) pairs per (subset feature, bin): 2 × features × maxNumBins. */
  readonly histogramSize: number;
  /** How many histograms may be kept for sibling subtraction at once. */
  readonly maxStoredHistograms: number;
}

/** Memory for histograms kept so that a node's sibling can be derived by subtraction. */
const STORED_HISTOGRAM_BYTES = 64 * 1024 * 1024;

/** Allocates the scratch buffers for growing trees on `data`. */
export function createTreeWorkspace(data: BinnedFeatures): TreeWorkspace {
  const histogramSize = 2 * data.numFeatures * data.maxNumBins;
  return {
    scratch: new Uint32Array(data.rows),
    permutation: new Int32Array(data.numFeatures),
    subset: new Int32Array(data.numFeatures),
    pool: [],
    histogramSize,
    maxStoredHistograms: Math.max(2, Math.floor(STORED_HISTOGRAM_BYTES / (8 * histogramSize))),
  };
}

/** Targets are shifted by the first row's so that sums stay small and a constant target is exactly 0. */
export function targetShift(target: Float64Array, rows: Uint32Array): number {
  return rows.length > 0 ? (target[rows[0] as number] as number) : 0;
}

/**
 * Grows one regression tree (variance impurity) from per-node histograms over the binned features,
 * breadth-first, in O(rows × features) per level. `rows` lists the rows with positive weight in
 * ascending order; it is reordered in place (each node's rows stay contiguous and ascending).
 *
 * A node splits when it is above maxDepth, its best split (ties: lowest feature, then lowest threshold)
 * leaves at least minInstancesPerNode of weight on each side and the gain is positive.
 * Leaf value = weighted mean target of the node's rows. When every node sees all features, only the
 * smaller child of a split is histogrammed; its sibling's histogram is the parent's minus its own.
 */
export function growTree(
  data: BinnedFeatures,
  target: Float64Array,
  weights: Float64Array,
  rows: Uint32Array,
  options: TreeGrowthOptions,
  rng: SeededRandom,
  workspace: TreeWorkspace,
): GrownTree {
  const F = data.numFeatures;
  const { maxDepth, minInstancesPerNode } = options;
  const m = Math.min(F, Math.max(1, options.featuresPerNode));
  const { subset } = workspace;
  if (m === F) for (let f = 0; f < F; f++) subset[f] = f;
  const subtract = m === F && options.histogramSubtraction !== false;
  const shift = targetShift(target, rows);

  const source = histogramSource(data, rows, weights, target, shift, subset, m);
  const search: SplitSearch = {
    subset,
    subsetSize: m,
    numBins: data.numBins,
    maxNumBins: data.maxNumBins,
    minInstancesPerNode,
  };
  const histograms = new NodeHistograms(
    source,
    workspace.pool,
    workspace.histogramSize,
    workspace.maxStoredHistograms,
  );
  const rootTotals = new Float64Array(2);
  rowTotals(source, 0, rows.length, rootTotals);
  const tree = new GrowingTree(rows.length, rootTotals[0] as number, rootTotals[1] as number, shift);
  // A node may split when it is below maxDepth and heavy enough for two children.
  const splittable = (node: number): boolean =>
    (tree.depth[node] as number) < maxDepth && tree.weightOf(node) >= 2 * minInstancesPerNode;
  const split = newSplitChoice();

  for (let node = 0; node < tree.size; node++) {
    if (!splittable(node)) continue;
    if (m < F) drawFeatureSubset(rng, F, m, workspace.permutation, subset);
    const hist = histograms.histogramOf(tree, node, splittable);
    if (!chooseSplit(search, hist, tree.weightOf(node), tree.sum[node] as number, split)) {
      histograms.release(hist);
      continue;
    }
    // Children at maxDepth are leaves and need no rows of their own.
    const start = tree.start[node] as number;
    const end = tree.end[node] as number;
    const middle =
      (tree.depth[node] as number) + 1 < maxDepth
        ? partitionRows(rows, start, end, data.codes, F, split.feature, split.bin, workspace.scratch)
        : start;
    const threshold = (data.thresholds[split.feature] as Float64Array)[split.bin] as number;
    tree.split(node, split, threshold, middle);
    const left = tree.leftOf(node);
    if (subtract && (splittable(left) || splittable(left + 1))) histograms.keepForChildren(node, hist);
    else histograms.release(hist);
  }
  histograms.releaseAll();
  return tree.toGrownTree();
}
