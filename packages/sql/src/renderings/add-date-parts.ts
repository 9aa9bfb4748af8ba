import type { ExprNode } from "@tablepipe/core";
import { stringParam } from "../param-values";
import { selectWithColumns } from "../select-list";
import { type BuiltInRendering, typesOf } from "../step-rendering";

/** `addDateParts`: month (1-12), day of week (1 = Sunday) and day of month, as integers. */
export const renderAddDateParts: BuiltInRendering = (params, c, known) => {
  const arg: ExprNode = { kind: "column", name: stringParam(params, "column") };
  const part = (op: "month" | "dayOfWeek" | "day"): string =>
    `CAST(${c.expr({ kind: "unary", op, arg })} AS INTEGER)`;
  const { list, columns } = selectWithColumns(c, {
    [stringParam(params, "month")]: part("month"),
    [stringParam(params, "dayOfWeek")]: part("dayOfWeek"),
    [stringParam(params, "dayOfMonth")]: part("day"),
  });
  const ints = ["month", "dayOfWeek", "dayOfMonth"].map((key) => [stringParam(params, key), "int" as const]);
  return {
    sql: `SELECT ${list} FROM ${c.input}`,
    columns,
    types: typesOf(known.types, columns, Object.fromEntries(ints)),
  };
};
