import type { ColumnTable } from "arquero";
import { isMissing } from "../values/is-missing";
import type { ColumnType, LogicalType, TableSchema } from "./logical-types";

const INT_ARRAYS = [
  Int8Array,
  Int16Array,
  Int32Array,
  Uint8Array,
  Uint16Array,
  Uint32Array,
  Uint8ClampedArray,
];

/** An integer typed array: integers only, never a missing value. */
function isIntegerArray(values: unknown): boolean {
  return INT_ARRAYS.some((kind) => values instanceof kind) || values instanceof BigInt64Array;
}

type ValueArray = unknown[] | (ArrayLike<unknown> & ArrayBufferView);
type ValueArrayConstructor = new (length: number) => ValueArray;

/**
 * A column's backing values, indexable by backing row number: a JS or typed array as stored, an Arrow column
 * materialised.
 */
export function backingValues(column: { length: number; at(row: number): unknown }): ArrayLike<unknown> {
  if (Array.isArray(column) || ArrayBuffer.isView(column)) return column as unknown as ArrayLike<unknown>;
  const array = (column as { toArray?: () => unknown }).toArray?.();
  if (Array.isArray(array) || ArrayBuffer.isView(array)) return array as ArrayLike<unknown>;
  return Array.from({ length: column.length }, (_, i) => column.at(i));
}

/**
 * A column's values as the table shows them, as an array-like: the rows a filtered view shows, in an ordered
 * table's order, in an array of the backing array's kind (a `Float64Array` column gives a `Float64Array`).
 * Arrow-backed columns are materialised.
 * @example columnArray(table.filter((d) => d.fare > 0), "fare") // the fares of the rows kept
 */
export function columnArray(table: ColumnTable, name: string): ArrayLike<unknown> {
  const column = table.column(name);
  if (column === undefined) return [];
  const values = backingValues(column);
  if (!table.isFiltered() && !table.isOrdered()) return values;
  const out = new (ArrayBuffer.isView(values) ? (values.constructor as ValueArrayConstructor) : Array)(
    table.numRows(),
  ) as unknown[];
  if (table.isOrdered()) {
    const index = table.indices();
    for (let k = 0; k < index.length; k++) out[k] = values[index[k] as number];
  } else {
    // a filtered view: walk its mask's set bits (arquero's own array() calls a closure per row)
    const mask = table.mask() as unknown as { next(from: number): number };
    let k = 0;
    for (let i = mask.next(0); i >= 0; i = mask.next(i + 1)) out[k++] = values[i];
  }
  return out;
}

function valueType(value: unknown): LogicalType | undefined {
  switch (typeof value) {
    case "number":
      return Number.isInteger(value) ? "int" : "float";
    case "bigint":
      return "int";
    case "string":
      return "string";
    case "boolean":
      return "boolean";
    default:
      return value instanceof Date ? "timestamp" : undefined;
  }
}

/**
 * The type of a column of a plain arquero table, from its values: an integer typed array is `int`, a
 * `Float64Array` `float`, plain numbers `int` when all are integers (else `float`), `Date`s `timestamp`,
 * strings `string`, booleans `boolean`; a column of mixed kinds, of other objects or of nulls only is
 * `unknown`. Nullable when some value is missing (null, undefined, NaN, an invalid Date).
 */
export function inferColumnType(values: ArrayLike<unknown>): ColumnType {
  if (isIntegerArray(values)) {
    return { type: "int", nullable: false, fromValues: true };
  }
  if (values instanceof Float64Array || values instanceof Float32Array) {
    let nullable = false;
    for (let i = 0; i < values.length && !nullable; i++) nullable = Number.isNaN(values[i]);
    return { type: "float", nullable, fromValues: true };
  }
  let type: LogicalType | "unknown" | undefined;
  let nullable = false;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (isMissing(value)) {
      nullable = true;
      continue;
    }
    const kind = valueType(value);
    if (kind === type || type === "unknown") continue;
    if (type === undefined) type = kind ?? "unknown";
    else if ((type === "int" && kind === "float") || (type === "float" && kind === "int")) type = "float";
    else type = "unknown";
  }
  return { type: type ?? "unknown", nullable, fromValues: true };
}

/**
 * The type of one column of `table` as {@link inferColumnType} finds it from the rows the table shows; a column
 * backed by an integer typed array is `int` without a copy of a filtered or ordered view's rows.
 */
export function inferTableColumnType(table: ColumnTable, name: string): ColumnType {
  const column = table.column(name);
  if (isIntegerArray(column)) return { type: "int", nullable: false, fromValues: true };
  return inferColumnType(columnArray(table, name));
}

/** The schema of a plain arquero table, typed from its values (see {@link inferColumnType}). */
export function inferSchema(table: ColumnTable): TableSchema {
  const schema: Record<string, ColumnType> = {};
  for (const name of table.columnNames()) schema[name] = inferTableColumnType(table, name);
  return schema;
}
