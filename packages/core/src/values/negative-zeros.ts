/**
 * A number array's `-0`s made `0`, where a value's sign of zero must not show: an `int` column (no engine's
 * BIGINT holds `-0`), a group's key and a distinct row (`-0` and `0` are one value; Spark's `GROUP BY` gives
 * `0`).
 */

/** Whether `value` is `-0`. */
const isNegativeZero = (value: unknown): boolean => value === 0 && 1 / (value as number) < 0;

/** The bits of a double's and of a float's `-0` (the sign bit alone), as signed integers. */
const NEGATIVE_ZERO_64 = -(2n ** 63n);
const NEGATIVE_ZERO_32 = -(2 ** 31);

/**
 * The index of the first `-0` of a typed float array, or -1: a search for its bits in an integer view of the same
 * memory, which the engine runs natively (a loop over the values ran ~15 ns a value where its code was still
 * cold, as in a CLI run).
 */
function firstInFloat64(values: Float64Array): number {
  return new BigInt64Array(values.buffer, values.byteOffset, values.length).indexOf(NEGATIVE_ZERO_64);
}
function firstInFloat32(values: Float32Array): number {
  return new Int32Array(values.buffer, values.byteOffset, values.length).indexOf(NEGATIVE_ZERO_32);
}
/**
 * The index of the first `-0` of an array of any values, or -1: the engine's native search finds each zero of
 * either sign (`-0 === 0`), and only those are told apart.
 */
function firstInArray(values: readonly unknown[]): number {
  for (let i = values.indexOf(0); i >= 0; i = values.indexOf(0, i + 1))
    if (1 / (values[i] as number) < 0) return i;
  return -1;
}

/** The index of the first `-0` of `values` (an integer typed array holds none), or -1. */
function firstNegativeZero(values: ArrayLike<unknown>): number {
  if (values instanceof Float64Array) return firstInFloat64(values);
  if (values instanceof Float32Array) return firstInFloat32(values);
  return Array.isArray(values) ? firstInArray(values) : -1;
}

/**
 * The values with each `-0` as `0`: the values themselves when they hold none, else a copy of the same kind.
 * @example withoutNegativeZeros(Float64Array.of(-0, 1.5)) // Float64Array [0, 1.5]
 */
export function withoutNegativeZeros<T extends ArrayLike<unknown>>(values: T): T {
  const first = firstNegativeZero(values);
  if (first < 0) return values;
  const copy = (Array.isArray(values)
    ? [...values]
    : (values as unknown as Float64Array).slice()) as unknown as {
    [index: number]: unknown;
    length: number;
  };
  for (let i = first; i < copy.length; i++) if (isNegativeZero(copy[i])) copy[i] = 0;
  return copy as unknown as T;
}
