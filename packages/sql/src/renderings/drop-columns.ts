import { stringsParam } from "../param-values";
import { columnList } from "../select-list";
import { type BuiltInRendering, typesOf } from "../step-rendering";

/** `dropColumns`: every column but the listed ones, in their order. */
export const renderDropColumns: BuiltInRendering = (params, c, known) => {
  const dropped = new Set(stringsParam(params, "columns"));
  const columns = c.columns.filter((name) => !dropped.has(name));
  return {
    sql: `SELECT ${columnList(c, columns)}, ${c.rowOrder} FROM ${c.input}`,
    columns,
    types: typesOf(known.types, columns),
  };
};
