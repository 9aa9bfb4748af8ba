import type { SqlStepContext } from "@tablepipe/core";
import { RANK_COLUMN } from "../row-order";
import type { RowOrderUse } from "../row-order-use";
import { columnList, orderTerms } from "../select-list";
import type { KnownTypes } from "../step-rendering";

/** How to rank the rows of a group: partition terms (SQL), order keys, and the columns left out of the tie-break. */
export interface FirstNQuery {
  /** The partition terms, SQL: columns as `sortKey`s. */
  readonly partition: readonly string[];
  readonly order: readonly { readonly column: string; readonly descending?: boolean }[];
  readonly skipInTieBreak: readonly string[];
  readonly n: number;
}

/**
 * A first-N's use of row order: its ties are broken by every column (the partition's own and the order keys
 * aside), so which rows it keeps does not depend on their order, only which of two equal rows does.
 */
export function firstNRowOrder(): RowOrderUse {
  return "multiset";
}

/**
 * The largest `n` the candidate filter is used for: DuckDB keeps the `n` best values of every partition while
 * it aggregates, so a huge `n` would hold that much per partition (and filter out nothing).
 */
const MAX_FILTERED_N = 1000;

/**
 * The first `n` rows per group, as the in-process `keepFirstN`: `row_number()` over the order keys, ties
 * broken by every other column ascending (nulls first), then by input position; survivors keep their order.
 * On DuckDB only the candidates are ranked (see {@link candidateRows}).
 */
export function firstNPerPartition(c: SqlStepContext, query: FirstNQuery, types: KnownTypes): string {
  const skip = new Set(query.skipInTieBreak);
  const tieBreak = c.columns.filter((name) => !skip.has(name)).map((column) => ({ column }));
  const order = [...orderTerms(c, [...query.order, ...tieBreak], types), c.rowOrder].join(", ");
  const partition = query.partition.length > 0 ? `PARTITION BY ${query.partition.join(", ")} ` : "";
  const ranked = `SELECT *, row_number() OVER (${partition}ORDER BY ${order}) AS ${c.quote(RANK_COLUMN)} FROM ${candidateRows(c, query)}`;
  return `SELECT ${columnList(c, c.columns)}, ${c.rowOrder} FROM (${ranked}) WHERE ${c.quote(RANK_COLUMN)} <= ${query.n}`;
}

/**
 * The input rows that may rank among the first `n` of their partition, for DuckDB: those whose first order
 * key is missing or no worse than the partition's `n`-th best value of it (every partition with fewer than
 * `n` values keeps all its rows). A row ranked `n` or better has fewer than `n` rows strictly before it, so
 * none is dropped; the window then sorts the candidates only, not every row (at 3.4M rows and `n` 3, DuckDB
 * spent 5.4 s of CPU in the window over all rows). The partition's best values come from one hash
 * aggregation (`min(x, n)`). Other dialects (Spark has no such aggregate), no order key or a large `n`: the
 * input as it is.
 */
function candidateRows(c: SqlStepContext, query: FirstNQuery): string {
  const first = query.order[0];
  if (c.dialect !== "duckdb" || first === undefined || query.n > MAX_FILTERED_N) return c.input;
  const keyed = c.quote("__tablepipe_keyed");
  const parts = query.partition.map((_, i) => c.quote(`__tablepipe_p${i}`));
  const bound = c.quote("__tablepipe_bound");
  const key = c.quote(first.column);
  const best = first.descending === true ? "max" : "min";
  const worse = first.descending === true ? ">=" : "<=";
  const keyedSql = `SELECT *${query.partition.map((term, i) => `, ${term} AS ${parts[i]}`).join("")} FROM ${c.input}`;
  const bounds = `SELECT ${[...parts, `list_extract(${best}(${key}, ${query.n}), ${query.n}) AS ${bound}`].join(", ")} FROM ${keyed}${parts.length > 0 ? ` GROUP BY ${parts.join(", ")}` : ""}`;
  const on = parts.map((p) => `"i".${p} IS NOT DISTINCT FROM "b".${p}`).join(" AND ");
  const kept = [...c.columns.map((name) => `"i".${c.quote(name)}`), `"i".${c.rowOrder}`].join(", ");
  const joined = parts.length > 0 ? `JOIN (${bounds}) AS "b" ON ${on}` : `CROSS JOIN (${bounds}) AS "b"`;
  return `(WITH ${keyed} AS MATERIALIZED (${keyedSql}) SELECT ${kept} FROM ${keyed} AS "i" ${joined} WHERE ("i".${key} ${worse} "b".${bound}) IS NOT FALSE)`;
}
