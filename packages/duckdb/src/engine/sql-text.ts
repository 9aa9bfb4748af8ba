import { SQL_DIALECTS } from "@tablepipe/core";

/** A DuckDB identifier, quoted: `"pickup zone"`. */
export const quote = SQL_DIALECTS.duckdb.quoteIdentifier;

/**
 * A DuckDB string literal: `'it''s'`.
 * @example sqlString("data/trips.csv") // "'data/trips.csv'"
 */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
