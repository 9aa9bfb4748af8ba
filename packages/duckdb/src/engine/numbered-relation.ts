import { SQL_DIALECTS } from "@tablepipe/core";
import { ROW_ORDER_COLUMN } from "@tablepipe/sql";

const quote = SQL_DIALECTS.duckdb.quoteIdentifier;

/** True when one of a table's `columns` is named `rowid` (in any case) and so hides DuckDB's rowid pseudo-column. */
export function hidesRowid(columns: readonly string[]): boolean {
  return columns.some((name) => name.toLowerCase() === "rowid");
}

/**
 * The position of a row of a DuckDB table holding `columns`, read in a `SELECT` over that table alone: its
 * `rowid`, or, when a column named rowid hides it, `row_number() OVER () - 1`, which numbers a single table's
 * scan in insertion order (DuckDB's order preservation; it runs on one core).
 */
export function rowPositionSql(columns: readonly string[]): string {
  return hidesRowid(columns) ? "(row_number() OVER () - 1)" : "rowid";
}

/** A loaded DuckDB table (holding `columns`) with the row-order column: the order its rows were inserted in. */
export function numberRowsByRowid(relation: string, columns: readonly string[]): string {
  return `SELECT *, ${rowPositionSql(columns)} AS ${quote(ROW_ORDER_COLUMN)} FROM ${quote(relation)}`;
}
