import type { RowSchema } from "@tablepipe/core";
import type * as z from "zod";

export type { RowSchema };

/** The column names of a row schema, e.g. `ColumnName<typeof ZoneGeo>` is `"zone_id" | "zone_name" | "borough"`. */
export type ColumnName<S extends RowSchema> = keyof z.input<S> & keyof z.output<S> & string;

/** A full row as the schema produces it (every default applied). */
export type RowOf<S extends RowSchema> = z.output<S>;

/** A time stamp string such as `"2018-02-04T18:00"`: without a zone it is read as UTC wall-clock time. */
export type IsoTimestamp = string;

/**
 * A time stamp as the tables hold it: epoch milliseconds of the UTC wall-clock time,
 * e.g. `Date.UTC(2018, 1, 4, 18)` for 2018-02-04 18:00.
 */
export type EpochMillis = number;

/**
 * What a Date column accepts: the Date itself, an ISO time stamp string or epoch milliseconds (only for plain
 * Date columns).
 */
type WithTimestampInputs<V> = [Exclude<V, null | undefined>] extends [never]
  ? V
  : [Exclude<V, null | undefined>] extends [Date]
    ? V | IsoTimestamp | EpochMillis
    : V;

/** The value a test may give for column `K` of schema `S` (`undefined` means: use the default). */
export type CellInput<S extends RowSchema, K extends ColumnName<S>> = WithTimestampInputs<z.input<S>[K]>;

/**
 * A row as a test writes it: only the columns it cares about; columns without a default are required.
 * @example const input: RowInput<typeof ZoneGeo> = { zone_id: 100 };
 */
export type RowInput<S extends RowSchema> = {
  [K in keyof z.input<S>]: K extends ColumnName<S> ? CellInput<S, K> : never;
};

/**
 * One tuple of values for the column list `K`, position by position:
 * `TupleFor<typeof ZoneGeo, ["zone_id", "zone_name"]>` is `readonly [number | undefined, string | undefined]`.
 */
export type TupleFor<S extends RowSchema, K extends readonly ColumnName<S>[]> = {
  readonly [I in keyof K]: K[I] extends ColumnName<S> ? CellInput<S, K[I]> : never;
};

/** The columns of `S` that have no default and so must be named. */
export type RequiredColumn<S extends RowSchema> = {
  [K in keyof z.input<S>]-?: undefined extends z.input<S>[K] ? never : K;
}[keyof z.input<S>] &
  string;

/** A compile-time error shown when a column list leaves out columns that have no default. */
export interface MissingRequiredColumns<M extends string> {
  "columns without a default must be named": M;
}

/** `unknown` when the column list `K` names every required column of `S`, else a readable error type. */
export type NamesRequiredColumns<S extends RowSchema, K extends readonly string[]> = [
  Exclude<RequiredColumn<S>, K[number]>,
] extends [never]
  ? unknown
  : MissingRequiredColumns<Exclude<RequiredColumn<S>, K[number]>>;
