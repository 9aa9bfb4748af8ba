import { stringsParam } from "../param-values";
import { keepingColumns } from "../step-rendering";

/** `dropMissing`: every listed column `IS NOT NULL` (NaN is loaded as NULL). */
export const renderDropMissing = keepingColumns((params, c) => {
  const columns = [...new Set(stringsParam(params, "columns"))];
  if (columns.length === 0) return `SELECT * FROM ${c.input}`;
  return `SELECT * FROM ${c.input} WHERE ${columns.map((name) => `${c.quote(name)} IS NOT NULL`).join(" AND ")}`;
});
