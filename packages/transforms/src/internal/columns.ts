import { backingValues } from "@tablepipe/core/internal";
import type { ColumnTable } from "arquero";

/** Column values addressable by backing row number. */
export type ColumnValues = ArrayLike<unknown>;

/**
 * A column's backing values, indexable by backing row number (see `visibleRows`). Arrays and typed arrays
 * are returned as they are; other column types (Arrow vectors) are materialised once.
 */
export function columnValues(table: ColumnTable, name: string): ColumnValues {
  const column = table.column(name);
  if (column === undefined) throw new RangeError(`no column named "${name}"`);
  return backingValues(column);
}
