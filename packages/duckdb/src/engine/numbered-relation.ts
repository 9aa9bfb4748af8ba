import { SQL_DIALECTS } from "@tablepipe/core";
import { ROW_ORDER_COLUMN } from "@tablepipe/sql";

const quote = SQL_DIALECTS.duckdb.quoteIdentifier;

/** A loaded DuckDB table with the row-order column: its `rowid`, the order the rows were inserted in. */
export function numberRowsByRowid(relation: string): string {
  return `SELECT *, rowid AS ${quote(ROW_ORDER_COLUMN)} FROM ${quote(relation)}`;
}
