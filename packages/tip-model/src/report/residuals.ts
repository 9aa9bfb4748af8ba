import { spansSomething, withinAxisRange } from "./chart-axes";

/** One bar of the residual histogram: residuals in `[start, end)` (the last bin also holds its end). */
export interface HistogramBin {
  readonly start: number;
  readonly end: number;
  readonly count: number;
}

/** A histogram of residuals whose range is trimmed to the central 99% so outliers do not squash it. */
export interface ResidualHistogram {
  readonly bins: readonly HistogramBin[];
  /** Finite residuals counted. */
  readonly total: number;
  /** Residuals outside the bins' range, counted in the first or last bin. */
  readonly clamped: number;
}

/** Trimmed share of the residuals on each side when choosing the histogram's range. */
const TAIL = 0.005;

function quantile(sorted: Float64Array, q: number): number {
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const a = sorted[lower]!;
  const b = sorted[upper]!;
  return a + (b - a) * (position - lower);
}

/** The smallest 1, 2, 2.5 or 5 × 10^k at least `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const factor of [1, 2, 2.5, 5, 10]) {
    if (factor * power >= raw) return factor * power;
  }
  return 10 * power;
}

/** Round away floating-point noise from a bin edge (e.g. 0.30000000000000004). */
function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

/** Residuals `predicted - actual` of the finite pairs. */
export function residualsOf(actual: ArrayLike<number>, predicted: ArrayLike<number>): Float64Array {
  const length = Math.min(actual.length, predicted.length);
  const out: number[] = [];
  for (let i = 0; i < length; i++) {
    const r = predicted[i]! - actual[i]!;
    if (Number.isFinite(r)) out.push(r);
  }
  return Float64Array.from(out);
}

/**
 * Bin residuals into about `targetBins` bins of a "nice" width over the central 99% of the values; values
 * beyond that range are counted in the end bins (and reported as `clamped`).
 */
export function residualHistogram(residuals: ArrayLike<number>, targetBins: number): ResidualHistogram {
  const values = Float64Array.from(Array.from(residuals).filter((v) => Number.isFinite(v))).sort();
  if (values.length === 0) return { bins: [], total: 0, clamped: 0 };
  // the bins stay within what the chart's axis shows (residuals beyond are counted in the end bins), and a
  // range of (next to) no width, which cannot be split into bins, is widened
  let low = withinAxisRange(quantile(values, TAIL));
  let high = withinAxisRange(quantile(values, 1 - TAIL));
  if (!spansSomething(low, high)) {
    const pad = Math.max(Math.abs(low) * 0.05, 0.5);
    low -= pad;
    high += pad;
  }
  const step = niceStep((high - low) / Math.max(1, Math.floor(targetBins)));
  const start = Math.floor(low / step) * step;
  const count = Math.max(1, Math.ceil((high - start) / step));
  const counts = new Array<number>(count).fill(0);
  let clamped = 0;
  for (const value of values) {
    const raw = Math.floor((value - start) / step);
    if (raw < 0 || raw >= count) {
      // The top edge itself belongs to the last bin; anything further out is clamped.
      if (!(raw === count && value <= start + count * step)) clamped++;
    }
    const index = Math.min(count - 1, Math.max(0, raw));
    counts[index] = (counts[index] ?? 0) + 1;
  }
  const bins = counts.map((binCount, i) => ({
    start: tidy(start + i * step),
    end: tidy(start + (i + 1) * step),
    count: binCount,
  }));
  return { bins, total: values.length, clamped };
}
