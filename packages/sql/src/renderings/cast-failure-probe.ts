import { ExpressionError, formatExpr, type SqlStepContext } from "@tablepipe/core";
import { castFailureDetail } from "@tablepipe/core/internal";
import type { FailureProbe } from "../failure-probe";
import type { CastCheck } from "./cast-checks";

const CHECK = "__tablepipe_failed_check";
const ROW = "__tablepipe_failed_row";
const VALUE = "__tablepipe_failed_value";

/**
 * The failure probe of a step casting strings: the first check (in the order in process makes them: a
 * `castColumns` rendering's columns in the params' order, a `derive`'s casts column by column) a value fails, its
 * first such row (0-based, in row order: the row in process names) and the value, with the in-process error for
 * them (`castColumns: column "x": cast(col("x"), "float"): cannot convert "paid" to float (row 1)`). Undefined
 * when there is no check (no cast can fail).
 */
export function castFailureProbe(c: SqlStepContext, checks: readonly CastCheck[]): FailureProbe | undefined {
  if (checks.length === 0) return undefined;
  const selects = checks.map((check, i) => {
    const numbered = `SELECT row_number() OVER (ORDER BY ${c.rowOrder} ASC NULLS FIRST) - 1 AS ${c.quote(ROW)}, ${check.value} AS ${c.quote(VALUE)}, ${check.value} IS NOT NULL AND NOT (${check.converts}) AS ${c.quote("__tablepipe_fails")} FROM ${c.input}`;
    return `SELECT ${i} AS ${c.quote(CHECK)}, ${c.quote(ROW)}, ${c.quote(VALUE)} FROM (${numbered}) AS ${c.quote("__tablepipe_numbered")} WHERE ${c.quote("__tablepipe_fails")}`;
  });
  const order = `${c.quote(CHECK)}, ${c.quote(ROW)}`;
  return {
    sql: `SELECT * FROM (${selects.join(" UNION ALL ")}) AS ${c.quote("__tablepipe_failures")} ORDER BY ${order} LIMIT 1`,
    error: (row) => {
      const check = checks[Number(row[CHECK])] as CastCheck;
      const detail = castFailureDetail(String(row[VALUE]), check.cast.to, Number(row[ROW]));
      return new ExpressionError(check.where, formatExpr(check.cast), detail);
    },
  };
}
