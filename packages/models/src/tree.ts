/**
 * A fitted regression tree in flat typed arrays. Node 0 is the root; nodes are numbered breadth-first,
 * so every child has a larger index than its parent. A leaf has feature -1.
 */
export interface RegressionTree {
  /** Split feature index per node, -1 for a leaf. */
  readonly feature: Int32Array;
  /** Split threshold per node: value <= threshold goes left (0 for a leaf). */
  readonly threshold: Float64Array;
  /** Left child per node, -1 for a leaf. */
  readonly left: Int32Array;
  /** Right child per node, -1 for a leaf. */
  readonly right: Int32Array;
  /** Prediction per node: the weighted mean label of its training rows (used at leaves). */
  readonly value: Float64Array;
}

/** The tree as the builder leaves it: the tree plus what training needs (split bins, gains, weights). */
export interface GrownTree {
  readonly tree: RegressionTree;
  /** Split bin per node (value code <= bin goes left), -1 for a leaf. */
  readonly splitBin: Int32Array;
  /** Variance reduction times node weight per node (Spark's gain × count), 0 for a leaf. */
  readonly gain: Float64Array;
  /** Total sample weight per node. */
  readonly weight: Float64Array;
}

/**
 * Adds `scale * tree(row)` to `out[row]` for every row of the row-major raw feature matrix `x`
 * (`numFeatures` wide).
 */
export function addTreePredictions(
  tree: RegressionTree,
  x: Float64Array,
  numFeatures: number,
  scale: number,
  out: Float64Array,
): void {
  const { feature, threshold, left, right, value } = tree;
  const rows = out.length;
  for (let i = 0, base = 0; i < rows; i++, base += numFeatures) {
    let node = 0;
    let f = feature[0] as number;
    while (f >= 0) {
      node =
        (x[base + f] as number) <= (threshold[node] as number)
          ? (left[node] as number)
          : (right[node] as number);
      f = feature[node] as number;
    }
    out[i] = (out[i] as number) + scale * (value[node] as number);
  }
}

/**
 * Like addTreePredictions, on the training bin codes (same routes as the raw values, by construction of the bins).
 * Kept apart from addTreePredictions on purpose: one loop over both (Float64Array | Uint8Array values,
 * Float64Array | Int32Array cuts) is polymorphic in V8 and made this training path ~12% slower.
 */
export function addTreePredictionsBinned(
  grown: GrownTree,
  codes: Uint8Array,
  numFeatures: number,
  scale: number,
  out: Float64Array,
): void {
  const { feature, left, right, value } = grown.tree;
  const splitBin = grown.splitBin;
  const rows = out.length;
  for (let i = 0, base = 0; i < rows; i++, base += numFeatures) {
    let node = 0;
    let f = feature[0] as number;
    while (f >= 0) {
      node =
        (codes[base + f] as number) <= (splitBin[node] as number)
          ? (left[node] as number)
          : (right[node] as number);
      f = feature[node] as number;
    }
    out[i] = (out[i] as number) + scale * (value[node] as number);
  }
}

/** Number of nodes of a tree. */
export function nodeCount(tree: RegressionTree): number {
  return tree.feature.length;
}
