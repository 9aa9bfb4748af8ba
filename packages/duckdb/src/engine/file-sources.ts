import { type RowSchema, schemaFromRowSchema, type TableSchema } from "@tablepipe/core";
import type { ZonedTimestamps } from "@tablepipe/io";
import { type ColumnType, castColumn, columnTypesOf } from "./column-types";
import type { DuckDbFilesSource } from "./files-source";
import { duckdbCsvFiles } from "./read-files";
import { quote, sqlString } from "./sql-text";
import { type ZonedCheck, zonedOption } from "./zoned-columns";

/** Options of {@link parquetFile} and {@link duckdbTable}. */
export interface DuckDbFileOptions {
  /**
   * Time stamps with a zone (instants: a Parquet TIMESTAMP adjusted to UTC, INT96, a TIMESTAMPTZ column) in a
   * `z.date()` column: `"error"` (default) refuses the column before any row is read, as readTable does; `"utc"`
   * reads each instant as its UTC wall-clock time.
   */
  readonly zonedTimestamps?: ZonedTimestamps;
}

/** A Parquet file, or a table of the database, that DuckDB reads itself with the schema's column types. */
export interface DuckDbFileSource {
  readonly format: "parquet" | "table";
  /** The file, or the table's name. */
  readonly path: string;
  /** The columns, in order, with their types. */
  readonly columns: readonly (readonly [name: string, type: ColumnType])[];
  /** The column types the row schema declares: the run checks the steps against them before anything is read. */
  readonly schema?: TableSchema;
  /** The `SELECT` that reads it with those types. */
  readonly sql: string;
  /** Its zoned time stamps, checked before the `SELECT` runs. */
  readonly zoned?: ZonedCheck;
}

function schemaColumns(schema: RowSchema): [string, ColumnType][] {
  return Object.entries(columnTypesOf(schema));
}

/** The zoned-time-stamp check of a Parquet file or a table read by `from`, with these columns. */
function zonedCheck(
  format: ZonedCheck["format"],
  path: string,
  from: string,
  columns: readonly [string, ColumnType][],
  options: DuckDbFileOptions,
  label: string,
): ZonedCheck {
  const timestamps = columns.filter(([, type]) => type === "timestamp").map(([name]) => name);
  return { format, path, from, timestamps, zonedTimestamps: zonedOption(options, label) };
}

/**
 * A CSV file (or folder, glob, list) read by DuckDB with readTable's rules: the same as
 * {@link duckdbCsvFiles} without options. (DuckDB's own typed CSV read would round `3.5` in an integer column
 * and drop a time stamp's zone without a word.)
 * @example csvFile("data/taxi_trip_data.csv", taxiTripSchema)
 */
export function csvFile(path: string, schema: RowSchema): DuckDbFilesSource {
  return duckdbCsvFiles(path, schema);
}

/**
 * A Parquet file read by DuckDB, each schema column cast to its type. A `z.date()` column of time stamps with a
 * zone (a TIMESTAMP adjusted to UTC, INT96) is refused, unless `zonedTimestamps: "utc"` reads each as its UTC
 * wall-clock time (the session zone is UTC).
 * @example parquetFile("data/trips.parquet", taxiTripSchema)
 */
export function parquetFile(
  path: string,
  schema: RowSchema,
  options: DuckDbFileOptions = {},
): DuckDbFileSource {
  const columns = schemaColumns(schema);
  const from = `read_parquet(${sqlString(path)})`;
  const list = columns.map(([name, type]) => `${castColumn(name, type)} AS ${quote(name)}`);
  return {
    format: "parquet",
    path,
    columns,
    schema: schemaFromRowSchema(schema),
    sql: `SELECT ${list.join(", ")} FROM ${from}`,
    zoned: zonedCheck("parquet", path, from, columns, options, "parquetFile"),
  };
}

/**
 * A table already in the database the pipe runs in (`runOnDuckDb(p, { database, source: duckdbTable(...) })`),
 * each schema column cast to its type; its rows in the table's own order: its scan's, which DuckDB keeps for a
 * single table (not `ORDER BY rowid`: a column of the table named rowid would hide the pseudo-column). A
 * TIMESTAMP WITH TIME ZONE column read as `z.date()` is refused, unless `zonedTimestamps: "utc"` reads each
 * instant as its UTC wall-clock time.
 * @example duckdbTable("trips", taxiTripSchema)
 */
export function duckdbTable(
  name: string,
  schema: RowSchema,
  options: DuckDbFileOptions = {},
): DuckDbFileSource {
  const columns = schemaColumns(schema);
  const list = columns.map(([column, type]) => `${castColumn(column, type)} AS ${quote(column)}`);
  return {
    format: "table",
    path: name,
    columns,
    schema: schemaFromRowSchema(schema),
    sql: `SELECT ${list.join(", ")} FROM ${quote(name)}`,
    zoned: zonedCheck("table", name, quote(name), columns, options, "duckdbTable"),
  };
}
