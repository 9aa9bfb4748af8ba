import { stringsParam } from "../param-values";
import type { RowOrderUse } from "../row-order-use";
import { columnList, orderTerms } from "../select-list";
import { keepingColumns } from "../step-rendering";

/** `sortRows`: new row positions by the keys, then every other column ascending, then the old position. */
export const renderSortRows = keepingColumns((params, c, known) => {
  const by = [...new Set(stringsParam(params, "by"))];
  const descending = stringsParam(params, "descending");
  if (descending.some((name) => !by.includes(name))) return undefined; // the in-process step names the error
  const rest = c.columns.filter((name) => !by.includes(name)).map((column) => ({ column }));
  const keys = [...by.map((column) => ({ column, descending: descending.includes(column) })), ...rest];
  const order = [...orderTerms(c, keys, known.types), c.rowOrder].join(", ");
  return `SELECT ${columnList(c, c.columns)}, row_number() OVER (ORDER BY ${order}) AS ${c.rowOrder} FROM ${c.input}`;
}, sortsByEveryColumn);

/** A sort that breaks ties by every column numbers its rows by their values alone. */
function sortsByEveryColumn(): RowOrderUse {
  return "sorts";
}
