import { type RowSchema, schemaFromRowSchema, type TableSchema } from "@tablepipe/core";
import { type ColumnType, columnTypesOf, DUCKDB_TYPES } from "./column-types";
import type { DuckDbFilesSource } from "./files-source";
import { duckdbCsvFiles } from "./read-files";
import { quote, sqlString } from "./sql-text";

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
}

function schemaColumns(schema: RowSchema): [string, ColumnType][] {
  return Object.entries(columnTypesOf(schema));
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
 * A Parquet file read by DuckDB, each schema column cast to its type (a zone-adjusted Parquet time stamp
 * becomes its UTC wall-clock time: the session zone is UTC).
 * @example parquetFile("data/trips.parquet", taxiTripSchema)
 */
export function parquetFile(path: string, schema: RowSchema): DuckDbFileSource {
  const columns = schemaColumns(schema);
  const list = columns.map(
    ([name, type]) => `CAST(${quote(name)} AS ${DUCKDB_TYPES[type]}) AS ${quote(name)}`,
  );
  return {
    format: "parquet",
    path,
    columns,
    schema: schemaFromRowSchema(schema),
    sql: `SELECT ${list.join(", ")} FROM read_parquet(${sqlString(path)})`,
  };
}

/**
 * A table already in the database the pipe runs in (`runOnDuckDb(p, { database, source: duckdbTable(...) })`),
 * each schema column cast to its type; its rows in the table's own order: its scan's, which DuckDB keeps for a
 * single table (not `ORDER BY rowid`: a column of the table named rowid would hide the pseudo-column).
 * @example duckdbTable("trips", taxiTripSchema)
 */
export function duckdbTable(name: string, schema: RowSchema): DuckDbFileSource {
  const columns = schemaColumns(schema);
  const list = columns.map(
    ([column, type]) => `CAST(${quote(column)} AS ${DUCKDB_TYPES[type]}) AS ${quote(column)}`,
  );
  return {
    format: "table",
    path: name,
    columns,
    schema: schemaFromRowSchema(schema),
    sql: `SELECT ${list.join(", ")} FROM ${quote(name)}`,
  };
}
