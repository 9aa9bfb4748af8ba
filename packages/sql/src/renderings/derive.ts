import type { ExprNode } from "@tablepipe/core";
import { selectWithColumns } from "../select-list";
import type { BuiltInRendering } from "../step-rendering";

/** `derive`: each new (or overwritten) column computed from the input's columns. */
export const renderDerive: BuiltInRendering = (params, c) => {
  const expressions = params.columns as Readonly<Record<string, ExprNode>>;
  const computed = Object.fromEntries(
    Object.entries(expressions).map(([name, expr]) => [name, c.expr(expr)]),
  );
  const { list, columns } = selectWithColumns(c, computed);
  return { sql: `SELECT ${list} FROM ${c.input}`, columns };
};
