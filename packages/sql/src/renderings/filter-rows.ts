import { keepingColumns } from "../step-rendering";

/** `filter({ where })`: `WHERE` the condition is true (false and null drop the row). */
export const renderFilter = keepingColumns(
  (params, c) => `SELECT * FROM ${c.input} WHERE ${c.expr(params.where as Parameters<typeof c.expr>[0])}`,
);
