import type { LogicalType } from "../schema/logical-types";
/**
 * The values of an expression over all rows, one typed array per kind: numbers (time stamps are epoch
 * milliseconds) in a `Float64Array` with NaN for null, booleans in a `Uint8Array` (0 false, 1 true,
 * {@link NULL_BOOL} null), strings in an array with `null`. `"null"` is a value that is null on every row
 * and fits any kind (a `null` literal, a column holding nothing but nulls).
 */
export type Vector =
  | {
      readonly kind: "number";
      readonly values: Float64Array;
      /**
       * Whether the numbers are time stamps (epoch milliseconds of a `timestamp` or `date`): true for a declared
       * time-stamp column, a column of Dates, a time-stamp literal, a `truncate`, a cast to `timestamp`; false for
       * other numbers (a declared int or float, a number literal, arithmetic, a date part); undefined when nothing
       * says (an undeclared column of numbers), which fits either.
       */
      readonly stamps?: boolean;
    }
  | { readonly kind: "boolean"; readonly values: Uint8Array }
  | { readonly kind: "string"; readonly values: readonly (string | null)[] }
  | { readonly kind: "null" };

/** The kind of an expression's values. */
export type ValueKind = Vector["kind"];

/** A null in a boolean vector. */
export const NULL_BOOL = 2;

/**
 * Whether row `i` of a vector is null: NaN in numbers, {@link NULL_BOOL} in booleans, `null` in strings.
 * @example isNullAt({ kind: "number", values: Float64Array.of(1, Number.NaN) }, 1) // true
 */
export function isNullAt(v: Vector, i: number): boolean {
  if (v.kind === "null") return true;
  if (v.kind === "number") return Number.isNaN(v.values[i]!);
  if (v.kind === "boolean") return v.values[i] === NULL_BOOL;
  return v.values[i] === null;
}

/** The rows an expression is evaluated on: each column's values in row order, by name. */
export interface ExpressionInput {
  /** The number of rows. */
  readonly rowCount: number;
  /** A column's values, one per row, in row order (a `Float64Array` or an array). */
  column(name: string): ArrayLike<unknown>;
  /** A column already as a vector, read instead of `column` (undefined: read `column`). */
  vector?(name: string): Vector | undefined;
  /**
   * A column's declared type (its table's schema), where known: a `timestamp` or `date` column cast to a string
   * is its wall-clock text, not its epoch milliseconds' (see `stampText`).
   */
  columnType?(name: string): LogicalType | undefined;
}

/** What a kind is called in errors. */
export function describeKind(kind: ValueKind): string {
  return kind === "null" ? "only nulls" : `${kind}s`;
}

/** The kind of one cell; `"null"` for null, undefined, NaN and an invalid Date; undefined for other values. */
export function cellKind(value: unknown): ValueKind | undefined {
  switch (typeof value) {
    case "number":
      return Number.isNaN(value) ? "null" : "number";
    case "string":
      return "string";
    case "boolean":
      return "boolean";
    case "undefined":
      return "null";
    default:
      if (value === null) return "null";
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? "null" : "number";
      return undefined;
  }
}

/**
 * A column's values as a vector: numbers and Dates become numbers (Dates as epoch milliseconds), null,
 * undefined and NaN become null. Returns the first offending row when the column mixes kinds or holds
 * values of no kind (objects), for the caller's error message.
 */
export function columnVector(values: ArrayLike<unknown>): Vector | { readonly mixed: number } {
  const n = values.length;
  if (values instanceof Float64Array) return { kind: "number", values };
  if (ArrayBuffer.isView(values))
    return { kind: "number", values: Float64Array.from(values as ArrayLike<number>) };
  let kind: ValueKind = "null";
  for (let i = 0; i < n; ++i) {
    const k = cellKind(values[i]);
    if (k === undefined) return { mixed: i };
    if (k === "null" || k === kind) continue;
    if (kind !== "null") return { mixed: i };
    kind = k;
  }
  switch (kind) {
    case "number": {
      const out = new Float64Array(n);
      let dates = false;
      for (let i = 0; i < n; ++i) {
        const v = values[i];
        if (v instanceof Date) dates = true;
        out[i] = typeof v === "number" ? v : v instanceof Date ? v.getTime() : Number.NaN;
      }
      return dates ? { kind, values: out, stamps: true } : { kind, values: out };
    }
    case "boolean": {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; ++i) {
        const v = values[i];
        out[i] = v === true ? 1 : v === false ? 0 : NULL_BOOL;
      }
      return { kind, values: out };
    }
    case "string": {
      const out = new Array<string | null>(n);
      for (let i = 0; i < n; ++i) {
        const v = values[i];
        out[i] = typeof v === "string" ? v : null;
      }
      return { kind, values: out };
    }
    default:
      return { kind: "null" };
  }
}

/**
 * A vector as a table column: numbers as a `Float64Array` when none is null, else an array with `null`
 * (the table reader's layout); booleans and strings as arrays with `null`.
 */
export function vectorToColumn(vector: Vector, rowCount: number): Float64Array | unknown[] {
  switch (vector.kind) {
    case "number": {
      const { values } = vector;
      let hasNull = false;
      for (let i = 0; i < values.length && !hasNull; ++i) hasNull = Number.isNaN(values[i]!);
      if (!hasNull) return values;
      return Array.from(values, (v) => (Number.isNaN(v) ? null : v));
    }
    case "boolean":
      return Array.from(vector.values, (v) => (v === NULL_BOOL ? null : v === 1));
    case "string":
      return [...vector.values];
    case "null":
      return new Array<null>(rowCount).fill(null);
  }
}

/** The rows where a boolean vector is true (a filter keeps these: false and null are dropped). */
export function trueRows(vector: Vector, rowCount: number): Uint32Array {
  if (vector.kind === "null") return new Uint32Array(0);
  if (vector.kind !== "boolean") throw new TypeError(`expected booleans, got ${describeKind(vector.kind)}`);
  const out = new Uint32Array(rowCount);
  let count = 0;
  for (let i = 0; i < rowCount; ++i) if (vector.values[i] === 1) out[count++] = i;
  return out.slice(0, count);
}
