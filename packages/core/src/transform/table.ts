import type { ColumnTable } from "arquero";
import type { LogicalType } from "../schema/logical-types";

declare const columnsBrand: unique symbol;
declare const typesBrand: unique symbol;

/**
 * The column types a table is known, at compile time, to have: column name -> logical type name
 * (`{ pickup_datetime: "timestamp"; fare: "float" }`). A union (`"timestamp" | "date"`) says the column is
 * one of those, not known which. A column not named here has a type unknown to the compiler (the run-time
 * pre-flight still checks it).
 */
export type ColumnTypes = { readonly [column: string]: LogicalType };

/** A map of column types flattened into one object type, each value a logical type name. */
export type KnownTypesOf<T> = { [Col in keyof T & string]: T[Col] & LogicalType };

/** No column type known to the compiler (the default of {@link Table}'s second parameter). */
export type NoColumnTypes = Record<never, never>;

/**
 * An arquero `ColumnTable` whose column names, and some column types, are known to the compiler.
 *
 * `C` is the union of column names the table is known to have ("at least these columns"):
 * a `Table<"a" | "b">` is accepted wherever a `Table<"a">` is expected. `K` maps some of them to their
 * logical type (`Table<"at" | "id", { at: "timestamp" }>`): a transform that needs a time stamp then rejects
 * `id`, whose type is unknown, only at run time, and `at` if it were a string at compile time. A plain
 * `ColumnTable` is a `Table<string>`: its columns are unknown statically and are checked at run time only,
 * and every typed table is also a `Table<string>`.
 * The brands are phantoms: they exist only in types, never on the object.
 */
export type Table<C extends string = string, K extends ColumnTypes = NoColumnTypes> = string extends C
  ? ColumnTable
  : ColumnTable & TableColumns<C> & TableTypes<K>;

/** The phantom brand of a {@link Table}: the union `C` of its column names (types only). */
export interface TableColumns<C extends string> {
  readonly [columnsBrand]?: (column: C) => void;
}

/** The phantom brand of a {@link Table}: the column types `K` known to the compiler (types only). */
export interface TableTypes<K extends ColumnTypes> {
  readonly [typesBrand]?: K;
}

/** A column type a table param accepts for a column of type `T`: `T` itself, or an int where a float is wanted. */
type FittingType<T> = T | (T extends "float" ? "int" : never);

/**
 * What a typed table param (`tableParam(schema)`) accepts: a table known to have at least the columns `C`
 * whose known column types, where the compiler knows them, are those of `K` (an int where a float is
 * expected, too). A plain arquero table is one: its columns and values are checked at run time.
 */
export type TableFitting<C extends string, K extends ColumnTypes> = string extends C
  ? ColumnTable
  : ColumnTable &
      TableColumns<C> & { readonly [typesBrand]?: { readonly [Col in keyof K]?: FittingType<K[Col]> } };

/** The column names a typed table is known to have: `ColumnsOf<Table<"a" | "b">>` is `"a" | "b"`. */
export type ColumnsOf<T> = T extends Table<infer C> ? C : never;

/**
 * The column types a table is known to have: `TypesOf<Table<"a" | "b", { a: "int" }>>` is `{ a: "int" }`;
 * {@link NoColumnTypes} for a plain arquero table.
 */
export type TypesOf<T> =
  T extends TableTypes<infer K> ? (ColumnTypes extends K ? NoColumnTypes : K) : NoColumnTypes;

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
