import { declaredSchema } from "@tablepipe/core";
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

/**
 * The columns of `table` that may hold a `-0`: every column but those its declared schema types `string` or
 * `boolean`. (A schema inferred from the values types a float column of whole numbers `int`: `[-0, 2]` is one.)
 * @example zeroSignedColumns(trips) // every column but store_and_fwd_flag
 */
export function zeroSignedColumns(table: ColumnTable): string[] {
  const schema = declaredSchema(table);
  const names = table.columnNames();
  if (schema === undefined) return names;
  return names.filter((name) => {
    const type = schema[name]?.type;
    return type !== "string" && type !== "boolean";
  });
}
