import type { ColumnType } from "@tablepipe/sql";

export type { ColumnType } from "@tablepipe/sql";
export { columnTypesOf } from "@tablepipe/sql";

/** The DuckDB type of each logical type. */
export const DUCKDB_TYPES: Readonly<Record<ColumnType, string>> = {
  int: "BIGINT",
  float: "DOUBLE",
  string: "VARCHAR",
  boolean: "BOOLEAN",
  timestamp: "TIMESTAMP",
};
