import { stddevScale } from "@tablepipe/core/internal";

/**
 * The sample standard deviation of the numbers `values` (NaN is null, skipped) in each of `groupCount` groups
 * (`groupOf[p]` is row p's group): NaN (null) for fewer than two numbers or for any infinity among them. Two
 * passes (mean, then squared deviations) on the values scaled by a power of two ({@link stddevScale}), so the
 * squares neither overflow nor vanish; ordinary groups are not scaled. A result past the largest double is
 * Infinity. The sums add in row order, from 0: sql's `OrderedStddevs` renders this same computation for DuckDB and
 * Spark, bit for bit, so change both together.
 */
export function groupStddev(
  values: Float64Array,
  groupOf: ArrayLike<number>,
  groupCount: number,
): Float64Array {
  const n = groupOf.length;
  const counts = new Float64Array(groupCount);
  const largest = new Float64Array(groupCount); // Infinity once a group holds an infinity
  for (let p = 0; p < n; ++p) {
    const x = values[p]!;
    if (Number.isNaN(x)) continue;
    const g = groupOf[p]!;
    counts[g]! += 1;
    const size = Math.abs(x);
    if (size > largest[g]!) largest[g] = size;
  }
  const scales = largest.map((size) => (size === Number.POSITIVE_INFINITY ? Number.NaN : stddevScale(size)));
  const sums = new Float64Array(groupCount);
  for (let p = 0; p < n; ++p) {
    const x = values[p]!;
    if (Number.isNaN(x)) continue;
    const g = groupOf[p]!;
    sums[g]! += x * scales[g]!;
  }
  const squares = new Float64Array(groupCount);
  for (let p = 0; p < n; ++p) {
    const x = values[p]!;
    if (Number.isNaN(x)) continue;
    const g = groupOf[p]!;
    const d = x * scales[g]! - sums[g]! / counts[g]!;
    squares[g]! += d * d;
  }
  return squares.map((s, g) => {
    const count = counts[g]!;
    return count < 2 ? Number.NaN : Math.sqrt(s / (count - 1)) / scales[g]!;
  });
}
