import type { ExprNode } from "@tablepipe/core";
import { exprType } from "../expr-type";
import { selectWithColumns } from "../select-list";
import { type BuiltInRendering, typesOf } from "../step-rendering";
import { inProcessKind } from "./expr-kinds";

/**
 * `derive`: each new (or overwritten) column computed from the input's columns; declines (the step runs in
 * process, with its error) when the in-process check refuses an expression on the known column types.
 */
export const renderDerive: BuiltInRendering = (params, c, known) => {
  const expressions = params.columns as Readonly<Record<string, ExprNode>>;
  if (Object.values(expressions).some((expr) => inProcessKind(expr, known.types) === undefined)) {
    return undefined;
  }
  const computed = Object.fromEntries(
    Object.entries(expressions).map(([name, expr]) => [name, c.expr(expr)]),
  );
  const { list, columns } = selectWithColumns(c, computed);
  const added = Object.fromEntries(
    Object.entries(expressions).map(([name, expr]) => [name, exprType(expr, known.types)]),
  );
  return { sql: `SELECT ${list} FROM ${c.input}`, columns, types: typesOf(known.types, columns, added) };
};
