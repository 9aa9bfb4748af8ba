import type { ColumnParams } from "../transform/column-params";
import type { StepSpec, Transform } from "../transform/runtime";
import type { KnownTypesOf, NoColumnTypes } from "../transform/table";
import type {
  ColumnsForRole,
  ContractFor,
  DeclaredTypes,
  NeedsOf,
  NeedTypesOf,
  ParamsConstraint,
  ParamsGiven,
  ParamsSchema,
  ProblemsCheck,
  StaticContract,
  StepParamsArgs,
  TypeRequirements,
} from "../transform/types";

declare const stepColumns: unique symbol;

/**
 * A transform bound to its params, ready to run in a pipe or a `compose`. `N`, `A` and `R` are the
 * columns it needs, adds and removes, as far as the compiler knows; `T` the known types of the columns it
 * adds or changes, `NT` the types it accepts for needed columns (where it declares them).
 */
export interface Step<
  N extends string = string,
  A extends string = string,
  R extends string = string,
  T = NoColumnTypes,
  NT = NoColumnTypes,
> extends StepSpec {
  readonly [stepColumns]?: { needs: N; adds: A; removes: R; types: T; needTypes: NT };
  /** The same step, shown under another label in traces and errors. */
  as(label: string): Step<N, A, R, T, NT>;
}

/** The columns a transform adds when called with `P`. */
export type AddsOf<S extends ColumnParams, F extends StaticContract, P> =
  | ColumnsForRole<S, P, "adds">
  | ContractFor<F, P>["adds"];
/** The columns a transform removes when called with `P`. */
export type RemovesOf<S extends ColumnParams, F extends StaticContract, P> =
  | ColumnsForRole<S, P, "removes">
  | ContractFor<F, P>["removes"];

/**
 * A step's label: the transform's name, with any column params the caller named explicitly, each column once
 * (`sortRows(speed)` for `{ by: ["speed"], descending: ["speed"] }`).
 */
function defaultLabel(transform: StepSpec["transform"], params: unknown): string {
  if (typeof params !== "object" || params === null) return transform.transformName;
  const seen = new Set<string>();
  const named: string[] = [];
  for (const key of Object.keys(transform.columnParams)) {
    const value = (params as Record<string, unknown>)[key];
    if (value === undefined) continue;
    const names = (Array.isArray(value) ? value : [value]).map(String).filter((name) => !seen.has(name));
    for (const name of names) seen.add(name);
    if (names.length > 0) named.push(names.length > 3 ? `${names.length} columns` : names.join("+"));
  }
  return named.length > 0 ? `${transform.transformName}(${named.join(", ")})` : transform.transformName;
}

/** Build a step from its parts (untyped; prefer {@link step}). */
export function makeStep(transform: StepSpec["transform"], params: unknown, label?: string): Step {
  const spec = { transform, params, label: label ?? defaultLabel(transform, params) };
  return { ...spec, as: (next: string) => makeStep(transform, params, next) };
}

/**
 * Bind a transform to its params, for `compose` (the pipe's `.transform(t, params)` does this for you).
 *
 * @example compose({ name: "filterData", steps: [step(dropDuplicates), step(limitHistory, { after: "201703" })] })
 */
export function step<
  S extends ColumnParams,
  Z extends ParamsSchema,
  F extends StaticContract,
  const P extends ParamsConstraint<S, Z, P> = Record<never, never>,
>(
  transform: Transform<S, Z, F> & ParamsGiven<S, Z, P> & ProblemsCheck<F, P>,
  ...params: StepParamsArgs<S, Z, P>
): Step<
  NeedsOf<S, F, P>,
  AddsOf<S, F, P>,
  RemovesOf<S, F, P>,
  KnownTypesOf<DeclaredTypes<S, F, P, NoColumnTypes>>,
  RequirementsOf<NeedTypesOf<S, F, P>>
> {
  return makeStep(transform, params[0]) as Step<
    NeedsOf<S, F, P>,
    AddsOf<S, F, P>,
    RemovesOf<S, F, P>,
    KnownTypesOf<DeclaredTypes<S, F, P, NoColumnTypes>>,
    RequirementsOf<NeedTypesOf<S, F, P>>
  >;
}

/** A map of type requirements flattened into one object type. */
export type RequirementsOf<T> = {
  [Col in keyof T & string]: T[Col] extends TypeRequirements[string] ? T[Col] : never;
};
