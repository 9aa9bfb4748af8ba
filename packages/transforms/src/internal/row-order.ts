import { compareValues } from "@tablepipe/core/internal";
import type { ColumnValues } from "./columns";

/**
 * A total order on positions of `rows`: by each column in turn, ascending (see `compareValues`: the missing
 * values null, undefined, NaN are equal, and first) or, where `descending[i]` is true, descending (the exact
 * reverse: missing values last), then by position. Two positions compare equal only when they are the same
 * position; rows equal in every column keep their order, as on the SQL engines (which order by position last).
 */
export function rowComparator(
  rows: Uint32Array,
  columns: readonly ColumnValues[],
  descending: readonly boolean[] = [],
): (a: number, b: number) => number {
  const signs = columns.map((_, i) => (descending[i] === true ? -1 : 1));
  // the leading number columns (time stamps, ids) are compared inline; the rest only on a tie
  const lead = leadingNumberColumns(columns);
  const rest = columns.slice(lead.length);
  return (a, b) => {
    const ra = rows[a]!;
    const rb = rows[b]!;
    for (let c = 0; c < lead.length; ++c) {
      const column = lead[c]!;
      const order = compareNumbers(column[ra]!, column[rb]!);
      if (order !== 0) return order * signs[c]!;
    }
    for (let c = 0; c < rest.length; ++c) {
      const column = rest[c]!;
      const order = compareValues(column[ra], column[rb]);
      if (order !== 0) return order * signs[lead.length + c]!;
    }
    return a - b;
  };
}

/** The columns before the first that is not a `Float64Array`. */
function leadingNumberColumns(columns: readonly ColumnValues[]): Float64Array[] {
  const lead: Float64Array[] = [];
  for (const column of columns) {
    if (!(column instanceof Float64Array)) break;
    lead.push(column);
  }
  return lead;
}

/** `compareValues` on two numbers: NaN (missing) first, -0 equal to 0. */
function compareNumbers(x: number, y: number): number {
  if (x < y) return -1;
  if (x > y) return 1;
  if (x === y) return 0;
  const missingX = Number.isNaN(x);
  return missingX === Number.isNaN(y) ? 0 : missingX ? -1 : 1;
}
