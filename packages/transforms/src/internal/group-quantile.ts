/**
 * The median or a quantile of each group's numbers, as `median` and `quantile` define them (NumPy's and
 * pandas'): the group's non-NaN values sorted, the value at position `(n - 1) × q` from 0; between two values
 * `a` and `b` at fraction `t`, the median `(a + b) / 2` and a quantile `a + (b - a) × t` (from `t` = 0.5 on,
 * `b - (b - a) × (1 - t)`); a zero as `0`; NaN for a group without a number.
 * @example groupQuantile(Float64Array.of(3, 1, 2, 9), [0, 0, 0, 1], 2, "median") // Float64Array [2, 9]
 */
export function groupQuantile(
  values: Float64Array,
  groupOf: ArrayLike<number>,
  groupCount: number,
  q: "median" | number,
): Float64Array {
  // each group's values side by side (a counting sort by group), then each group's run sorted
  const starts = new Int32Array(groupCount + 1);
  for (let p = 0; p < values.length; ++p) if (!Number.isNaN(values[p]!)) starts[groupOf[p]! + 1]! += 1;
  for (let g = 0; g < groupCount; ++g) starts[g + 1]! += starts[g]!;
  const sorted = new Float64Array(starts[groupCount]!);
  const next = starts.slice(0, groupCount);
  for (let p = 0; p < values.length; ++p) {
    const x = values[p]!;
    if (!Number.isNaN(x)) sorted[next[groupOf[p]!]!++] = x;
  }
  const out = new Float64Array(groupCount);
  const fraction = q === "median" ? 0.5 : q;
  for (let g = 0; g < groupCount; ++g) {
    const from = starts[g]!;
    const n = starts[g + 1]! - from;
    if (n === 0) {
      out[g] = Number.NaN;
      continue;
    }
    const run = sorted.subarray(from, from + n).sort();
    const position = (n - 1) * fraction;
    const below = Math.floor(position);
    const t = position - below;
    const a = run[below]!;
    out[g] = (t === 0 ? a : between(a, run[below + 1]!, t, q === "median")) + 0;
  }
  return out;
}

/** The value at fraction `t` (0 < t < 1) from `a` to `b`: their mean for the median, else NumPy's `_lerp`. */
function between(a: number, b: number, t: number, median: boolean): number {
  if (median) return (a + b) / 2;
  const d = b - a;
  return t < 0.5 ? a + d * t : b - d * (1 - t);
}
