import type { LogicalType, TypeRequirement } from "../schema/logical-types";
import { checkColumnSpec } from "./column-param-spec";

/** What a column-valued parameter means to the column contract. */
export type ColumnRole = "needs" | "adds" | "removes";

/**
 * A parameter that names one column (or a list of columns). `D` is its default name(s); a required param
 * (`Q` true) has no default, and `D` is then just `string` or `readonly string[]`: the caller names the
 * column(s), and the compiler reads the names from the params the caller passes.
 */
export interface ColumnParam<
  R extends ColumnRole = ColumnRole,
  D extends string | readonly string[] = string | readonly string[],
  Q extends boolean = boolean,
  T extends string | readonly string[] = string | readonly string[],
> {
  readonly role: R;
  /**
   * Phantom: the declared type (an added column's), or the accepted type(s) (a needed column's, one name or a
   * list) as the caller wrote them; `string` when none. The compiler checks typed tables against it.
   */
  readonly typeName?: T;
  /**
   * The type(s) the step accepts for a needed column, or the type of an added column; undefined when the
   * param declares none (any type is accepted; an added column's type is then the step's `types`, else unknown).
   */
  readonly type: TypeRequirement | undefined;
  /** For an added column: whether it may hold missing values. */
  readonly nullable: boolean;
  /** The default column name(s); `undefined` when the param is required. */
  readonly defaultValue: D | undefined;
  /** True when the param names a list of columns. */
  readonly list: boolean;
  /** True when the param has no default: leaving it out is a compile error and a run-time error naming it. */
  readonly required: Q;
}

/** A column parameter without a default name: the caller must name the column(s). */
export type RequiredColumnParam<
  R extends ColumnRole = ColumnRole,
  D extends string | readonly string[] = string,
  T extends string | readonly string[] = string | readonly string[],
> = ColumnParam<R, D, true, T>;

/** A list of type names as text, as the run-time messages write it: `"int, float or date"`. */
type JoinTypes<T extends readonly string[]> = T extends readonly [infer A extends string]
  ? A
  : T extends readonly [infer A extends string, infer B extends string]
    ? `${A} or ${B}`
    : T extends readonly [infer A extends string, ...infer R extends readonly string[]]
      ? `${A}, ${JoinTypes<R>}`
      : string;

/** A requirement as text, for compile-time messages: `TypeNames<["timestamp", "date"]>` is `"timestamp or date"`. */
export type TypeNames<T> = T extends readonly string[] ? JoinTypes<T> : T & string;

/** The types a requirement accepts, as a union: `AcceptedTypes<["timestamp", "date"]>` is `"timestamp" | "date"`. */
export type AcceptedTypes<T> = T extends readonly (infer E)[] ? E & string : T & string;

/** A typed needed column: `needs({ type: "timestamp" })`, with a default name `needs({ type: "int", default: "id" })`. */
export interface NeedsOptions<T extends TypeRequirement, D> {
  /** The type the step accepts, or a list of types (`["int", "float"]`). */
  readonly type: T;
  /** A default column name (else the caller must name the column). */
  readonly default?: D;
}

/** A typed added column: `adds({ type: "int", default: "month" })`. */
export interface AddsOptions<T extends LogicalType, D> {
  /** The added column's type. */
  readonly type: T;
  /** A default column name (else the caller must name the column). */
  readonly default?: D;
  /** True when the added column may hold missing values (default false). */
  readonly nullable?: boolean;
}

/** The column parameters of a transform, keyed by parameter name. */
export type ColumnParams = Record<string, ColumnParam>;

type Spec =
  | string
  | readonly string[]
  | NeedsOptions<TypeRequirement, unknown>
  | AddsOptions<LogicalType, unknown>;

function columnParam(role: ColumnRole, list: boolean, spec: Spec | undefined): ColumnParam {
  checkColumnSpec(list ? `${role}Each` : role, list, spec);
  const options = typeof spec === "object" && spec !== null && "type" in spec ? spec : undefined;
  const defaultValue = (options === undefined ? spec : options.default) as
    | string
    | readonly string[]
    | undefined;
  return {
    role,
    defaultValue,
    list,
    required: defaultValue === undefined,
    type: options?.type,
    nullable: (options as AddsOptions<LogicalType, unknown> | undefined)?.nullable === true,
  };
}

/**
 * A parameter naming a column the transform reads. Without an argument the param is required (general
 * transforms: no data set's names); with one, that name is its default.
 *
 * @example
 * { column: needs() }                  // required: limitHistory(trips, { column: "ordered_at", ... })
 * { column: needs("pickup_datetime") } // defaults to pickup_datetime
 * { column: needs({ type: "timestamp" }) } // required, and must be a time stamp (checked before any row is read)
 * { amount: needs({ type: ["int", "float"], default: "amount" }) }
 */
export function needs(): RequiredColumnParam<"needs", string>;
export function needs<const D extends string>(defaultName: D): ColumnParam<"needs", D, false>;
export function needs<const T extends TypeRequirement, const D extends string>(
  options: NeedsOptions<T, D> & { readonly default: D },
): ColumnParam<"needs", D, false, T>;
export function needs<const T extends TypeRequirement>(
  options: NeedsOptions<T, never>,
): RequiredColumnParam<"needs", string, T>;
export function needs(spec?: string | NeedsOptions<TypeRequirement, string>): ColumnParam<"needs"> {
  return columnParam("needs", false, spec) as ColumnParam<"needs">;
}

/**
 * A parameter naming several columns the transform reads; required without an argument.
 *
 * @example
 * { keys: needsEach() }      // required: firstNPerGroup(t, { keys: ["vendor_id"], ... })
 * { subset: needsEach([]) }  // defaults to no columns
 * { values: needsEach({ type: ["int", "float"] }) } // required, each a number
 */
export function needsEach(): RequiredColumnParam<"needs", readonly string[]>;
export function needsEach<const D extends readonly string[]>(defaultNames: D): ColumnParam<"needs", D, false>;
export function needsEach<const T extends TypeRequirement, const D extends readonly string[]>(
  options: NeedsOptions<T, D> & { readonly default: D },
): ColumnParam<"needs", D, false, T>;
export function needsEach<const T extends TypeRequirement>(
  options: NeedsOptions<T, never>,
): RequiredColumnParam<"needs", readonly string[], T>;
export function needsEach(
  spec?: readonly string[] | NeedsOptions<TypeRequirement, readonly string[]>,
): ColumnParam<"needs"> {
  return columnParam("needs", true, spec) as ColumnParam<"needs">;
}

/**
 * A parameter naming a column the transform creates (or overwrites); required without an argument.
 *
 * An added column must not exist yet (the pre-flight says so): a step that overwrites a column declares it
 * in its contract's `replaces`.
 *
 * @example
 * { output: adds("month") } // or adds() to make the caller name it
 * { output: adds({ type: "int", default: "month" }) } // typed: the pre-flight and verifyOutput know it
 */
export function adds(): RequiredColumnParam<"adds", string>;
export function adds<const D extends string>(defaultName: D): ColumnParam<"adds", D, false>;
export function adds<const T extends LogicalType, const D extends string>(
  options: AddsOptions<T, D> & { readonly default: D },
): ColumnParam<"adds", D, false, T>;
export function adds<const T extends LogicalType>(
  options: AddsOptions<T, never>,
): RequiredColumnParam<"adds", string, T>;
export function adds(spec?: string | AddsOptions<LogicalType, string>): ColumnParam<"adds"> {
  return columnParam("adds", false, spec) as ColumnParam<"adds">;
}

/**
 * A parameter naming a column the transform drops; required without an argument.
 *
 * @example { column: removes("row_number") } // or removes() to make the caller name it
 */
export function removes(): RequiredColumnParam<"removes", string>;
export function removes<const D extends string>(defaultName: D): ColumnParam<"removes", D, false>;
export function removes(defaultName?: string): ColumnParam<"removes"> {
  return columnParam("removes", false, defaultName) as ColumnParam<"removes">;
}
