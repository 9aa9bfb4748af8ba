/**
 * The part of an arquero table the assertions read. Any arquero `ColumnTable` (from any copy of arquero,
 * filtered or ordered views included) fits, and so does a typed table from `@tablepipe/core`.
 */
export interface TableLike {
  /** Column names in table order. */
  columnNames(): string[];
  /** Number of rows (after any filter). */
  numRows(): number;
  /** The values of a column, respecting any filter and order. */
  array(name: string): ArrayLike<unknown>;
}

/** True when `value` looks like an arquero table (duck-typed, so two copies of arquero interoperate). */
export function isTableLike(value: unknown): value is TableLike {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Partial<Record<keyof TableLike, unknown>>;
  return (
    typeof candidate.columnNames === "function" &&
    typeof candidate.numRows === "function" &&
    typeof candidate.array === "function"
  );
}
