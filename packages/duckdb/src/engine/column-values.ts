import type { ColumnTable } from "arquero";

/**
 * A column's values in row order without a copy when the table is neither filtered nor ordered and the column
 * is a plain or typed array (arquero's `array()` copies through a scan); a copy otherwise.
 */
export function columnValues(table: ColumnTable, name: string): ArrayLike<unknown> {
  const column = table.column(name) as unknown;
  const plain = Array.isArray(column) || (ArrayBuffer.isView(column) && !(column instanceof DataView));
  if (plain && !table.isFiltered() && !table.isOrdered()) return column as ArrayLike<unknown>;
  return table.array(name) as ArrayLike<unknown>;
}
