import type { ExprNode } from "@tablepipe/core";
import { stringParam } from "../param-values";
import { selectWithColumns } from "../select-list";
import type { BuiltInRendering } from "../step-rendering";

/** `addDateParts`: month (1-12), day of week (1 = Sunday) and day of month, as integers. */
export const renderAddDateParts: BuiltInRendering = (params, c) => {
  const arg: ExprNode = { kind: "column", name: stringParam(params, "column") };
  const part = (op: "month" | "dayOfWeek" | "day"): string =>
    `CAST(${c.expr({ kind: "unary", op, arg })} AS INTEGER)`;
  const { list, columns } = selectWithColumns(c, {
    [stringParam(params, "month")]: part("month"),
    [stringParam(params, "dayOfWeek")]: part("dayOfWeek"),
    [stringParam(params, "dayOfMonth")]: part("day"),
  });
  return { sql: `SELECT ${list} FROM ${c.input}`, columns };
};
