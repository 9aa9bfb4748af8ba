import type { LiteralValue } from "@tablepipe/core";
import { stringParam } from "../param-values";
import { selectWithColumns } from "../select-list";
import type { BuiltInRendering } from "../step-rendering";

/** `encodeFlag`: 1 where the column equals the value, else 0 (a null is 0). */
export const renderEncodeFlag: BuiltInRendering = (params, c) => {
  const value = c.expr({ kind: "literal", value: params.value as LiteralValue });
  const flag = `CAST(CASE WHEN ${c.quote(stringParam(params, "column"))} = ${value} THEN 1 ELSE 0 END AS INTEGER)`;
  const { list, columns } = selectWithColumns(c, { [stringParam(params, "output")]: flag });
  return { sql: `SELECT ${list} FROM ${c.input}`, columns };
};
