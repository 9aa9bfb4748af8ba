import { writeFile } from "node:fs/promises";
import type { TableSchema } from "@tablepipe/core";
import {
  bool,
  type DataType,
  dateDay,
  field,
  float64,
  int32,
  int64,
  TimeUnit,
  tableFromArrays,
  tableToIPC,
  timestamp,
  utf8,
} from "@uwdata/flechette";
import type { ColumnTable } from "arquero";
import {
  epochMillisValues,
  floatValues,
  integerValues,
  type WriteColumn,
  writeColumns,
} from "../write/column-types";

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** The Arrow type and the values to write for one column. */
function arrowColumn(column: WriteColumn): { type: DataType; values: ArrayLike<unknown> } {
  switch (column.type) {
    case "int": {
      const ints = integerValues(column);
      const small = ints.every((v) => v === null || (v >= INT32_MIN && v <= INT32_MAX));
      return small
        ? { type: int32(), values: ints }
        : { type: int64(), values: ints.map((v) => (v === null ? null : BigInt(v))) };
    }
    case "float":
      return {
        type: float64(),
        values: floatValues(column),
      };
    case "string":
      return { type: utf8(), values: Array.from(column.values) };
    case "boolean":
      return { type: bool(), values: Array.from(column.values) };
    case "timestamp":
      return { type: timestamp(TimeUnit.MILLISECOND), values: epochMillisValues(column) };
    case "date":
      return { type: dateDay(), values: epochMillisValues(column) };
  }
}

/**
 * Write a table as one Arrow IPC file (flechette), each type as itself: ints as int32 (int64 beyond its
 * range), floats as float64, strings as utf8, booleans as bool, time stamps as timestamp[ms] without a zone,
 * dates as date32[day].
 * @example await writeArrowFile(trips, "out/trips.arrow")
 */
export async function writeArrowFile(table: ColumnTable, path: string, schema?: TableSchema): Promise<void> {
  const columns = writeColumns(table, schema);
  const data: Record<string, ArrayLike<unknown>> = {};
  const types: Record<string, DataType> = {};
  for (const column of columns) {
    const { type, values } = arrowColumn(column);
    data[column.name] = values;
    types[column.name] = type;
  }
  const arrow = tableFromArrays(data as Parameters<typeof tableFromArrays>[0], { types });
  // flechette marks every field nullable: say which are not, so a reader sees the table's own nullability
  const nullable = new Map(columns.map((column) => [column.name, column.nullable]));
  const fields = arrow.schema.fields.map((f) =>
    field(f.name, f.type, nullable.get(f.name) ?? true, f.metadata),
  );
  (arrow.schema as { fields: typeof fields }).fields = fields;
  const ipc = tableToIPC(arrow, { format: "file" });
  if (ipc === null) throw new Error("flechette wrote no bytes");
  await writeFile(path, ipc);
}
