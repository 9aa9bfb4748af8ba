/** Windows over the whole group of a row, for the sums in row order of `aggregate` (`OrderedSums`, `OrderedStddevs`). */
import { SQL_DIALECTS, type SqlStepContext } from "@tablepipe/core";
import { columnList } from "../select-list";

/** `PARTITION BY <keys> ` (with its trailing space), or nothing for one group over the input. */
export function groupPartition(c: SqlStepContext, keys: readonly string[]): string {
  return keys.length > 0 ? `PARTITION BY ${columnList(c, keys)} ` : "";
}

/** A window over the whole group of the row (`keys`) in row order, which a sum adds one row after another. */
export function groupFrame(c: SqlStepContext, keys: readonly string[]): string {
  return `OVER (${groupPartition(c, keys)}ORDER BY ${c.rowOrder} ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)`;
}

/**
 * On every row, the sum of the SQL expression `numbers` over the row's group (`keys`), added one by one in row
 * order as in process (`SqlDialect.orderedSum`): DuckDB's ordered aggregate as a window, Spark's window frame.
 */
export function groupSumOnRows(c: SqlStepContext, keys: readonly string[], numbers: string): string {
  return SQL_DIALECTS[c.dialect].orderedSum === "aggregate"
    ? `sum(${numbers} ORDER BY ${c.rowOrder}) OVER (${groupPartition(c, keys).trimEnd()})`
    : `sum(${numbers}) ${groupFrame(c, keys)}`;
}

/** On every row, an aggregate `fn` (`max`, `count`: any order gives it) of `of` over the row's group (`keys`). */
export function groupAggregateOnRows(
  c: SqlStepContext,
  keys: readonly string[],
  fn: string,
  of: string,
): string {
  // the frame of the sums: Spark computes the windows of one frame together
  return SQL_DIALECTS[c.dialect].orderedSum === "aggregate"
    ? `${fn}(${of}) OVER (${groupPartition(c, keys).trimEnd()})`
    : `${fn}(${of}) ${groupFrame(c, keys)}`;
}
