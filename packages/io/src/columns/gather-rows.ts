type Gatherable = ArrayLike<unknown> & { constructor: new (length: number) => ArrayLike<unknown> };

/**
 * The values of `values` at `rows`, in that order: a typed array of the same type for a typed array, else a
 * plain array.
 * @example gatherRows(new Float64Array([5, 6, 7]), [0, 2]) // Float64Array [5, 7]
 */
export function gatherRows(values: ArrayLike<unknown>, rows: ArrayLike<number>): ArrayLike<unknown> {
  const n = rows.length;
  if (ArrayBuffer.isView(values)) {
    const out = new (values as unknown as Gatherable).constructor(n) as unknown as Float64Array;
    const source = values as unknown as Float64Array;
    for (let i = 0; i < n; i++) out[i] = source[rows[i] as number] as number;
    return out;
  }
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) out[i] = values[rows[i] as number];
  return out;
}
