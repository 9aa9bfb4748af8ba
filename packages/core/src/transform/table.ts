import type { ColumnTable } from "arquero";

declare const columnsBrand: unique symbol;

/**
 * An arquero `ColumnTable` whose column names are known to the compiler.
 *
 * `C` is the union of column names the table is known to have ("at least these columns"):
 * a `Table<"a" | "b">` is accepted wherever a `Table<"a">` is expected. A plain `ColumnTable`
 * is a `Table<string>`: its columns are unknown statically and are checked at run time only, and every
 * typed table is also a `Table<string>`.
 * The brand is a phantom: it exists only in types, never on the object.
 */
export type Table<C extends string = string> = string extends C ? ColumnTable : ColumnTable & TableColumns<C>;

/** The phantom brand of a {@link Table}: the union `C` of its column names (types only). */
export interface TableColumns<C extends string> {
  readonly [columnsBrand]?: (column: C) => void;
}

/** The column names a typed table is known to have: `ColumnsOf<Table<"a" | "b">>` is `"a" | "b"`. */
export type ColumnsOf<T> = T extends Table<infer C> ? C : never;

/** True when `value` looks like an arquero table (duck-typed, so two copies of arquero still interoperate). */
export function isTable(value: unknown): value is ColumnTable {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Partial<Record<"numRows" | "columnNames" | "column", unknown>>;
  return (
    typeof candidate.numRows === "function" &&
    typeof candidate.columnNames === "function" &&
    typeof candidate.column === "function"
  );
}
