import type { TableSchema } from "@tablepipe/core";
import type { ColumnTable } from "arquero";
import type { ColumnSource } from "hyparquet-writer";
import { parquetWriteFile } from "hyparquet-writer";
import {
  epochMillisValues,
  floatValues,
  integerValues,
  type WriteColumn,
  writeColumns,
} from "../write/column-types";

type SchemaElement = NonNullable<Parameters<typeof parquetWriteFile>[0]["schema"]>[number];

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const MS_PER_DAY = 86_400_000;

/** The Parquet schema element and the data to write for one column, each type as itself. */
function parquetColumn(column: WriteColumn): { element: SchemaElement; source: ColumnSource } {
  const { name, values, type } = column;
  const repetition_type = column.nullable ? "OPTIONAL" : "REQUIRED";
  const source = (data: ArrayLike<unknown>): ColumnSource => ({ name, data: data as ColumnSource["data"] });
  switch (type) {
    case "int": {
      // plain INT32/INT64: hyparquet-writer's INTEGER logical-type annotation is not readable by DuckDB 1.5
      const ints = integerValues(column);
      if (ints.every((v) => v === null || (v >= INT32_MIN && v <= INT32_MAX))) {
        return {
          element: {
            name,
            type: "INT32",
            repetition_type,
          },
          source: source(ints),
        };
      }
      return {
        element: {
          name,
          type: "INT64",
          repetition_type,
        },
        source: source(ints.map((v) => (v === null ? null : BigInt(v)))),
      };
    }
    case "float": {
      const data = column.nullable
        ? floatValues(column)
        : Float64Array.from(values as ArrayLike<number>, Number);
      return { element: { name, type: "DOUBLE", repetition_type }, source: source(data) };
    }
    case "string":
      return {
        element: {
          name,
          type: "BYTE_ARRAY",
          converted_type: "UTF8",
          logical_type: { type: "STRING" },
          repetition_type,
        },
        source: source(Array.from(values)),
      };
    case "boolean":
      return { element: { name, type: "BOOLEAN", repetition_type }, source: source(Array.from(values)) };
    case "timestamp":
      // A time stamp without a zone (isAdjustedToUTC false): the UTC wall-clock value is stored as is, and
      // readers (hyparquet, DuckDB, pandas, Spark) show the same wall-clock time.
      return {
        element: {
          name,
          type: "INT64",
          repetition_type,
          logical_type: { type: "TIMESTAMP", isAdjustedToUTC: false, unit: "MILLIS" },
        },
        source: source(epochMillisValues(column)),
      };
    case "date":
      return {
        element: {
          name,
          type: "INT32",
          converted_type: "DATE",
          logical_type: { type: "DATE" },
          repetition_type,
        },
        source: source(
          epochMillisValues(column).map((ms) => (ms === null ? null : Math.floor(ms / MS_PER_DAY))),
        ),
      };
  }
}

/**
 * Write a table as one Parquet file (Snappy), each type as itself (see `writeColumns` for how a column's type is
 * found): ints as INT32 (INT64 beyond its range), floats as DOUBLE, strings as STRING, booleans as BOOLEAN,
 * time stamps as TIMESTAMP(MILLIS) without a zone, dates as DATE; a column with nulls is OPTIONAL.
 * `rowGroupRows` rows per row group (default: hyparquet-writer's 1,000 then 100,000).
 * @example writeParquetFile(trips, "out/trips.parquet", schemaFromRowSchema(TripRow))
 */
export function writeParquetFile(
  table: ColumnTable,
  path: string,
  schema?: TableSchema,
  rowGroupRows?: number,
): void {
  const columns = writeColumns(table, schema).map(parquetColumn);
  parquetWriteFile({
    filename: path,
    ...(rowGroupRows === undefined ? {} : { rowGroupSize: rowGroupRows }),
    columnData: columns.map((c) => c.source),
    schema: [{ name: "root", num_children: columns.length }, ...columns.map((c) => c.element)],
  });
}
