import { type ExprNode, SQL_DIALECTS, type SqlStepContext } from "@tablepipe/core";
import { exprType } from "../expr-type";
import type { KnownTypes } from "../step-rendering";

/**
 * The SQL of an expression a sum, mean, standard deviation or running sum reads as numbers: a time stamp as its
 * epoch milliseconds (the fraction of a millisecond kept), which in process it is; any other expression as is.
 */
export function numberSql(of: ExprNode, c: SqlStepContext, types: KnownTypes): string {
  const sql = c.expr(of);
  return exprType(of, types) === "timestamp" ? SQL_DIALECTS[c.dialect].epochMillis(sql) : sql;
}
