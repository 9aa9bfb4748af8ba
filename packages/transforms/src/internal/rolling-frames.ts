/**
 * A rolling frame's sum or mean for each row (its frame's bounds given: `FrameBounds`), missing values (NaN)
 * skipped, NaN where the frame holds no value or its sum is NaN (+Infinity and -Infinity). Each frame's values
 * are added one after another in order, as Spark's sliding frame does.
 */
import type { FrameBounds } from "./frame-bounds";

/** 2^53: every whole number up to it in magnitude is a double, so sums of such within it are exact. */
const EXACT = 2 ** 53;

/**
 * True when every sum a sliding frame computes over these positions is exact: the values are whole numbers
 * (no `-0`, whose sign a running total would lose) whose magnitudes add up to at most 2^53. Adding the entering
 * value and subtracting the leaving one then gives each frame's own sum.
 */
function slidesExactly(values: Float64Array, sorted: Uint32Array, from: number, to: number): boolean {
  let total = 0;
  for (let k = from; k < to; ++k) {
    const x = values[sorted[k]!]!;
    if (Number.isNaN(x)) continue;
    if (!Number.isInteger(x) || Object.is(x, -0)) return false;
    total += Math.abs(x);
    if (total > EXACT) return false;
  }
  return true;
}

/** What the frames of one partition are computed from, and where they go. */
interface Frames {
  readonly values: Float64Array;
  readonly sorted: Uint32Array;
  readonly bounds: FrameBounds;
  readonly mean: boolean;
  readonly out: Float64Array;
}

/**
 * The frames of one partition, a running total kept: exact values only (see {@link slidesExactly}). The values
 * up to each frame's last enter it, and those before its first leave it (both ends only move forward).
 */
function slide({ values, sorted, bounds, mean, out }: Frames, from: number, to: number): void {
  let sum = 0;
  let count = 0;
  let entered = from;
  let left = from;
  for (let k = from; k < to; ++k) {
    for (; entered <= bounds.last[k]!; ++entered) {
      const x = values[sorted[entered]!]!;
      if (!Number.isNaN(x)) {
        sum += x;
        count++;
      }
    }
    for (; left < bounds.first[k]!; ++left) {
      const y = values[sorted[left]!]!;
      if (!Number.isNaN(y)) {
        sum -= y;
        count--;
      }
    }
    out[sorted[k]!] = count === 0 ? Number.NaN : mean ? sum / count : sum;
  }
}

/** The frames of one partition, each summed from its first row on. */
function fold({ values, sorted, bounds, mean, out }: Frames, from: number, to: number): void {
  for (let k = from; k < to; ++k) {
    let sum = Number.NaN;
    let count = 0;
    for (let j = bounds.first[k]!; j <= bounds.last[k]!; ++j) {
      const x = values[sorted[j]!]!;
      if (Number.isNaN(x)) continue;
      sum = count === 0 ? x : sum + x;
      count++;
    }
    out[sorted[k]!] = count === 0 ? Number.NaN : mean ? sum / count : sum;
  }
}

/**
 * Each position's rolling sum (or mean) of `values` (by position; NaN is missing), over `sorted` (positions,
 * partition by partition, each in order) cut at `start` (where each partition starts; length partitions + 1),
 * each frame `bounds` gives. A partition of whole numbers keeps a running total (linear); any other is summed
 * frame by frame, which reads each frame's values: the same sums, one after another in order.
 * @example rollingFrames(amounts, sorted, start, rowFrameBounds(start, 7), false) // each row's sum of its 7-row frame
 */
export function rollingFrames(
  values: Float64Array,
  sorted: Uint32Array,
  start: Int32Array,
  bounds: FrameBounds,
  mean: boolean,
): Float64Array {
  const frames: Frames = { values, sorted, bounds, mean, out: new Float64Array(sorted.length) };
  for (let g = 0; g + 1 < start.length; ++g) {
    const from = start[g]!;
    const to = start[g + 1]!;
    (slidesExactly(values, sorted, from, to) ? slide : fold)(frames, from, to);
  }
  return frames.out;
}
