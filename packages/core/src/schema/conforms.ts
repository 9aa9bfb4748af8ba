import type { ColumnTable } from "arquero";
import { isMissing } from "../values/is-missing";
import { backingValues, columnArray } from "./infer-schema";
import type { ColumnType, LogicalType } from "./logical-types";

const MS_PER_DAY = 86_400_000;

/** True when a present (not missing) value is stored as `type` expects. */
export function valueFits(value: unknown, type: LogicalType | "unknown"): boolean {
  switch (type) {
    case "unknown":
      return true;
    case "int":
      return (typeof value === "number" && Number.isInteger(value)) || typeof value === "bigint";
    case "float":
      return typeof value === "number" || typeof value === "bigint";
    case "string":
      return typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    case "timestamp":
      return (typeof value === "number" && Number.isFinite(value)) || value instanceof Date;
    case "date": {
      const ms = value instanceof Date ? value.getTime() : value;
      return typeof ms === "number" && Number.isFinite(ms) && ms % MS_PER_DAY === 0;
    }
  }
}

/** The first value that does not fit `type` (a missing value where it is not nullable included). */
export interface Misfit {
  /** The row, as the column stores it (0-based). */
  readonly row: number;
  readonly value: unknown;
}

/**
 * The first value of a column that breaks its declared type, or undefined when all fit: a missing value
 * (null, undefined, NaN, an invalid Date) in a column that is not nullable, or a present value stored as
 * another type (`"May"` in an `int` column, `1.5` in a `date` column: see {@link valueFits}).
 */
export function firstMisfit(values: ArrayLike<unknown>, type: ColumnType): Misfit | undefined {
  return firstMisfitAt(values, type, undefined);
}

/** The set rows of a filtered view's mask (arquero's BitSet). */
interface ShownRows {
  get(row: number): number;
  next(from: number): number;
}

/**
 * {@link firstMisfit} on the rows of a column a table shows, checked in place: a filtered view's rows are not
 * copied first. The row reported counts the rows the table shows.
 * @example columnMisfit(table, "fare", { type: "float", nullable: false }) // { row: 3, value: NaN }
 */
export function columnMisfit(table: ColumnTable, name: string, type: ColumnType): Misfit | undefined {
  const column = table.column(name);
  if (column === undefined) return undefined;
  if (!table.isFiltered() || table.isOrdered()) return firstMisfit(columnArray(table, name), type);
  return firstMisfitAt(backingValues(column), type, table.mask() as unknown as ShownRows);
}

/**
 * {@link firstMisfit} on `values`, only at the rows `shown` holds when given (rows counted among those). One
 * straight pass over every backing row (a view shows at least as many rows as it hides, typically): a misfit
 * in a hidden row is passed over, a shown one is reported at its place among the shown rows. A loop per kind
 * of check keeps each loop's test inlined.
 */
function firstMisfitAt(
  values: ArrayLike<unknown>,
  type: ColumnType,
  shown: ShownRows | undefined,
): Misfit | undefined {
  const { nullable } = type;
  const floats = values instanceof Float64Array || values instanceof Float32Array;
  if (ArrayBuffer.isView(values) && !floats) {
    // Integer typed arrays hold integers and never a missing value.
    if (type.type === "int" || type.type === "float" || type.type === "unknown") return undefined;
  }
  const found = (i: number): Misfit | undefined => {
    if (shown === undefined) return { row: i, value: values[i] };
    if (!shown.get(i)) return undefined;
    let row = 0;
    for (let j = shown.next(0); j >= 0 && j < i; j = shown.next(j + 1)) row++;
    return { row, value: values[i] };
  };
  const n = values.length;
  if (floats && (type.type === "float" || type.type === "unknown")) {
    if (nullable) return undefined;
    const numbers = values as Float64Array;
    for (let i = 0; i < n; i++) {
      const misfit = Number.isNaN(numbers[i]) ? found(i) : undefined;
      if (misfit !== undefined) return misfit;
    }
    return undefined;
  }
  if (floats && type.type === "int") {
    // valueFits's test (an integer) on each value; NaN is missing, allowed where the column is nullable
    const numbers = values as Float64Array;
    for (let i = 0; i < n; i++) {
      const value = numbers[i] as number;
      const misfit = Number.isInteger(value) || (nullable && Number.isNaN(value)) ? undefined : found(i);
      if (misfit !== undefined) return misfit;
    }
    return undefined;
  }
  if (floats && type.type === "timestamp") {
    // valueFits's test (a finite number) on each value, and NaN (missing) only where the column is nullable
    const numbers = values as Float64Array;
    for (let i = 0; i < n; i++) {
      const value = numbers[i] as number;
      const misfit = Number.isFinite(value) || (nullable && Number.isNaN(value)) ? undefined : found(i);
      if (misfit !== undefined) return misfit;
    }
    return undefined;
  }
  if (type.type === "string") {
    for (let i = 0; i < n; i++) {
      const value = values[i];
      const misfit = typeof value !== "string" && (!nullable || !isMissing(value)) ? found(i) : undefined;
      if (misfit !== undefined) return misfit;
    }
    return undefined;
  }
  for (let i = 0; i < n; i++) {
    const value = values[i];
    const misfit = (isMissing(value) ? !nullable : !valueFits(value, type.type)) ? found(i) : undefined;
    if (misfit !== undefined) return misfit;
  }
  return undefined;
}
