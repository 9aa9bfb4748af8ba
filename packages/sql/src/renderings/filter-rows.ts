import type { ExprNode } from "@tablepipe/core";
import type { BuiltInRendering } from "../step-rendering";
import { castGuard, exprCastChecks } from "./cast-checks";
import { castFailureProbe } from "./cast-failure-probe";
import { inProcessKind } from "./expr-kinds";

/**
 * `filter({ where })`: `WHERE` the condition is true (false and null drop the row). Declines (the step runs in
 * process, with its error) when the in-process check refuses the condition on the known column types, it gives
 * numbers or strings, not a condition, or it casts a string to a time stamp. A cast that can fail (of a string
 * to a number or a boolean, of a float to `int`) is checked on every row first, as in process evaluates it on every row (SQL's `AND` and `CASE` would skip
 * some), and fails with the in-process error naming its row (the failure probe).
 */
export const renderFilter: BuiltInRendering = (params, c, known) => {
  const where = params.where as ExprNode;
  const kind = inProcessKind(where, known.types);
  if (kind !== "boolean" && kind !== "null") return undefined;
  const checks = exprCastChecks(c, "filter", where, known.types);
  if (checks === undefined) return undefined;
  const condition = checks.length === 0 ? c.expr(where) : castGuard(c, checks, c.expr(where));
  const probe = castFailureProbe(c, checks);
  return {
    sql: `SELECT * FROM ${c.input} WHERE ${condition}`,
    columns: c.columns,
    types: known.types,
    ...(probe === undefined ? {} : { failureProbe: probe }),
  };
};
