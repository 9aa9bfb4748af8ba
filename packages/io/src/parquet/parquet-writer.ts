import { isEpochMillis } from "@tablepipe/core";
import type { ColumnTable } from "arquero";
import type { ColumnSource } from "hyparquet-writer";
import { parquetWriteFile } from "hyparquet-writer";
import type { ColumnSpec } from "../read/schema-columns";

type SchemaElement = NonNullable<Parameters<typeof parquetWriteFile>[0]["schema"]>[number];

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

type ValueType = "number" | "string" | "boolean" | "date" | "bigint";

function valueTypeOf(name: string, value: unknown): ValueType {
  if (typeof value === "number") return "number";
  if (typeof value === "string") return "string";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "bigint") return "bigint";
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError(`column ${name}: invalid Date`);
    return "date";
  }
  throw new TypeError(`column ${name}: cannot write a ${typeof value} value to Parquet`);
}

/** The value type a schema column is written as: a time-stamp column as "date" (its numbers are epoch ms). */
function specType(spec: ColumnSpec): ValueType {
  switch (spec.kind) {
    case "float":
    case "int":
      return "number";
    case "timestamp":
      return "date";
    case "boolean":
      return "boolean";
    default:
      return "string";
  }
}

/** Whether a value of type `found` may be written to a column of type `wanted` (from the schema). */
function fits(found: ValueType, wanted: ValueType): boolean {
  return (
    found === wanted ||
    (wanted === "number" && found === "bigint") ||
    (wanted === "date" && found === "number") // epoch milliseconds
  );
}

/** The column's value type (from the schema when given, else from its values) and whether it holds nulls. */
function inspect(
  name: string,
  data: ArrayLike<unknown>,
  spec: ColumnSpec | undefined,
): { type: ValueType; nulls: boolean } {
  let nulls = false;
  const found = new Set<ValueType>();
  if (!Array.isArray(data)) {
    found.add("number"); // a typed array
  } else {
    for (let i = 0; i < data.length; i++) {
      const value: unknown = data[i];
      if (value === null || value === undefined) nulls = true;
      else found.add(valueTypeOf(name, value));
    }
  }
  if (spec === undefined) {
    const [first, second] = found;
    if (second !== undefined)
      throw new TypeError(`column ${name}: cannot write mixed ${first} and ${second} values to Parquet`);
    return { type: first ?? "string", nulls };
  }
  const wanted = specType(spec);
  for (const type of found) {
    if (!fits(type, wanted))
      throw new TypeError(`column ${name}: the schema says ${spec.kind} but the table holds ${type} values`);
  }
  return { type: wanted, nulls: nulls || spec.nullable };
}

/** A time-stamp column's values as whole epoch milliseconds (Dates and numbers alike), nulls kept. */
function epochMillisValues(name: string, data: ArrayLike<unknown>): (number | null)[] {
  return Array.from(data, (value, row) => {
    if (value === null || value === undefined) return null;
    const ms = value instanceof Date ? value.getTime() : value;
    if (!isEpochMillis(ms)) {
      throw new RangeError(
        `column ${name}, row ${row + 1}: ${String(value)} is not a time stamp (epoch milliseconds)`,
      );
    }
    return Math.floor(ms) + 0;
  });
}

/** The Parquet schema element and the data to write for one column. */
function parquetColumn(
  name: string,
  data: ArrayLike<unknown>,
  spec: ColumnSpec | undefined,
): { element: SchemaElement; source: ColumnSource } {
  const { type, nulls } = inspect(name, data, spec);
  const repetition_type = nulls ? "OPTIONAL" : "REQUIRED";
  const source = (values: ArrayLike<unknown>): ColumnSource => ({
    name,
    data: values as ColumnSource["data"],
  });
  switch (type) {
    case "number": {
      if (spec?.kind === "int") {
        const values = Array.from(data as ArrayLike<number | bigint | null>, (v) =>
          v === null || v === undefined ? null : Number(v),
        );
        const fits = values.every(
          (v) => v === null || (Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX),
        );
        if (fits) return { element: { name, type: "INT32", repetition_type }, source: source(values) };
        return {
          element: { name, type: "INT64", repetition_type },
          source: source(values.map((v) => (v === null ? null : BigInt(Math.trunc(v))))),
        };
      }
      const values = nulls
        ? Array.from(data, (v) => (v === null || v === undefined ? null : Number(v)))
        : Float64Array.from(data as ArrayLike<number>);
      return { element: { name, type: "DOUBLE", repetition_type }, source: source(values) };
    }
    case "bigint":
      return { element: { name, type: "INT64", repetition_type }, source: source(Array.from(data)) };
    case "string":
      return {
        element: { name, type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type },
        source: source(Array.from(data)),
      };
    case "boolean":
      return { element: { name, type: "BOOLEAN", repetition_type }, source: source(Array.from(data)) };
    case "date":
      // A time stamp without a zone (isAdjustedToUTC false): the UTC wall-clock value is stored as is, and
      // readers (hyparquet, DuckDB, pandas, Spark) show the same wall-clock time.
      return {
        element: {
          name,
          type: "INT64",
          repetition_type,
          logical_type: { type: "TIMESTAMP", isAdjustedToUTC: false, unit: "MILLIS" },
        },
        source: source(epochMillisValues(name, data)),
      };
  }
}

/**
 * Write a table as one Parquet file (Snappy): numbers as DOUBLE (INT32/INT64 for schema `int` columns),
 * strings as UTF8, booleans, and as TIMESTAMP(MILLIS) without a zone both Dates and the numbers (epoch
 * milliseconds) of a schema `timestamp` column; a column with nulls is OPTIONAL.
 * @example writeParquetFile(trips, "out/trips.parquet", columnKinds(TripRow))
 */
export function writeParquetFile(table: ColumnTable, path: string, specs?: readonly ColumnSpec[]): void {
  const names = table.columnNames();
  const bySpec = new Map(specs?.map((s) => [s.name, s]));
  const columns = names.map((name) =>
    parquetColumn(name, table.array(name) as ArrayLike<unknown>, bySpec.get(name)),
  );
  parquetWriteFile({
    filename: path,
    columnData: columns.map((c) => c.source),
    schema: [{ name: "root", num_children: names.length }, ...columns.map((c) => c.element)],
  });
}
