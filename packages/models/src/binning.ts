import { SeededRandom } from "./seeded-random";

/** Features quantised once into small integer bins, the input of the histogram tree builder. */
export interface BinnedFeatures {
  /** Number of rows. */
  readonly rows: number;
  /** Number of features. */
  readonly numFeatures: number;
  /** Row-major bin codes: row i, feature f at `i * numFeatures + f`; a value v gets the first bin b with v <= thresholds[f][b]. */
  readonly codes: Uint8Array;
  /** Bins per feature: thresholds[f].length + 1 (1 for a feature with a single value). */
  readonly numBins: Int32Array;
  /** Split thresholds per feature, ascending: "go left" means value <= threshold. */
  readonly thresholds: readonly Float64Array[];
  /** The largest entry of numBins. */
  readonly maxNumBins: number;
}

/** Spark samples max(maxBins², 10000) rows to find split candidates. */
export function splitSampleSize(maxBins: number): number {
  return Math.max(maxBins * maxBins, 10_000);
}

/** Distinct values of a sample, ascending, with how often each occurs. */
export interface ValueCounts {
  readonly values: Float64Array;
  readonly counts: Float64Array;
}

/**
 * Distinct values and their counts. Values that are whole numbers or whole cents over a small range
 * (counts, flags, months, fares, distances) are tallied in one pass; anything else is sorted.
 * `valueCounts(Float64Array.of(2, 1, 2))` is values [1, 2], counts [1, 2].
 */
export function valueCounts(sample: Float64Array): ValueCounts {
  const n = sample.length;
  const maxRange = Math.min(65_536, Math.max(4096, 16 * n));
  for (const scale of [1, 100]) {
    const tallied = tallyFixedPoint(sample, scale, maxRange);
    if (tallied !== undefined) return tallied;
  }
  const sorted = Float64Array.from(sample).sort();
  const values: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = sorted[i] as number;
    if (values.length > 0 && values[values.length - 1] === v) {
      counts[counts.length - 1] = (counts[counts.length - 1] as number) + 1;
    } else {
      values.push(v);
      counts.push(1);
    }
  }
  return { values: Float64Array.from(values), counts: Float64Array.from(counts) };
}

/**
 * Counting pass when every value is exactly k / scale for an integer k within `maxRange` of the
 * smallest; undefined otherwise. The values come back bit-identical (k / scale === value was checked).
 */
function tallyFixedPoint(sample: Float64Array, scale: number, maxRange: number): ValueCounts | undefined {
  const n = sample.length;
  if (n === 0) return undefined;
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = sample[i] as number;
    const k = Math.round(v * scale);
    if (k / scale !== v) return undefined;
    if (k < low) low = k;
    if (k > high) high = k;
    if (high - low > maxRange) return undefined;
  }
  const tally = new Uint32Array(high - low + 1);
  for (let i = 0; i < n; i++) {
    const j = Math.round((sample[i] as number) * scale) - low;
    tally[j] = (tally[j] as number) + 1;
  }
  let distinct = 0;
  for (let j = 0; j < tally.length; j++) if ((tally[j] as number) > 0) distinct += 1;
  const values = new Float64Array(distinct);
  const counts = new Float64Array(distinct);
  for (let j = 0, d = 0; j < tally.length; j++) {
    const c = tally[j] as number;
    if (c > 0) {
      values[d] = (low + j) / scale;
      counts[d] = c;
      d += 1;
    }
  }
  return { values, counts };
}

/** A threshold between neighbouring values a < b: their midpoint, or a when no double lies strictly between. */
function midpoint(a: number, b: number): number {
  const m = a / 2 + b / 2;
  return m >= a && m < b ? m : a;
}

/**
 * Split thresholds for one feature, following Spark's `findSplitsForContinuousFeature`: with at most
 * `numSplits + 1` distinct values, every midpoint between neighbours; otherwise midpoints chosen so that
 * the bins hold about equal counts (quantiles). `splitThresholds(valueCounts(Float64Array.of(1, 1, 2, 3)), 31)`
 * is `[1.5, 2.5]`.
 */
export function splitThresholds(sample: ValueCounts, numSplits: number): Float64Array {
  const { values, counts } = sample;
  const possibleSplits = values.length - 1;
  if (possibleSplits <= 0 || numSplits < 1) return new Float64Array(0);
  if (possibleSplits <= numSplits) {
    const out = new Float64Array(possibleSplits);
    for (let i = 1; i <= possibleSplits; i++)
      out[i - 1] = midpoint(values[i - 1] as number, values[i] as number);
    return out;
  }
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i] as number;
  const stride = total / (numSplits + 1);
  const out: number[] = [];
  let currentCount = counts[0] as number;
  let targetCount = stride;
  for (let index = 1; index < values.length; index++) {
    const previousCount = currentCount;
    currentCount += counts[index] as number;
    const previousGap = Math.abs(previousCount - targetCount);
    const currentGap = Math.abs(currentCount - targetCount);
    // When the previous value's cumulative count is closer to the target, split before this value.
    if (previousGap < currentGap) {
      out.push(midpoint(values[index - 1] as number, values[index] as number));
      targetCount += stride;
    }
  }
  return Float64Array.from(out);
}

/** The bin of `value`: the number of thresholds strictly below it (binary search). */
export function binOf(thresholds: Float64Array, value: number): number {
  let lo = 0;
  let hi = thresholds.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (value <= (thresholds[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Chooses up to `maxBins - 1` thresholds per feature from a seeded sample of rows (all rows when
 * there are at most max(maxBins², 10000)) and bins every row. `x` is row-major, `numFeatures` wide.
 */
export function binFeatures(
  x: Float64Array,
  numFeatures: number,
  maxBins: number,
  seed: number,
): BinnedFeatures {
  const rows = numFeatures === 0 ? 0 : x.length / numFeatures;
  return binColumns(rows, numFeatures, maxBins, seed, (f, into) => {
    for (let i = 0, k = f; i < rows; i++, k += numFeatures) into[i] = x[k] as number;
  });
}

/**
 * Like binFeatures, reading one feature column at a time into a reused buffer (`readColumn(f, into)`),
 * so that only the bin codes are kept for all features.
 */
export function binColumns(
  rows: number,
  numFeatures: number,
  maxBins: number,
  seed: number,
  readColumn: (feature: number, into: Float64Array) => void,
): BinnedFeatures {
  const sampleRows = selectSampleRows(rows, splitSampleSize(maxBins), seed);
  const numSplits = Math.min(maxBins, rows) - 1;
  const thresholds: Float64Array[] = [];
  const numBins = new Int32Array(numFeatures);
  const column = new Float64Array(rows);
  const sample = new Float64Array(sampleRows.length);
  const codes = new Uint8Array(rows * numFeatures);
  let maxNumBins = 1;
  for (let f = 0; f < numFeatures; f++) {
    readColumn(f, column);
    for (let k = 0; k < sampleRows.length; k++) sample[k] = column[sampleRows[k] as number] as number;
    const t = splitThresholds(valueCounts(sample), numSplits);
    thresholds.push(t);
    numBins[f] = t.length + 1;
    if (t.length + 1 > maxNumBins) maxNumBins = t.length + 1;
    if (t.length > 0) binColumn(column, t, codes, f, numFeatures);
  }
  return { rows, numFeatures, codes, numBins, thresholds, maxNumBins };
}

/** Writes the bin of every value of `column` into `codes` at f, f + stride, ... */
function binColumn(
  column: Float64Array,
  t: Float64Array,
  codes: Uint8Array,
  f: number,
  stride: number,
): void {
  const rows = column.length;
  const lookup = integerBinLookup(t);
  if (lookup === undefined) {
    for (let i = 0, k = f; i < rows; i++, k += stride) codes[k] = binOf(t, column[i] as number);
    return;
  }
  // Small-range integer features: a table from value - low to bin, binary search outside it.
  const { low, table } = lookup;
  const size = table.length;
  for (let i = 0, k = f; i < rows; i++, k += stride) {
    const v = column[i] as number;
    const j = v - low;
    codes[k] =
      j >= 0 && j < size && j === Math.floor(j) && low + j === v ? (table[j] as number) : binOf(t, v);
  }
}

/** For thresholds between integers spanning a small range, the bin of every integer in that range. */
function integerBinLookup(thresholds: Float64Array): { low: number; table: Uint8Array } | undefined {
  const low = Math.floor(thresholds[0] as number);
  const high = Math.ceil(thresholds[thresholds.length - 1] as number);
  if (!(high - low <= 4096)) return undefined;
  const table = new Uint8Array(high - low + 1);
  for (let j = 0; j < table.length; j++) table[j] = binOf(thresholds, low + j);
  return { low, table };
}

/** Exactly min(rows, size) row indices, ascending, chosen uniformly by selection sampling (Knuth's algorithm S). */
function selectSampleRows(rows: number, size: number, seed: number): Uint32Array {
  if (rows <= size) {
    const all = new Uint32Array(rows);
    for (let i = 0; i < rows; i++) all[i] = i;
    return all;
  }
  const rng = new SeededRandom(seed);
  const out = new Uint32Array(size);
  let chosen = 0;
  for (let i = 0; i < rows && chosen < size; i++) {
    if ((rows - i) * rng.nextFloat() < size - chosen) {
      out[chosen] = i;
      chosen += 1;
    }
  }
  return out;
}
