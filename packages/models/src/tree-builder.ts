import type { BinnedFeatures } from "./binning";
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

/**
 * A split must reduce the weighted squared error by more than this fraction of the magnitudes
 * involved; anything smaller is floating-point rounding (a constant label never splits).
 */
const RELATIVE_GAIN_TOLERANCE = 1e-12;

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
  const B = data.maxNumBins;
  const { codes, numBins, thresholds } = data;
  const { maxDepth, minInstancesPerNode } = options;
  const m = Math.min(F, Math.max(1, options.featuresPerNode));
  const { scratch, permutation, subset, pool, histogramSize, maxStoredHistograms } = workspace;
  const subtract = m === F && options.histogramSubtraction !== false;
  if (m === F) for (let f = 0; f < F; f++) subset[f] = f;
  // Targets are shifted by the first row's so that sums stay small and a constant target is exactly 0.
  const shift = rows.length > 0 ? (target[rows[0] as number] as number) : 0;
  const take = (): Float64Array => pool.pop() ?? new Float64Array(histogramSize);
  const build = (node: number, into: Float64Array): Float64Array => {
    buildHistogram(
      rows,
      starts[node] as number,
      ends[node] as number,
      weights,
      target,
      shift,
      codes,
      F,
      subset,
      m,
      B,
      into,
    );
    return into;
  };

  const feature: number[] = [];
  const threshold: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const value: number[] = [];
  const splitBin: number[] = [];
  const gain: number[] = [];
  const weight: number[] = [];
  // Per node: its rows, depth, parent and totals (the root's from its rows, every child's from its
  // parent's histogram), and whether it may split (below maxDepth and heavy enough).
  const totals = new Float64Array(2);
  nodeTotals(rows, 0, rows.length, weights, target, shift, totals);
  const starts: number[] = [0];
  const ends: number[] = [rows.length];
  const depths: number[] = [0];
  const parents: number[] = [-1];
  const nodeWeight: number[] = [totals[0] as number];
  const nodeSum: number[] = [totals[1] as number];
  const splittable = (node: number): boolean =>
    (depths[node] as number) < maxDepth && (nodeWeight[node] as number) >= 2 * minInstancesPerNode;
  // Histograms kept for later nodes: a split parent's (until a child is processed) or a child's own.
  const stored = new Map<number, Float64Array>();
  const release = (node: number): void => {
    const h = stored.get(node);
    if (h === undefined) return;
    stored.delete(node);
    pool.push(h);
  };

  for (let id = 0; id < starts.length; id++) {
    const depth = depths[id] as number;
    const W = nodeWeight[id] as number;
    const S = nodeSum[id] as number;
    feature.push(-1);
    threshold.push(0);
    left.push(-1);
    right.push(-1);
    value.push(W > 0 ? S / W + shift : shift);
    splitBin.push(-1);
    gain.push(0);
    weight.push(W);
    if (!splittable(id)) continue;

    // Feature subset for this node, ascending (so ties resolve to the lowest feature index).
    if (m < F) {
      for (let f = 0; f < F; f++) permutation[f] = f;
      for (let j = 0; j < m; j++) {
        const r = j + rng.nextInt(F - j);
        const chosen = permutation[r] as number;
        permutation[r] = permutation[j] as number;
        permutation[j] = chosen;
      }
      // Insertion sort of the m drawn features into `subset` (m is small).
      for (let j = 0; j < m; j++) {
        const f = permutation[j] as number;
        let p = j - 1;
        while (p >= 0 && (subset[p] as number) > f) {
          subset[p + 1] = subset[p] as number;
          p -= 1;
        }
        subset[p + 1] = f;
      }
    }

    // Histogram of weight and weighted target per (subset feature, bin).
    let hist = stored.get(id);
    if (hist !== undefined) {
      stored.delete(id);
    } else {
      const parent = parents[id] as number;
      const parentHist = parent >= 0 ? stored.get(parent) : undefined;
      if (parentHist === undefined) {
        hist = build(id, take());
      } else {
        // Histogram the smaller sibling; the larger one is the parent's minus it.
        stored.delete(parent);
        const sibling =
          (left[parent] as number) === id ? (right[parent] as number) : (left[parent] as number);
        const ownRows = (ends[id] as number) - (starts[id] as number);
        const siblingRows = (ends[sibling] as number) - (starts[sibling] as number);
        const siblingPending = sibling > id && splittable(sibling);
        if (ownRows <= siblingRows) {
          hist = build(id, take());
          subtractInto(parentHist, hist);
          if (siblingPending) stored.set(sibling, parentHist);
          else pool.push(parentHist);
        } else {
          const siblingHist = build(sibling, take());
          subtractInto(parentHist, siblingHist);
          hist = parentHist;
          if (siblingPending) stored.set(sibling, siblingHist);
          else pool.push(siblingHist);
        }
      }
    }

    // Best split: maximise sL²/wL + sR²/wR (the parent's S²/W is common to all candidates).
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
    if (bestFeature < 0) {
      pool.push(hist);
      continue;
    }

    // Children's totals, summed from the split feature's bins on each side.
    let wL = 0;
    let sL = 0;
    let wR = 0;
    let sR = 0;
    const offset = 2 * bestK * B;
    const bins = numBins[bestFeature] as number;
    for (let b = 0; b < bins; b++) {
      if (b <= bestBin) {
        wL += hist[offset + 2 * b] as number;
        sL += hist[offset + 2 * b + 1] as number;
      } else {
        wR += hist[offset + 2 * b] as number;
        sR += hist[offset + 2 * b + 1] as number;
      }
    }
    // Children at maxDepth are leaves and need no rows of their own.
    const start = starts[id] as number;
    const end = ends[id] as number;
    const l =
      depth + 1 < maxDepth ? partitionRows(rows, start, end, codes, F, bestFeature, bestBin, scratch) : start;

    const leftId = starts.length;
    starts.push(start, l);
    ends.push(l, end);
    depths.push(depth + 1, depth + 1);
    parents.push(id, id);
    nodeWeight.push(wL, wR);
    nodeSum.push(sL, sR);
    feature[id] = bestFeature;
    threshold[id] = (thresholds[bestFeature] as Float64Array)[bestBin] as number;
    left[id] = leftId;
    right[id] = leftId + 1;
    splitBin[id] = bestBin;
    gain[id] = bestGain;
    // Keep this histogram for the children when they will split and there is room.
    if (subtract && (splittable(leftId) || splittable(leftId + 1)) && stored.size < maxStoredHistograms) {
      stored.set(id, hist);
    } else {
      pool.push(hist);
    }
  }
  for (const node of [...stored.keys()]) release(node);

  return {
    tree: {
      feature: Int32Array.from(feature),
      // "+ 0" turns -0 into 0, which JSON cannot tell apart anyway.
      threshold: Float64Array.from(threshold, (t) => t + 0),
      left: Int32Array.from(left),
      right: Int32Array.from(right),
      value: Float64Array.from(value, (v) => v + 0),
    },
    splitBin: Int32Array.from(splitBin),
    gain: Float64Array.from(gain),
    weight: Float64Array.from(weight),
  };
}

/** parent[j] -= child[j]: the histogram of the parent's other child. */
function subtractInto(parent: Float64Array, child: Float64Array): void {
  for (let j = 0; j < parent.length; j++) parent[j] = (parent[j] as number) - (child[j] as number);
}

/** Writes the node's total weight and weighted (shifted) target into `out[0]` and `out[1]`. */
function nodeTotals(
  rows: Uint32Array,
  start: number,
  end: number,
  weights: Float64Array,
  target: Float64Array,
  shift: number,
  out: Float64Array,
): void {
  let W = 0;
  let S = 0;
  for (let r = start; r < end; r++) {
    const i = rows[r] as number;
    const w = weights[i] as number;
    W += w;
    S += w * ((target[i] as number) - shift);
  }
  out[0] = W;
  out[1] = S;
}

/** Accumulates (weight, weighted shifted target) per (subset feature k, bin) at `2 * (k * B + bin)`. */
function buildHistogram(
  rows: Uint32Array,
  start: number,
  end: number,
  weights: Float64Array,
  target: Float64Array,
  shift: number,
  codes: Uint8Array,
  F: number,
  subset: Int32Array,
  m: number,
  B: number,
  hist: Float64Array,
): void {
  hist.fill(0, 0, 2 * m * B);
  const stride = 2 * B;
  if (m === F) {
    for (let r = start; r < end; r++) {
      const i = rows[r] as number;
      const w = weights[i] as number;
      const ws = w * ((target[i] as number) - shift);
      const base = i * F;
      for (let k = 0, offset = 0; k < F; k++, offset += stride) {
        const cell = offset + 2 * (codes[base + k] as number);
        hist[cell] = (hist[cell] as number) + w;
        hist[cell + 1] = (hist[cell + 1] as number) + ws;
      }
    }
    return;
  }
  for (let r = start; r < end; r++) {
    const i = rows[r] as number;
    const w = weights[i] as number;
    const ws = w * ((target[i] as number) - shift);
    const base = i * F;
    for (let k = 0, offset = 0; k < m; k++, offset += stride) {
      const cell = offset + 2 * (codes[base + (subset[k] as number)] as number);
      hist[cell] = (hist[cell] as number) + w;
      hist[cell + 1] = (hist[cell + 1] as number) + ws;
    }
  }
}

/** Stable partition of rows[start, end): rows with code <= bin first; returns where the right part starts. */
function partitionRows(
  rows: Uint32Array,
  start: number,
  end: number,
  codes: Uint8Array,
  F: number,
  feature: number,
  bin: number,
  scratch: Uint32Array,
): number {
  let l = start;
  let s = 0;
  for (let r = start; r < end; r++) {
    const i = rows[r] as number;
    if ((codes[i * F + feature] as number) <= bin) {
      rows[l] = i;
      l += 1;
    } else {
      scratch[s] = i;
      s += 1;
    }
  }
  rows.set(scratch.subarray(0, s), l);
  return l;
}
