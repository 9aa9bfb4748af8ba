import type { SqlStepContext } from "@tablepipe/core";
import { columnList, orderTerms } from "../select-list";

/** How to rank the rows of a group: partition terms (SQL), order keys, and the columns left out of the tie-break. */
export interface FirstNQuery {
  readonly partition: readonly string[];
  readonly order: readonly { readonly column: string; readonly descending?: boolean }[];
  readonly skipInTieBreak: readonly string[];
  readonly n: number;
}

/**
 * The first `n` rows per group, as the in-process `keepFirstN`: `row_number()` over the order keys, ties
 * broken by every other column ascending (nulls first), then by input position; survivors keep their order.
 */
export function firstNPerPartition(c: SqlStepContext, query: FirstNQuery): string {
  const skip = new Set(query.skipInTieBreak);
  const tieBreak = c.columns.filter((name) => !skip.has(name)).map((column) => ({ column }));
  const order = [...orderTerms(c, [...query.order, ...tieBreak]), c.rowOrder].join(", ");
  const partition = query.partition.length > 0 ? `PARTITION BY ${query.partition.join(", ")} ` : "";
  const ranked = `SELECT *, row_number() OVER (${partition}ORDER BY ${order}) AS ${c.quote("__rank")} FROM ${c.input}`;
  return `SELECT ${columnList(c, c.columns)}, ${c.rowOrder} FROM (${ranked}) WHERE ${c.quote("__rank")} <= ${query.n}`;
}
