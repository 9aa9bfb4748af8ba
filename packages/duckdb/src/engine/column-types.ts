import type { ColumnType } from "@tablepipe/sql";
import { quote } from "./sql-text";

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

/**
 * A source column cast to its type (SQL's cast); a `float` column's NaN as null, as in process NaN is a missing
 * value (a DOUBLE of a table or file may hold NaN, which DuckDB would count, sum and keep as a value).
 */
export function castColumn(name: string, type: ColumnType): string {
  const cast = `CAST(${quote(name)} AS ${DUCKDB_TYPES[type]})`;
  return type === "float" ? `NULLIF(${cast}, CAST('NaN' AS DOUBLE))` : cast;
}
