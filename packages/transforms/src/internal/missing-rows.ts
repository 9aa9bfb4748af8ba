import { isMissing } from "@tablepipe/core";
import type { ColumnValues } from "./columns";

/**
 * Clear `keep[i]` where the value at backing row `rows[i]` of `values` is missing (see `isMissing`). One loop
 * per kind of column, each with one kind of element access: an integer typed array holds no missing value, a
 * float one only NaN; any other array is checked value by value.
 * @example clearMissing(Float64Array.of(1, Number.NaN), Uint32Array.of(0, 1), keep) // keep[1] becomes 0
 */
export function clearMissing(values: ColumnValues, rows: Uint32Array, keep: Uint8Array): void {
  if (values instanceof Float64Array || values instanceof Float32Array) {
    clearNaN(values, rows, keep);
  } else if (!ArrayBuffer.isView(values)) {
    for (let i = 0; i < rows.length; ++i)
      if (keep[i] === 1 && isMissing(values[rows[i] as number])) keep[i] = 0;
  }
}

function clearNaN(values: Float64Array | Float32Array, rows: Uint32Array, keep: Uint8Array): void {
  for (let i = 0; i < rows.length; ++i) {
    const value = values[rows[i] as number] as number;
    if (Number.isNaN(value)) keep[i] = 0;
  }
}
