import { SQL_DIALECTS, type SqlDialectName, type SqlStepContext, toSql } from "@tablepipe/core";
import type { LookupRelations } from "./lookup-relations";
import { ROW_ORDER_COLUMN } from "./row-order";
import type { KnownTypes } from "./step-rendering";

/**
 * The context a step's rendering gets: its input CTE and columns, and the dialect's helpers (its expressions
 * rendered knowing the input columns' `types`).
 */
export function stepContext(
  dialect: SqlDialectName,
  input: string,
  columns: readonly string[],
  lookups: LookupRelations,
  types: KnownTypes,
): SqlStepContext {
  const quote = SQL_DIALECTS[dialect].quoteIdentifier;
  return {
    dialect,
    input: quote(input),
    columns,
    rowOrder: quote(ROW_ORDER_COLUMN),
    quote,
    expr: (expr) => toSql(expr, dialect, types),
    table: (table) => quote(lookups.nameOf(table)),
  };
}
