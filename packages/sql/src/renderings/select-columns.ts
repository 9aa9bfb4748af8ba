import { stringsParam } from "../param-values";
import { columnList } from "../select-list";
import type { BuiltInRendering } from "../step-rendering";

/** `select`: only the listed columns, in the listed order (a name listed twice once). */
export const renderSelect: BuiltInRendering = (params, c) => {
  const columns = [...new Set(stringsParam(params, "columns"))];
  return { sql: `SELECT ${columnList(c, columns)}, ${c.rowOrder} FROM ${c.input}`, columns };
};
