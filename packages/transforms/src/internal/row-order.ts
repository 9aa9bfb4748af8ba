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
  const first = columns[0];
  if (first instanceof Float64Array) {
    // The usual case (a time stamp first): numbers compared inline, the rest only on a tie.
    const rest = columns.slice(1);
    return (a, b) => {
      const ra = rows[a]!;
      const rb = rows[b]!;
      const x = first[ra]!;
      const y = first[rb]!;
      if (x < y) return -1;
      if (x > y) return 1;
      if (x !== y) {
        const order = compareValues(x, y); // a NaN: missing values first
        if (order !== 0) return order;
      }
      for (const column of rest) {
        const order = compareValues(column[ra], column[rb]);
        if (order !== 0) return order;
      }
      return a - b;
    };
  }
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
