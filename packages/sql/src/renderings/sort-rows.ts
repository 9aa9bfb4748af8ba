import { stringsParam } from "../param-values";
import { columnList, orderTerms } from "../select-list";
import type { BuiltInRendering } from "../step-rendering";

/**
 * `sortRows`: new row positions by the keys, then every other column ascending, then the old position (a sort
 * that breaks ties by every column numbers its rows by their values alone: `sorts`). As a query's last step, its
 * input's rows ordered by the same terms.
 */
export const renderSortRows: BuiltInRendering = (params, c, known) => {
  const by = [...new Set(stringsParam(params, "by"))];
  const descending = stringsParam(params, "descending");
  if (descending.some((name) => !by.includes(name))) return undefined; // the in-process step names the error
  const rest = c.columns.filter((name) => !by.includes(name)).map((column) => ({ column }));
  const keys = [...by.map((column) => ({ column, descending: descending.includes(column) })), ...rest];
  const order = [...orderTerms(c, keys, known.types), c.rowOrder].join(", ");
  const columns = columnList(c, c.columns);
  return {
    sql: `SELECT ${columns}, row_number() OVER (ORDER BY ${order}) AS ${c.rowOrder} FROM ${c.input}`,
    columns: c.columns,
    types: known.types,
    rowOrder: "sorts",
    asLast: { sql: `SELECT ${columns}, ${c.rowOrder} FROM ${c.input}`, order },
  };
};
