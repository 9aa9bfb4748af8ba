import type { ExprNode } from "@tablepipe/core";
import { keepingColumns } from "../step-rendering";
import { inProcessKind } from "./expr-kinds";

/**
 * `filter({ where })`: `WHERE` the condition is true (false and null drop the row). Declines (the step runs in
 * process, with its error) when the in-process check refuses the condition on the known column types, or it
 * gives numbers or strings, not a condition.
 */
export const renderFilter = keepingColumns((params, c, known) => {
  const where = params.where as ExprNode;
  const kind = inProcessKind(where, known.types);
  if (kind !== "boolean" && kind !== "null") return undefined;
  return `SELECT * FROM ${c.input} WHERE ${c.expr(where)}`;
});
