import type * as z from "zod";
import type { LogicalType } from "../schema/logical-types";
import type { AcceptedTypes, ColumnParam, ColumnParams, ColumnRole, TypeNames } from "./column-params";
import type { ColumnTypes, NoColumnTypes, Table } from "./table";

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
 *
 * `types`, when declared, gives the compile-time types of columns the step adds or changes in place (a
 * `castColumns` target, a `select`'s kept columns: `Pick<this["input"], ...>`); `this["input"]` is the
 * input table's known column types. An added column whose type is not declared has a type unknown to the
 * compiler after the step.
 */
export interface StaticContract {
  /** The params the caller passed (set by {@link ContractFor}); unknown until then. */
  params?: unknown;
  /** The input table's known column types (set by {@link ContractFor}); unknown until then. */
  input?: unknown;
  needs: string;
  adds: string;
  removes: string;
  /** The known types of the columns the step adds or changes (optional). */
  types?: ColumnTypes;
  /** The type(s) the step accepts for some of the `needs` columns (optional): `{ at: ["timestamp", "date"] }`. */
  needTypes?: TypeRequirements;
  /**
   * Compile-time messages about the params themselves, where the compiler can tell (optional): a `join` whose
   * `on` names a column its typed right table lacks.
   */
  problems?: string;
}

/** Column name -> the type(s) a step accepts for it (a type name or a list of names). */
export type TypeRequirements = { readonly [column: string]: string | readonly string[] };

/**
 * The static contract `F` for a call with params `P` on a table with known column types `K`: `F`'s
 * `this["params"]` becomes `P`, its `this["input"]` becomes `K`.
 */
export type ContractFor<F extends StaticContract, P, K = NoColumnTypes> = F & { params: P; input: K };

/** The static contract of a primitive transform: everything comes from its column params. */
export interface NoFixedColumns extends StaticContract {
  needs: never;
  adds: never;
  removes: never;
}

type Names<V> = V extends readonly (infer E)[] ? E & string : V & string;

/** The column names that the column params of role `R` take, given the params `P` a caller passed. */
export type ColumnsForRole<S extends ColumnParams, P, R extends ColumnRole> = {
  [K in keyof S]: S[K] extends ColumnParam<R, infer D> ? ParamNames<K, P, D> : never;
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
type TypeSuffix<T> = string extends T ? "" : [T] extends [never] ? "" : ` (${TypeNames<T>})`;

/** Who a message names: `step "addDateParts"`, or `a step` when the transform's name is not known statically. */
type StepText<N extends string> = string extends N ? "a step" : `step "${N}"`;

/** The column name(s) a column param takes: those the caller passed, else its default. */
type ParamNames<K, P, D> = K extends keyof P ? (P[K] extends undefined ? Names<D> : Names<P[K]>) : Names<D>;

/** The column params of role `R` of `S` called with `P`: each as `[column names, declared type(s)]`. */
type ParamPairs<S extends ColumnParams, P, R extends ColumnRole> = {
  [K in keyof S]: S[K] extends ColumnParam<R, infer D, boolean, infer T> ? [ParamNames<K, P, D>, T] : never;
}[keyof S];

/**
 * `true` when a column known to be of type `Found` meets the requirement `T` (a type name or a list), as the
 * pre-flight decides: the same type, or an `int` where a `float` is accepted; any type when `T` says none.
 * `boolean` when `Found` is a union of which only some members meet it (the compiler then lets it pass).
 */
export type MeetsType<Found, T> =
  string extends AcceptedTypes<T>
    ? true
    : Found extends AcceptedTypes<T>
      ? true
      : Found extends "int"
        ? "float" extends AcceptedTypes<T>
          ? true
          : false
        : false;

/** The message for one needed column `Col` (type requirement `T`) of a step named `N`, if the table fails it. */
type ColumnMessage<N extends string, Col extends string, T, C extends string, K> = Col extends C
  ? string extends T
    ? never
    : Col extends keyof K
      ? true extends MeetsType<K[Col], T>
        ? never
        : `${StepText<N>} needs column "${Col}"${TypeSuffix<T>}, but it is ${K[Col] & string}`
      : never
  : `${StepText<N>} needs column "${Col}"${TypeSuffix<T>}`;

type PairMessages<N extends string, C extends string, K, Pair> = Pair extends [
  infer Col extends string,
  infer T,
]
  ? string extends Col
    ? never
    : ColumnMessage<N, Col, T, C, K>
  : never;

type FixedMessages<N extends string, C extends string, K, Needed extends string, NT> = string extends Needed
  ? never
  : ColumnMessage<N, Needed, Needed extends keyof NT ? NT[Needed] : string, C, K>;

/** The requirements a static contract declares (`needTypes`), or none. */
type StaticNeedTypes<F extends StaticContract, P> = ContractFor<F, P>["needTypes"] extends infer T
  ? undefined extends T
    ? NoColumnTypes
    : T
  : never;

/**
 * The messages a static contract `F` gives about the params `P` (its `problems`), on a table with known column
 * types `K` where the caller knows them, or `never`.
 */
export type ParamProblems<F extends StaticContract, P, K = NoColumnTypes> = ContractFor<
  F,
  P,
  K
>["problems"] extends infer T
  ? undefined extends T
    ? never
    : T & string
  : never;

/** `unknown` when a static contract has nothing to say about the params `P`, else the messages, as an error. */
export type ProblemsCheck<F extends StaticContract, P> = [ParamProblems<F, P>] extends [never]
  ? unknown
  : { "this step's params do not fit": ParamProblems<F, P> };

/**
 * The compile-time messages of a step named `N` (column params `S`, fixed contract `F`, params `P`) on a table
 * with columns `C` and known column types `K`: one per needed column the table lacks, `step "addDateParts"
 * needs column "ordered_at" (timestamp)`, one per needed column whose known type the step does not accept,
 * `step "keepHourWindow" needs column "fare" (timestamp), but it is float`, and the contract's own
 * {@link ParamProblems}; `never` when there is nothing to say (the table's columns unknown included).
 */
export type NeedsMessages<
  C extends string,
  N extends string,
  S extends ColumnParams,
  F extends StaticContract,
  P,
  K = NoColumnTypes,
> =
  | ParamProblems<F, P, K>
  | (string extends C
      ? never
      :
          | PairMessages<N, C, K, ParamPairs<S, P, "needs">>
          | FixedMessages<N, C, K, ContractFor<F, P>["needs"], StaticNeedTypes<F, P>>);

/**
 * The table parameter of a transform call: the table itself when it has every needed column (of an accepted
 * type, where its type is known), else the message(s) saying what is wrong, so that the diagnostic reads
 * `... is not assignable to parameter of type '"step \"addDateParts\" needs column \"ordered_at\" (timestamp)"'`.
 */
export type CheckedTable<
  C extends string,
  N extends string,
  S extends ColumnParams,
  F extends StaticContract,
  P,
  K extends ColumnTypes = NoColumnTypes,
> = [NeedsMessages<C, N, S, F, P, K>] extends [never] ? Table<C, K> : NeedsMessages<C, N, S, F, P, K>;

/** The types of the columns `S`'s typed `adds` params create, called with `P`: `{ month: "int" }`. */
type ParamAddTypes<S extends ColumnParams, P> = {
  [Pair in ParamPairs<S, P, "adds"> as Pair extends [infer Col extends string, infer T]
    ? string extends T
      ? never
      : Col
    : never]: Pair extends [string, infer T] ? T : never;
};

/**
 * The type requirements of the needed columns of a transform (column params `S`, static contract `F`) called
 * with `P`: `{ pickup_datetime: readonly ["timestamp", "date"] }` (for `step(...)` and `compose`).
 */
export type NeedTypesOf<S extends ColumnParams, F extends StaticContract, P> = {
  [Pair in ParamPairs<S, P, "needs"> as Pair extends [infer Col extends string, infer T]
    ? string extends T
      ? never
      : string extends Col
        ? never
        : Col
    : never]: Pair extends [string, infer T] ? T : never;
} & StaticNeedTypes<F, P>;

/** The types a static contract declares (`types`), or none. */
type StaticTypes<F extends StaticContract, P, K> = ContractFor<F, P, K>["types"] extends infer T
  ? undefined extends T
    ? NoColumnTypes
    : T
  : never;

/** The known types a step declares for the columns it adds or changes, called with `P` on types `K`. */
export type DeclaredTypes<S extends ColumnParams, F extends StaticContract, P, K> = ParamAddTypes<S, P> &
  StaticTypes<F, P, K>;

/**
 * The known column types after the transform runs on a table with known types `K`: the input's types minus
 * the columns the step removes or adds (an added column's old type no longer holds), plus the types the step
 * declares (`adds({ type })`, a static contract's `types`). A step that keeps only some columns (`removes:
 * string`) keeps only what it declares.
 */
export type OutputTypes<K, S extends ColumnParams, F extends StaticContract, P> = MergeTypes<
  K,
  ColumnsForRole<S, P, "removes" | "adds"> | ContractFor<F, P>["removes"] | ContractFor<F, P>["adds"],
  DeclaredTypes<S, F, P, K>
>;

/** The types `K` without the `Dropped` columns, overridden and extended by the `Declared` ones, in one object. */
type MergeTypes<K, Dropped, Declared> = {
  [Col in (keyof K | keyof Declared) & string as Col extends keyof Declared
    ? Col
    : Col extends Dropped
      ? never
      : Col]: Col extends keyof Declared ? Declared[Col] & LogicalType : K[Col & keyof K] & LogicalType;
};
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

/**
 * {@link ParamsInput} with every param optional: what each param a caller passes must be assignable to,
 * whatever the caller leaves out (a required param left out is reported by the params argument's type, or by
 * {@link ParamsGiven} in a pipe or a `step`).
 */
export type ParamsShape<S extends ColumnParams, Z extends ParamsSchema> = {
  [K in keyof ParamsInput<S, Z>]?: ParamsInput<S, Z>[K];
};

/** A function type: no object literal is one, so a constraint that asks for it fails (see {@link KnownParams}). */
export type UnknownParams<K> = (unknownParams: K) => never;

/** `unknown` when every key of `P` is a param of `I`, else {@link UnknownParams}, which no params object is. */
export type KnownParams<P, I> = [Exclude<keyof P, keyof I>] extends [never]
  ? unknown
  : UnknownParams<Exclude<keyof P, keyof I>>;

/**
 * The constraint of the params `P` a caller passes to a transform (directly, in a pipe, in a `step`). Params
 * that do not meet it, a wrong value (a misspelt member of an enum, a wrong type) or a key that is not a
 * param, are not inferred: `P` is then this constraint, and the params argument is checked against it, so that
 * the diagnostic marks that param and names the type it expects (`Type '"lefft"' is not assignable to type
 * '"inner" | "left" | "right" | "full" | "semi" | "anti" | undefined'`; `Object literal may only specify known properties, but
 * 'howw' does not exist in type ...`). Unconstrained, a literal conflicting with the param's type made the
 * params' type `never`, and the diagnostic named neither.
 */
export type ParamsConstraint<S extends ColumnParams, Z extends ParamsSchema, P> = ParamsShape<S, Z> &
  KnownParams<P, ParamsInput<S, Z>>;

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
 * names (lists included); a missing params argument is caught by {@link ParamsGiven} on the transform. `P` is
 * constrained by {@link ParamsConstraint}, which reports a wrong param value at that param.
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
 * The call signature every transform has: `(table, params) => table`, typed by the table's columns and their
 * known types. A table that lacks a needed column, or whose known type for it the step does not accept, does
 * not compile, and the diagnostic names the step `N`, the column and its type.
 */
export type TransformCall<
  S extends ColumnParams,
  Z extends ParamsSchema,
  F extends StaticContract,
  N extends string = string,
> = <
  C extends string,
  K extends ColumnTypes = NoColumnTypes,
  const P extends ParamsConstraint<S, Z, P> = Record<never, never>,
>(
  table: CheckedTable<C, N, S, F, P, K>,
  ...params: ParamsArgs<S, Z, P>
) => Table<OutputColumns<C, S, F, P>, OutputTypes<K, S, F, P>>;
