/**
 * Test support for the window kernels (`rollingFrames`, `rollingExtremes`): partitions' values laid out as the
 * `window` step hands them over, and values shown with their signs.
 */

/** What a window kernel reads: values by position, the positions in partition order, each partition's start. */
export interface PartitionLayout {
  readonly values: Float64Array;
  readonly sorted: Uint32Array;
  readonly start: Int32Array;
}

/**
 * The partitions' values, each partition stored in reverse, with `sorted` listing them back in order: a kernel
 * must follow `sorted`, not the array's order.
 * @example partitionLayout([[1, 2], [3]]) // values [2, 1, 3], sorted [1, 0, 2], start [0, 2, 3]
 */
export function partitionLayout(parts: readonly (readonly number[])[]): PartitionLayout {
  const values = Float64Array.from(parts.flatMap((p) => [...p].reverse()));
  const start = Int32Array.from([0, ...parts.map((_, g) => parts.slice(0, g + 1).flat().length)]);
  const sorted = Uint32Array.from(parts.flatMap((p, g) => p.map((_, i) => start[g]! + p.length - 1 - i)));
  return { values, sorted, start };
}

/** Values as text, `-0` told apart from `0` (and NaN, a missing value, from null). */
export const signed = (values: ArrayLike<number>): string[] =>
  Array.from(values, (v) => (Object.is(v, -0) ? "-0" : String(v)));
