/**
 * The logical type each column is written as, found without being told: from the row schema when one is
 * given, else from the types the table carries (declared by a read, `typedTable`, a row factory or a step,
 * over a remembered display schema: a `date` stays a date), else from the values (Dates are time stamps;
 * numbers are never taken for time stamps). The values are checked to fit.
 */

import type { DisplaySchema, TableSchema } from "@tablepipe/core";
import { columnArray, isEpochMillis } from "@tablepipe/core";
import { carriedDisplaySchema } from "@tablepipe/core/internal";
import type { ColumnTable } from "arquero";

/** A logical type on disk: Parquet INT32/INT64, DOUBLE, STRING, BOOLEAN, TIMESTAMP(MILLIS), DATE; Arrow likewise. */
export type WriteType = "int" | "float" | "string" | "boolean" | "timestamp" | "date";

/** One column to write: its values, logical type and whether it holds (or may hold) missing values. */
export interface WriteColumn {
  readonly name: string;
  readonly values: ArrayLike<unknown>;
  readonly type: WriteType;
  readonly nullable: boolean;
}

type ValueKind = "number" | "string" | "boolean" | "date" | "bigint";

function kindOf(name: string, value: unknown, row: number): ValueKind {
  if (typeof value === "number") return "number";
  if (typeof value === "string") return "string";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "bigint") return "bigint";
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError(`column ${name}, row ${row + 1}: invalid Date`);
    return "date";
  }
  throw new TypeError(
    `column ${name}, row ${row + 1}: cannot write ${typeof value === "object" ? "an" : "a"} ${typeof value} value to a table file`,
  );
}

/** The type a column's values suggest when nothing else says: Dates time stamps, numbers floats (ints in an integer typed array). */
function typeFromValues(name: string, kinds: ReadonlySet<ValueKind>, values: ArrayLike<unknown>): WriteType {
  if (ArrayBuffer.isView(values) && !(values instanceof Float64Array || values instanceof Float32Array))
    return "int";
  const [first, second] = kinds;
  if (second !== undefined) {
    const numeric = [...kinds].every((kind) => kind === "number" || kind === "bigint");
    if (!numeric) throw new TypeError(`column ${name}: cannot write mixed ${first} and ${second} values`);
    return "int";
  }
  switch (first) {
    case "date":
      return "timestamp";
    case "bigint":
      return "int";
    case "boolean":
      return "boolean";
    case "number":
      return "float";
    default:
      return "string";
  }
}

/** Whether a value of kind `kind` can be written as `type`. */
function fits(kind: ValueKind, type: WriteType): boolean {
  switch (type) {
    case "int":
    case "float":
      return kind === "number" || kind === "bigint";
    case "timestamp":
    case "date":
      return kind === "number" || kind === "date";
    case "string":
      return kind === "string";
    case "boolean":
      return kind === "boolean";
  }
}

/** The type a table schema or a display schema gives a column, if one that can be written, and its nullability. */
function typeIn(
  schema: DisplaySchema | TableSchema | undefined,
  name: string,
): { type: WriteType | undefined; nullable: boolean } {
  const given = schema?.[name];
  const type = typeof given === "string" ? given : given?.type;
  const nullable = typeof given === "object" && given.nullable;
  return { type: type === undefined || type === "other" || type === "unknown" ? undefined : type, nullable };
}

/**
 * Every column of `table` with the logical type it is written as: from `told` (a row schema's types), else the
 * types the table carries (declared over remembered: a read's, `typedTable`'s, a step's output's), else its
 * values. Throws, naming the column, when its values do not fit, or at ±Infinity in a float array unless
 * `cellsChecked` (a writer that checks each number cell itself, and has no use for a NaN's nullability: CSV).
 */
export function writeColumns(table: ColumnTable, told?: TableSchema, cellsChecked = false): WriteColumn[] {
  const tableSchema = carriedDisplaySchema(table);
  return table.columnNames().map((name) => {
    const values = columnArray(table, name);
    const kinds = new Set<ValueKind>();
    let nulls = false;
    if (ArrayBuffer.isView(values)) {
      kinds.add(typeof values[0] === "bigint" ? "bigint" : "number");
      if (!cellsChecked && (values instanceof Float64Array || values instanceof Float32Array)) {
        nulls = holdsNaN(name, values);
      }
    } else {
      for (let i = 0; i < values.length; i++) {
        const value = values[i];
        if (value === null || value === undefined || Number.isNaN(value)) nulls = true;
        else {
          kinds.add(kindOf(name, value, i));
          if (value === Number.POSITIVE_INFINITY || value === Number.NEGATIVE_INFINITY)
            refuseInfinity(name, value, i);
        }
      }
    }
    const given = told?.[name] === undefined ? typeIn(tableSchema, name) : typeIn(told, name);
    const type = given.type ?? typeFromValues(name, kinds, values);
    for (const kind of kinds) {
      if (!fits(kind, type)) {
        const by = told?.[name] === undefined ? "the table's schema" : "the schema";
        throw new TypeError(`column ${name}: ${by} says ${type} but the table holds ${kind} values`);
      }
    }
    if (told?.[name] !== undefined && !given.nullable) refuseMissing(name, values);
    return { name, values, type, nullable: nulls || given.nullable };
  });
}

/**
 * Throw, naming the column and the row, at the first missing value (null, undefined, NaN) of a column the schema
 * given to the write says is not nullable: readTable would refuse it, so the file would not read back.
 */
function refuseMissing(name: string, values: ArrayLike<unknown>): void {
  const floats = values instanceof Float64Array || values instanceof Float32Array;
  if (ArrayBuffer.isView(values) && !floats) return; // an integer array holds no missing value
  for (let row = 0; row < values.length; row++) {
    const value = values[row];
    if (value === null || value === undefined || (typeof value === "number" && Number.isNaN(value))) {
      const shown = value === null ? "null" : String(value);
      throw new TypeError(
        `column ${name}, row ${row + 1}: a missing value (${shown}), but the schema says the column is not nullable, and readTable refuses it: the file would not read back (expected a value, or declare the column .nullable())`,
      );
    }
  }
}

/**
 * Whether a float array holds NaN, a missing value (written as one); throws at ±Infinity, which no reader of
 * tablepipe's takes back (readTable refuses non-finite numbers).
 */
function holdsNaN(name: string, values: Float64Array | Float32Array): boolean {
  let nan = false;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (value - value !== 0) {
      if (Number.isNaN(value)) nan = true;
      else refuseInfinity(name, value, i);
    }
  }
  return nan;
}

/** Throw the error of a ±Infinity at `row` (0-based) of column `name`: readTable would not read it back. */
export function refuseInfinity(name: string, value: number, row: number): never {
  throw new RangeError(
    `column ${name}, row ${row + 1}: ${value} is not a finite number, and readTable refuses it: the file would not read back (expected a finite number, or null for a missing value)`,
  );
}

/**
 * A time column's values as whole epoch milliseconds (Dates and numbers alike), nulls (and NaN, a missing value)
 * as null; checks the range.
 */
export function epochMillisValues(column: WriteColumn): (number | null)[] {
  return Array.from(column.values, (value, row) => {
    if (value === null || value === undefined || Number.isNaN(value)) return null;
    const ms = value instanceof Date ? value.getTime() : value;
    if (!isEpochMillis(ms)) {
      throw new RangeError(
        `column ${column.name}, row ${row + 1}: ${String(value)} is not a time stamp (epoch milliseconds)`,
      );
    }
    return Math.floor(ms) + 0;
  });
}

/** A float column's values as numbers, nulls (and NaN, a missing value) as null. */
export function floatValues(column: WriteColumn): (number | null)[] {
  return Array.from(column.values, (v) =>
    v === null || v === undefined || Number.isNaN(v) ? null : Number(v),
  );
}

/**
 * `value` (a number or a bigint, not missing) of an int column as a number; throws, naming the column and the
 * row (`row` 0-based, shown from 1), when it is not a whole number or lies outside the safe integers, which
 * readTable refuses in an int column (the file would not read back).
 */
export function integerValue(name: string, value: number | bigint, row: number): number {
  const n = Number(value);
  if (Number.isSafeInteger(n)) return n; // a bigint converts exactly while it is safe
  const why = Number.isInteger(n)
    ? `is outside the safe integers (±${Number.MAX_SAFE_INTEGER}), and readTable refuses it in an int column: the file would not read back`
    : "is not a whole number (int column)";
  throw new RangeError(`column ${name}, row ${row + 1}: ${String(value)} ${why}`);
}

/**
 * An int column's values as numbers (bigints converted), nulls (and NaN, a missing value) as null; refuses a value
 * that is not a whole number or not a safe integer ({@link integerValue}).
 */
export function integerValues(column: WriteColumn): (number | null)[] {
  return Array.from(column.values, (value, row) => {
    if (value === null || value === undefined || Number.isNaN(value)) return null;
    return integerValue(column.name, value as number | bigint, row);
  });
}
