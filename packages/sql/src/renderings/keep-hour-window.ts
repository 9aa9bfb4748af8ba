import { numberParam, stringParam } from "../param-values";
import { keepingColumns } from "../step-rendering";

/** `keepHourWindow`: the hour of day within from..to, both inclusive; wraps midnight when from > to. */
export const renderKeepHourWindow = keepingColumns((params, c) => {
  const hour = c.expr({
    kind: "unary",
    op: "hour",
    arg: { kind: "column", name: stringParam(params, "column") },
  });
  const from = numberParam(params, "from");
  const to = numberParam(params, "to");
  const window =
    from <= to ? `${hour} BETWEEN ${from} AND ${to}` : `(${hour} >= ${from} OR ${hour} <= ${to})`;
  return `SELECT * FROM ${c.input} WHERE ${window}`;
});
