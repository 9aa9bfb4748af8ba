/** Splitting a node's rows between its children, in place. */

/**
 * Stable partition of rows[start, end): rows whose code of `feature` is <= bin first; returns where the
 * right part starts. `codes` is row-major, `numFeatures` per row; `scratch` holds at least end - start rows.
 */
export function partitionRows(
  rows: Uint32Array,
  start: number,
  end: number,
  codes: Uint8Array,
  numFeatures: number,
  feature: number,
  bin: number,
  scratch: Uint32Array,
): number {
  let l = start;
  let s = 0;
  for (let r = start; r < end; r++) {
    const i = rows[r] as number;
    if ((codes[i * numFeatures + feature] as number) <= bin) {
      rows[l] = i;
      l += 1;
    } else {
      scratch[s] = i;
      s += 1;
    }
  }
  rows.set(scratch.subarray(0, s), l);
  return l;
}
