import type { ColumnValues } from "./columns";
import { compareValues } from "./values";

/**
 * A total order on positions of `rows`: by each column in turn, ascending (see `compareValues`) or, where
 * `descending[i]` is true, descending (the exact reverse: missing values last), then by position. Two
 * positions compare equal only when they are the same position; rows that tie on every column are
 * identical, so which of them comes first never shows in a result.
 */
export function rowComparator(
  rows: Uint32Array,
  columns: readonly ColumnValues[],
  descending: readonly boolean[] = [],
): (a: number, b: number) => number {
  if (descending.some(Boolean)) {
    const signs = columns.map((_, i) => (descending[i] === true ? -1 : 1));
    return (a, b) => {
      const ra = rows[a]!;
      const rb = rows[b]!;
      for (let c = 0; c < columns.length; ++c) {
        const column = columns[c]!;
        const order = compareValues(column[ra], column[rb]);
        if (order !== 0) return order * signs[c]!;
      }
      return a - b;
    };
  }
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
