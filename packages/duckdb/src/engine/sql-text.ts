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

/**
 * Whether `expression` is one of the texts `values`, as `IN` tests it (NULL when it is NULL), but written as
 * `list_contains`: DuckDB rewrites an `IN` of five or more constants into a join, and a table created from a
 * query with a join takes its rows out of file order once the file spans several scan batches.
 * @example oneOfSql("lower(flag)", ["y", "yes"]) // "list_contains(['y', 'yes'], lower(flag))"
 */
export function oneOfSql(expression: string, values: readonly string[]): string {
  return values.length === 0 ? "NULL" : `list_contains([${values.map(sqlString).join(", ")}], ${expression})`;
}
