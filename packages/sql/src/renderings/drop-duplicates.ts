import { stringsParam } from "../param-values";
import { columnList } from "../select-list";
import { keepingColumns } from "../step-rendering";

/**
 * `dropDuplicates`: on every column, one row per distinct row at its first position (`GROUP BY` treats nulls
 * as equal, as the in-process dedupe does); on a subset, the first row of each subset value.
 */
export const renderDropDuplicates = keepingColumns((params, c) => {
  const subset = [...new Set(stringsParam(params, "subset"))];
  if (subset.length === 0) {
    const all = columnList(c, c.columns);
    return `SELECT ${all}, min(${c.rowOrder}) AS ${c.rowOrder} FROM ${c.input} GROUP BY ${all}`;
  }
  const ranked = `SELECT *, row_number() OVER (PARTITION BY ${columnList(c, subset)} ORDER BY ${c.rowOrder}) AS ${c.quote("__rank")} FROM ${c.input}`;
  return `SELECT ${columnList(c, c.columns)}, ${c.rowOrder} FROM (${ranked}) WHERE ${c.quote("__rank")} = 1`;
});
