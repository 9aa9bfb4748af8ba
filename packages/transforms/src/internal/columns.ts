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
  if (Array.isArray(column) || ArrayBuffer.isView(column)) return column as ColumnValues;
  const array = column.toArray?.();
  if (array !== undefined && (Array.isArray(array) || ArrayBuffer.isView(array)))
    return array as ColumnValues;
  const values = new Array<unknown>(column.length);
  for (let i = 0; i < column.length; ++i) values[i] = column.at(i);
  return values;
}
