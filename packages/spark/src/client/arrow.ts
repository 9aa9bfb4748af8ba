import { columnArray, isMissing, type TableSchema } from "@tablepipe/core";
import { attachSchema } from "@tablepipe/core/internal";
import { arrowColumnValues } from "@tablepipe/io/internal";
import type { ColumnType } from "@tablepipe/sql";
import {
  bool,
  type Column,
  columnFromArray,
  float64,
  int64,
  Type,
  tableFromColumns,
  tableFromIPC,
  tableToIPC,
  utf8,
} from "@uwdata/flechette";
import { type ColumnTable, table as makeTable } from "arquero";
import { arrowLogicalType } from "./arrow-types";
import { SparkLoadError } from "./errors";
import { microsColumn, microsOf } from "./micros-column";

/** The Arrow types of the columns Arrow's builder writes (time stamps: {@link microsColumn}). */
const ARROW_TYPES = {
  int: int64(),
  float: float64(),
  string: utf8(),
  boolean: bool(),
} as const;

/** What a cell of each type must be, as the load error says it (`expected an int, got ...`). */
const EXPECTED: Readonly<Record<ColumnType, string>> = {
  int: "an int",
  float: "a float",
  string: "a string",
  boolean: "a boolean",
  timestamp: "a timestamp",
};

/** 2^63: an int is shipped as a 64-bit integer, from -2^63 to below 2^63. */
const INT64_LIMIT = 2 ** 63;

/**
 * Whether a number is one an `int` column ships: whole, as in process holds in an `int` column (past 2^53 too),
 * and within Arrow's 64-bit integer (BIGINT on Spark).
 */
function isInt64(value: number): boolean {
  return Number.isInteger(value) && value >= -INT64_LIMIT && value < INT64_LIMIT;
}

function cell(type: ColumnType, value: unknown, where: () => string): unknown {
  if (isMissing(value)) return null;
  const wrong = (): never => {
    const range = type === "int" && Number.isInteger(value) ? " from -2^63 to below 2^63" : "";
    throw new SparkLoadError(
      `${where()}: expected ${EXPECTED[type]}${range}, got ${typeof value} ${String(value)}`,
    );
  };
  switch (type) {
    case "float":
      return typeof value === "number" ? value : wrong();
    case "int":
      return typeof value === "number" && isInt64(value) ? value : wrong();
    case "string":
      return typeof value === "string" ? value : wrong();
    case "boolean":
      return typeof value === "boolean" ? value : wrong();
    case "timestamp": {
      const ms = value instanceof Date ? value.getTime() : value;
      return (typeof ms === "number" ? microsOf(ms) : undefined) ?? wrong();
    }
  }
}

/**
 * An arquero table as one Arrow IPC stream with the given column types (time stamps from epoch milliseconds
 * to zone-less microseconds, a fraction of a millisecond kept), plus `extra` columns already in Arrow's terms
 * (the row order); `firstRow` is the table's first row's number in messages.
 */
export function tableToArrow(
  table: ColumnTable,
  types: readonly ColumnType[],
  label: string,
  extra: Readonly<Record<string, BigInt64Array>> = {},
  firstRow = 0,
): Uint8Array {
  const columns: [string, Column<unknown>][] = table.columnNames().map((name, c) => {
    const type = types[c] as ColumnType;
    const values = columnArray(table, name);
    const out = new Array<unknown>(values.length);
    for (let row = 0; row < values.length; ++row) {
      out[row] = cell(type, values[row], () => `${label}: row ${firstRow + row}, column "${name}"`);
    }
    if (type === "timestamp") return [name, microsColumn(out as (bigint | null)[])];
    return [name, columnFromArray(out, ARROW_TYPES[type])];
  });
  for (const [name, values] of Object.entries(extra)) columns.push([name, columnFromArray(values, int64())]);
  return tableToIPC(tableFromColumns(columns), { format: "stream" }) as Uint8Array;
}

/**
 * The Arrow IPC streams of a result as one arquero table with the column types a table has in process:
 * numbers (64-bit integers too, past 2^53 rounded as `Number(bigint)` rounds, and decimals) as numbers, time
 * stamps as epoch milliseconds, strings, booleans, nulls as `null`; a number column without nulls as a
 * Float64Array. The table carries its schema (`schemaOf`): each column's logical type from its Arrow type
 * (a BIGINT `int`, a TIMESTAMP_NTZ `timestamp`, a DECIMAL `float`), nullable when it
 * holds a null, as DuckDB's results carry theirs (else a Spark table's ints and time stamps would be typed by
 * their numbers: floats).
 */
export function arrowToTable(batches: readonly Uint8Array[]): ColumnTable {
  // Copied (a Buffer's slice would not copy): protobuf hands out views at any offset, and Arrow reads its buffers as aligned typed arrays.
  // 64-bit integers as BigInts (flechette's numbers stop at 2^53 with an error), each then a Number rounded as
  // `Number(bigint)` rounds: the number in process holds for a sum past 2^53
  const parts = batches.map((bytes) =>
    tableFromIPC(new Uint8Array(bytes), { useBigInt: true, useDate: false }),
  );
  const names = parts[0]?.names ?? [];
  const columns: Record<string, unknown[] | Float64Array> = {};
  const schema: Record<string, TableSchema[string]> = {};
  for (const name of names) {
    const values: unknown[] = [];
    for (const part of parts) {
      // strings decoded with a leading U+FEFF kept (flechette's own decoder drops it)
      const column = arrowColumnValues(part.getChild(name));
      for (let i = 0; i < column.length; ++i) {
        const value = column[i];
        values.push(value === undefined ? null : typeof value === "bigint" ? Number(value) : value);
      }
    }
    const numeric = values.length > 0 && values.every((v) => typeof v === "number");
    columns[name] = numeric ? Float64Array.from(values as number[]) : values;
    const type = arrowLogicalType(parts[0]?.schema.fields[names.indexOf(name)]?.type.typeId ?? Type.NONE);
    if (type !== undefined) schema[name] = { type, nullable: values.includes(null) };
  }
  const table = makeTable(columns as Record<string, unknown[]>, names);
  return Object.keys(schema).length === names.length ? attachSchema(table, schema) : table;
}
