import type { SqlStepContext } from "@tablepipe/core";
import { groupKeyList } from "../group-key";
import { stringsParam } from "../param-values";
import { RANK_COLUMN } from "../row-order";
import type { RowOrderUse } from "../row-order-use";
import { columnList, partitionTerms } from "../select-list";
import { keepingColumns } from "../step-rendering";

/**
 * `dropDuplicates`: on every column, one row per distinct row at its first position (`GROUP BY` treats nulls
 * as equal, as the in-process dedupe does); on a subset, the first row of each subset value.
 */
export const renderDropDuplicates = keepingColumns((params, c, known) => {
  const subset = [...new Set(stringsParam(params, "subset"))];
  if (subset.length === 0) {
    const all = columnList(c, c.columns);
    const keys = groupKeyList(c, c.columns, known.types);
    return `SELECT ${keys}, min(${c.rowOrder}) AS ${c.rowOrder} FROM ${c.input} GROUP BY ${all}`;
  }
  const ranked = `SELECT *, row_number() OVER (PARTITION BY ${partitionTerms(c, subset, known.types)} ORDER BY ${c.rowOrder}) AS ${c.quote(RANK_COLUMN)} FROM ${c.input}`;
  return `SELECT ${columnList(c, c.columns)}, ${c.rowOrder} FROM (${ranked}) WHERE ${c.quote(RANK_COLUMN)} = 1`;
}, dedupeRowOrder);

/**
 * On every column (no subset, or one naming them all), the distinct rows whatever their order; on fewer, the
 * first row of each subset value, which depends on it.
 */
function dedupeRowOrder(
  params: Readonly<Record<string, unknown>>,
  c: SqlStepContext,
): RowOrderUse | undefined {
  const subset = new Set(stringsParam(params, "subset"));
  return c.columns.every((name) => subset.has(name)) || subset.size === 0 ? "multiset" : undefined;
}
