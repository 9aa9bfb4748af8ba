/**
 * A rolling frame's smallest or largest value for each row (its frame's bounds given: `FrameBounds`), missing
 * values (NaN) skipped, NaN where the frame holds no value; a zero is `0`, never `-0`
 * (which of two equal zeros a frame keeps is no engine's promise).
 */
import type { FrameBounds } from "./frame-bounds";

/**
 * Each position's rolling minimum (or maximum) of `values` (by position; NaN is missing), over `sorted`
 * (positions, partition by partition, each in order) cut at `start` (where each partition starts; length
 * partitions + 1), each frame `bounds` gives. A monotonic queue of the frame's candidates keeps it linear: each
 * value enters and leaves it once, whatever the frames' sizes.
 * @example rollingExtremes(prices, sorted, start, rowFrameBounds(start, 5), false) // each row's lowest price of its 5-row frame
 */
export function rollingExtremes(
  values: Float64Array,
  sorted: Uint32Array,
  start: Int32Array,
  bounds: FrameBounds,
  max: boolean,
): Float64Array {
  const out = new Float64Array(sorted.length);
  // the queue holds indices into `sorted`, their values strictly improving from its head (the frame's extreme)
  const queue = new Int32Array(sorted.length);
  /** True when `a` should replace `b` as a candidate: as good or better (a later equal value outlives it). */
  const beats = max ? (a: number, b: number) => a >= b : (a: number, b: number) => a <= b;
  for (let g = 0; g + 1 < start.length; ++g) {
    let head = 0;
    let tail = 0;
    let entered = start[g]!;
    for (let k = start[g]!; k < start[g + 1]!; ++k) {
      for (; entered <= bounds.last[k]!; ++entered) {
        const x = values[sorted[entered]!]!;
        if (Number.isNaN(x)) continue;
        while (tail > head && beats(x, values[sorted[queue[tail - 1]!]!]!)) tail--;
        queue[tail++] = entered;
      }
      while (tail > head && queue[head]! < bounds.first[k]!) head++;
      out[sorted[k]!] = tail > head ? values[sorted[queue[head]!]!]! + 0 : Number.NaN;
    }
  }
  return out;
}
