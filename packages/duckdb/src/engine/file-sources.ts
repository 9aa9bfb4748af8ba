import { type RowSchema, SQL_DIALECTS } from "@tablepipe/core";
import { type ColumnType, columnTypesOf, DUCKDB_TYPES } from "./column-types";

const quote = SQL_DIALECTS.duckdb.quoteIdentifier;
const text = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/** A file DuckDB reads itself, with the schema's column types. */
export interface DuckDbFileSource {
  readonly format: "csv" | "parquet";
  readonly path: string;
  /** The columns, in order, with their types. */
  readonly columns: readonly (readonly [name: string, type: ColumnType])[];
  /** The `SELECT` that reads it with those types. */
  readonly sql: string;
}

function schemaColumns(schema: RowSchema): [string, ColumnType][] {
  return Object.entries(columnTypesOf(schema));
}

/**
 * A CSV file with a header row, read by DuckDB with the schema's types (no type detection): time stamps
 * as zone-less TIMESTAMPs (`2018-02-04 18:00:00`), an empty cell as null.
 * @example csvFile("data/taxi_trip_data.csv", taxiTripSchema)
 */
export function csvFile(path: string, schema: RowSchema): DuckDbFileSource {
  const columns = schemaColumns(schema);
  const struct = columns.map(([name, type]) => `${text(name)}: ${text(DUCKDB_TYPES[type])}`).join(", ");
  const sql = `SELECT * FROM read_csv(${text(path)}, header = true, auto_detect = false, columns = {${struct}})`;
  return { format: "csv", path, columns, sql };
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
    sql: `SELECT ${list.join(", ")} FROM read_parquet(${text(path)})`,
  };
}
