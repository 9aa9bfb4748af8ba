import type { ColumnTable } from "arquero";

/**
 * A group's key and a distinct row are values, in which `-0` and `0` are one number: `aggregate` and `pivot` give
 * a float key's zero as `0`, and so does `dropDuplicates` on every column for each float cell, as Spark's
 * `GROUP BY` and `DISTINCT` do (they normalise `-0.0`), and as DuckDB does once told to (`+ 0.0`). Left as it
 * was, the key's sign would be its group's first row's in process and whichever row a hash table met first on
 * DuckDB.
 */

/** Whether `value` is `-0`. */
const isNegativeZero = (value: unknown): boolean => value === 0 && 1 / (value as number) < 0;

/**
 * The values with each `-0` as `0`: the values themselves when they hold none, else a copy of the same kind.
 * @example withoutNegativeZeros(Float64Array.of(-0, 1.5)) // Float64Array [0, 1.5]
 */
export function withoutNegativeZeros<T extends ArrayLike<unknown>>(values: T): T {
  let first = -1;
  if (values instanceof Float64Array || values instanceof Float32Array) {
    for (let i = 0; i < values.length; i++) {
      const value = values[i] as number;
      if (value === 0 && 1 / value < 0) {
        first = i;
        break;
      }
    }
  } else if (Array.isArray(values)) {
    for (let i = 0; i < values.length; i++) {
      if (isNegativeZero(values[i])) {
        first = i;
        break;
      }
    }
  }
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

/**
 * `table` with each `-0` of the columns `names` as `0` (a column without one is shared, not copied); its rows,
 * filter and order unchanged.
 * @example withoutNegativeZeroColumns(deduped, deduped.columnNames())
 */
export function withoutNegativeZeroColumns(table: ColumnTable, names: readonly string[]): ColumnTable {
  const data: Record<string, ArrayLike<unknown>> = {};
  for (const name of names) {
    const column = table.column(name) as unknown as ArrayLike<unknown> | undefined;
    if (column === undefined || !(Array.isArray(column) || ArrayBuffer.isView(column))) continue;
    const values = withoutNegativeZeros(column);
    if (values !== column) data[name] = values;
  }
  if (Object.keys(data).length === 0) return table;
  const all = table.columnNames();
  for (const name of all) data[name] ??= table.column(name) as unknown as ArrayLike<unknown>;
  return table.create({ data: data as Record<string, unknown[]>, names: all });
}
