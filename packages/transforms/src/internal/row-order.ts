import type { ColumnValues } from "./columns";
import { compareValues } from "./values";

/**
 * A total order on positions of `rows`: by each column in turn, ascending (see `compareValues`), then
 * by position. Two positions compare equal only when they are the same position; rows that tie on every
 * column are identical, so which of them comes first never shows in a result.
 */
export function rowComparator(
  rows: Uint32Array,
  columns: readonly ColumnValues[],
): (a: number, b: number) => number {
  return (a, b) => {
    const ra = rows[a]!;
    const rb = rows[b]!;
    for (const column of columns) {
      const order = compareValues(column[ra], column[rb]);
      if (order !== 0) return order;
    }
    return a - b;
  };
}
