import type { z } from "zod";
import type { ColumnParam, ColumnParams, ColumnRole } from "./column-params";
import type { Table } from "./table";

/** A transform's params schema: a zod object (column params are added to it automatically). */
export type ParamsSchema = z.ZodObject;

/** The empty params schema. */
export type NoParams = z.ZodObject<Record<never, never>>;

/**
 * The columns a step is known, at compile time, to read, add and remove (unions of column names).
 * `string` means "not known statically": the check is then left to the run-time pre-flight; `removes: string`
 * with named `adds` means "keeps only the added columns" (a select, an aggregate).
 *
 * A transform whose columns depend on its params (an expression's column references, the keys of a
 * `{ name: expression }` map) declares them through `this["params"]`, which is the params the caller passed
 * (see {@link ContractFor}).
 */
export interface StaticContract {
  /** The params the caller passed (set by {@link ContractFor}); unknown until then. */
  params?: unknown;
  needs: string;
  adds: string;
  removes: string;
}

/** The static contract `F` for a call with params `P`: `F`'s `this["params"]` becomes `P`. */
export type ContractFor<F extends StaticContract, P> = F & { params: P };

/** The static contract of a primitive transform: everything comes from its column params. */
export interface NoFixedColumns extends StaticContract {
  needs: never;
  adds: never;
  removes: never;
}

type Names<V> = V extends readonly (infer E)[] ? E & string : V & string;

/** The column names that the column params of role `R` take, given the params `P` a caller passed. */
export type ColumnsForRole<S extends ColumnParams, P, R extends ColumnRole> = {
  [K in keyof S]: S[K] extends ColumnParam<R, infer D>
    ? K extends keyof P
      ? P[K] extends undefined
        ? Names<D>
        : Names<P[K]>
      : Names<D>
    : never;
}[keyof S];

/** The columns needed by a transform with column params `S` and fixed contract `F`, called with `P`. */
export type NeedsOf<S extends ColumnParams, F extends StaticContract, P> =
  | ColumnsForRole<S, P, "needs">
  | ContractFor<F, P>["needs"];

/** The columns after the transform runs on a table with columns `C`. */
export type OutputColumns<C extends string, S extends ColumnParams, F extends StaticContract, P> =
  | Exclude<C, ColumnsForRole<S, P, "removes"> | ContractFor<F, P>["removes"]>
  | ColumnsForRole<S, P, "adds">
  | ContractFor<F, P>["adds"];

/** The needed columns a table with columns `C` lacks (`never` when unknowable or none). */
export type MissingColumns<C extends string, N extends string> = string extends C
  ? never
  : string extends N
    ? never
    : Exclude<N, C>;

/** The compile-time error a table gets when it lacks columns a step needs. */
export interface LacksColumns<M extends string> {
  "table lacks columns needed by this step": M;
}

/** The type suffix of a message: ` (timestamp)`, or nothing when the step accepts any type. */
type TypeSuffix<T> = string extends T ? "" : [T] extends [never] ? "" : ` (${T & string})`;

/** Who a message names: `step "addDateParts"`, or `a step` when the transform's name is not known statically. */
type StepText<N extends string> = string extends N ? "a step" : `step "${N}"`;

/** The needed columns of the column params `S` called with `P`, each with its declared type text. */
type ParamNeeds<S extends ColumnParams, P> = {
  [K in keyof S]: S[K] extends ColumnParam<"needs", infer D, boolean, infer T>
    ? [K extends keyof P ? (P[K] extends undefined ? Names<D> : Names<P[K]>) : Names<D>, T]
    : never;
}[keyof S];

type PairMessages<N extends string, C extends string, Pair> = Pair extends [infer Col extends string, infer T]
  ? string extends Col
    ? never
    : Col extends C
      ? never
      : `${StepText<N>} needs column "${Col}"${TypeSuffix<T>}`
  : never;

type FixedMessages<N extends string, C extends string, Needed extends string> = string extends Needed
  ? never
  : Needed extends C
    ? never
    : `${StepText<N>} needs column "${Needed}"`;

/**
 * The compile-time messages of a step named `N` (column params `S`, fixed contract `F`, params `P`) on a table
 * with columns `C`: one per needed column the table lacks, `step "addDateParts" needs column "ordered_at"
 * (timestamp)`; `never` when none is missing or the table's columns are unknown.
 */
export type NeedsMessages<
  C extends string,
  N extends string,
  S extends ColumnParams,
  F extends StaticContract,
  P,
> = string extends C
  ? never
  : PairMessages<N, C, ParamNeeds<S, P>> | FixedMessages<N, C, ContractFor<F, P>["needs"]>;

/**
 * The table parameter of a transform call: the table itself when it has every needed column, else the
 * message(s) saying what is missing, so that the diagnostic reads `... is not assignable to parameter of
 * type '"step \"addDateParts\" needs column \"ordered_at\" (timestamp)"'`.
 */
export type CheckedTable<
  C extends string,
  N extends string,
  S extends ColumnParams,
  F extends StaticContract,
  P,
> = [NeedsMessages<C, N, S, F, P>] extends [never] ? Table<C> : NeedsMessages<C, N, S, F, P>;

/** `unknown` when a table with columns `C` has every column in `N`, else a {@link LacksColumns} error type. */
export type NeedsCheck<C extends string, N extends string> = [MissingColumns<C, N>] extends [never]
  ? unknown
  : LacksColumns<MissingColumns<C, N>>;

/** The input type of a params schema (`{}` for an empty schema, where zod would say `Record<string, never>`). */
export type SchemaInput<Z extends ParamsSchema> = [keyof Z["shape"]] extends [never] ? unknown : z.input<Z>;
/** The output type of a params schema (`{}` for an empty schema). */
export type SchemaOutput<Z extends ParamsSchema> = [keyof Z["shape"]] extends [never] ? unknown : z.output<Z>;

/** The value a caller passes for column param `C`: one name, or a list of names. */
type ColumnValue<C> =
  C extends ColumnParam<ColumnRole, infer D>
    ? D extends readonly string[]
      ? readonly string[]
      : string
    : never;

/** The keys of the column params that have no default (the caller must pass them). */
export type RequiredColumnKeys<S extends ColumnParams> = {
  [K in keyof S]: S[K] extends ColumnParam<ColumnRole, string | readonly string[], true> ? K : never;
}[keyof S];

/**
 * What a caller may pass as params: column params by name (required ones without `?`), plus the params
 * schema's input.
 */
export type ParamsInput<S extends ColumnParams, Z extends ParamsSchema> = {
  [K in keyof S]?: ColumnValue<S[K]>;
} & { [K in RequiredColumnKeys<S>]-?: ColumnValue<S[K]> } & SchemaInput<Z>;

/** What the implementation receives: every param resolved, defaults applied. */
export type ResolvedParams<S extends ColumnParams, Z extends ParamsSchema> = {
  [K in keyof S]: S[K] extends ColumnParam<ColumnRole, infer D>
    ? D extends readonly string[]
      ? string[]
      : string
    : never;
} & SchemaOutput<Z>;

/** Rejects keys of `P` that are not params of the transform. */
export type NoExtraKeys<P, I> = { [K in Exclude<keyof P, keyof I>]: never };

/** The params argument(s): optional when every param has a default, required otherwise. */
export type ParamsArgs<S extends ColumnParams, Z extends ParamsSchema, P> =
  Record<never, never> extends ParamsInput<S, Z>
    ? [params?: P & ParamsInput<S, Z> & NoExtraKeys<P, ParamsInput<S, Z>>]
    : [params: P & ParamsInput<S, Z> & NoExtraKeys<P, ParamsInput<S, Z>>];

/**
 * The params argument of `pipe(...).transform(t, params)` and `step(t, params)`, where the transform's types
 * are inferred in the same call. Written without a conditional type so that `const P` keeps literal column
 * names (lists included); a missing params argument is caught by {@link ParamsGiven} on the transform.
 */
export type StepParamsArgs<S extends ColumnParams, Z extends ParamsSchema, P> = [
  params?: P & ParamsInput<S, Z> & NoExtraKeys<P, ParamsInput<S, Z>>,
];

/** The params a transform requires (no default), by name. */
export type RequiredParamKeys<I> = {
  [K in keyof I]-?: Record<never, never> extends Pick<I, K> ? never : K;
}[keyof I];

/** The compile-time error a step gets when it is given no params but some have no default. */
export interface LacksParams<K> {
  "this transform has required params": K;
}

/** `unknown` when params `P` give every required param of the transform, else a {@link LacksParams} error. */
export type ParamsGiven<S extends ColumnParams, Z extends ParamsSchema, P> =
  Record<never, never> extends ParamsInput<S, Z>
    ? unknown
    : [RequiredParamKeys<ParamsInput<S, Z>>] extends [keyof P]
      ? unknown
      : LacksParams<Exclude<RequiredParamKeys<ParamsInput<S, Z>>, keyof P>>;

/**
 * The call signature every transform has: `(table, params) => table`, typed by the table's columns. A table
 * that lacks a needed column does not compile, and the diagnostic names the step `N`, the column and its type.
 */
export type TransformCall<
  S extends ColumnParams,
  Z extends ParamsSchema,
  F extends StaticContract,
  N extends string = string,
> = <C extends string, const P extends object = Record<never, never>>(
  table: CheckedTable<C, N, S, F, P>,
  ...params: ParamsArgs<S, Z, P>
) => Table<OutputColumns<C, S, F, P>>;
