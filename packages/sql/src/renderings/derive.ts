import type { ExprNode } from "@tablepipe/core";
import { exprType } from "../expr-type";
import { type BuiltInRendering, typesOf } from "../step-rendering";
import { exprsCastChecks } from "./cast-checks";
import { inProcessKind } from "./expr-kinds";
import { guardedSelect } from "./guarded-select";

/**
 * `derive`: each new (or overwritten) column computed from the input's columns; declines (the step runs in
 * process, with its error) when the in-process check refuses an expression on the known column types, or it
 * casts a string to a time stamp. A cast that can fail (of a string to a number or a boolean, of a float to
 * `int`) is checked by the step's `WHERE` on every row, as in process, whether a later step reads the column or
 * not, and fails with the in-process error naming its row (the failure probe); without one there is no `WHERE`.
 */
export const renderDerive: BuiltInRendering = (params, c, known) => {
  const expressions = params.columns as Readonly<Record<string, ExprNode>>;
  if (Object.values(expressions).some((expr) => inProcessKind(expr, known.types) === undefined)) {
    return undefined;
  }
  const checks = exprsCastChecks(
    c,
    Object.entries(expressions).map(([name, expr]) => [`derive: column "${name}"`, expr] as const),
    known.types,
  );
  if (checks === undefined) return undefined;
  const computed = Object.fromEntries(
    Object.entries(expressions).map(([name, expr]) => [name, c.expr(expr)]),
  );
  const added = Object.fromEntries(
    Object.entries(expressions).map(([name, expr]) => [name, exprType(expr, known.types)]),
  );
  const step = guardedSelect(c, computed, checks);
  return { ...step, types: typesOf(known.types, step.columns, added) };
};
