import type { ColumnType } from "@tablepipe/sql";
import { flooredStampOfAnyType } from "./floored-stamps";
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
 * value (a DOUBLE of a table or file may hold NaN, which DuckDB would count, sum and keep as a value); a
 * `timestamp` column floored to the millisecond, as every reader reads a finer one (DuckDB writes microseconds).
 */
export function castColumn(name: string, type: ColumnType): string {
  if (type === "timestamp") return flooredStampOfAnyType(quote(name));
  const cast = `CAST(${quote(name)} AS ${DUCKDB_TYPES[type]})`;
  return type === "float" ? `NULLIF(${cast}, CAST('NaN' AS DOUBLE))` : cast;
}
