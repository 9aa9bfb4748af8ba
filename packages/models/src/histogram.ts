/**
 * Per-node histograms: (weight, weighted target) per (feature of the node's subset, bin), the only pass
 * over a node's rows when choosing its split.
 */
import type { BinnedFeatures } from "./binning";

/** What every histogram of one tree is built from; made once per tree, read by each buildHistogram. */
export interface HistogramSource {
  /** Row indexes: each node owns a contiguous range of them. */
  readonly rows: Uint32Array;
  /** Sample weight per row. */
  readonly weights: Float64Array;
  /** Target per row. */
  readonly target: Float64Array;
  /** Subtracted from every target (the tree's first target) so that sums stay small. */
  readonly shift: number;
  /** Row-major bin codes, `numFeatures` per row. */
  readonly codes: Uint8Array;
  readonly numFeatures: number;
  /** The node's features, ascending; the first `subsetSize` entries are used (all features: 0..F-1). */
  readonly subset: Int32Array;
  readonly subsetSize: number;
  /** Bins reserved per feature in a histogram (the largest number of bins of any feature). */
  readonly maxNumBins: number;
}

/** The source of one tree's histograms: `subset` is filled per node by the caller. */
export function histogramSource(
  data: BinnedFeatures,
  rows: Uint32Array,
  weights: Float64Array,
  target: Float64Array,
  shift: number,
  subset: Int32Array,
  subsetSize: number,
): HistogramSource {
  const { codes, numFeatures, maxNumBins } = data;
  return { rows, weights, target, shift, codes, numFeatures, subset, subsetSize, maxNumBins };
}

/**
 * Fills `hist` with the (weight, weighted shifted target) sums of rows[start, end) per (subset slot k, bin),
 * at `2 * (k * maxNumBins + bin)`.
 */
export function buildHistogram(
  source: HistogramSource,
  start: number,
  end: number,
  hist: Float64Array,
): void {
  const { rows, weights, target, shift, codes, subset } = source;
  const F = source.numFeatures;
  const m = source.subsetSize;
  const stride = 2 * source.maxNumBins;
  hist.fill(0, 0, m * stride);
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

/** parent[j] -= child[j]: the histogram of the parent's other child. */
export function subtractHistogram(parent: Float64Array, child: Float64Array): void {
  for (let j = 0; j < parent.length; j++) parent[j] = (parent[j] as number) - (child[j] as number);
}

/** Writes the total weight and weighted shifted target of rows[start, end) into `out[0]` and `out[1]`. */
export function rowTotals(source: HistogramSource, start: number, end: number, out: Float64Array): void {
  const { rows, weights, target, shift } = source;
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
