import { type ExprNode, SQL_DIALECTS, type SqlStepContext } from "@tablepipe/core";
import { withoutNaN } from "@tablepipe/core/internal";
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

/**
 * A sum (`sum`, `mean`, a running sum) of `of` as null where it is NaN (a sum of +Infinity and -Infinity), as in
 * process NaN is a missing value: a float's or a time stamp's `NULLIF`, the DOUBLE kept; of a type the compiler
 * does not know, a test that keeps the engine's type (a DECIMAL stays one). Ints never sum to NaN.
 */
export function sumWithoutNaN(sum: string, of: ExprNode, types: KnownTypes): string {
  const type = exprType(of, types);
  if (type === "int") return sum;
  if (type === undefined) return `(CASE WHEN isnan(${sum}) THEN NULL ELSE ${sum} END)`;
  return withoutNaN(sum);
}

/**
 * `sum` of an expression as numbers ({@link numberSql}), `over` a window's `OVER (...)` or nothing: of an int,
 * the dialect's exact sum that never overflows (`SqlDialect.intSum`), as DuckDB's HUGEINT sum is; NaN null
 * ({@link sumWithoutNaN}).
 */
export function sumSql(of: ExprNode, c: SqlStepContext, types: KnownTypes, over = ""): string {
  if (exprType(of, types) === "int") return SQL_DIALECTS[c.dialect].intSum(c.expr(of), over);
  return sumWithoutNaN(`sum(${numberSql(of, c, types)})${over}`, of, types);
}
