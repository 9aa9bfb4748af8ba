import type { PredictionPoint } from "./sample";

/** The common axis range of the predicted-vs-actual scatter and the points that fall inside it. */
export interface ScatterRange {
  /** Domain of both axes, so that the line y = x is the diagonal. */
  readonly domain: readonly [number, number];
  readonly inside: readonly PredictionPoint[];
  /** Points beyond the range (outliers) that are not drawn. */
  readonly outside: number;
}

/** Share of the values cut at each end when choosing the axes' range. */
const TAIL = 0.001;
/** How far beyond those percentiles, as a share of the spread between them, a value still counts as ordinary. */
const FENCE = 0.25;

function quantile(sorted: Float64Array, q: number): number {
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const a = sorted[lower]!;
  const b = sorted[Math.ceil(position)]!;
  return a + (b - a) * (position - lower);
}

/**
 * One range for both axes, so a few extreme tips do not squash the plot into a corner: values further than a
 * quarter of the 0.1th-99.9th percentile spread beyond those percentiles are outliers. Points with an outlying
 * actual or predicted value are counted, not drawn; the range covers the other points, padded by 2%.
 */
export function scatterRange(points: readonly PredictionPoint[]): ScatterRange {
  if (points.length === 0) return { domain: [0, 1], inside: [], outside: 0 };
  const values = new Float64Array(points.length * 2);
  points.forEach((point, i) => {
    values[2 * i] = point.actual;
    values[2 * i + 1] = point.predicted;
  });
  values.sort();
  const low = quantile(values, TAIL);
  const high = quantile(values, 1 - TAIL);
  const margin = FENCE * (high > low ? high - low : Math.max(Math.abs(high), 1));
  const inRange = (value: number): boolean => value >= low - margin && value <= high + margin;
  const inside = points.filter((point) => inRange(point.actual) && inRange(point.predicted));
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const point of inside) {
    min = Math.min(min, point.actual, point.predicted);
    max = Math.max(max, point.actual, point.predicted);
  }
  const pad = max > min ? (max - min) * 0.02 : 0.5;
  return { domain: [min - pad, max + pad], inside, outside: points.length - inside.length };
}
