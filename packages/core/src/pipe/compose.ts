import type { ColumnTable } from "arquero";
import type * as z from "zod";
import { schemaOf } from "../schema/registry";
import type { ColumnContract } from "../transform/contract";
import { makeTransform } from "../transform/define-transform";
import { paramsValidator, resolveParams } from "../transform/params";
import type { StepSpec, Transform, TransformRuntime } from "../transform/runtime";
import type { KnownTypesOf, NoColumnTypes } from "../transform/table";
import { isTable } from "../transform/table";
import type { NoParams, ParamsSchema, StaticContract } from "../transform/types";
import { checkedSteps, stepsOfFunction } from "./composite-steps";
import { executePlan } from "./execute";
import { foldContracts, planSteps } from "./plan";
import type { Step } from "./step";

/** Unknown statically: the composed steps were not a tuple the compiler could follow. */
interface UnknownContract extends StaticContract {
  needs: string;
  adds: string;
  removes: string;
}

/**
 * The static contract of a tuple of steps run in order: what they need from the input (and the types they
 * accept for it), add (and the known types of what they add or change) and remove.
 */
export type FoldSteps<
  T extends readonly Step[],
  N extends string = never,
  Added extends string = never,
  Removed extends string = never,
  Types = NoColumnTypes,
  NeedTypes = NoColumnTypes,
> = number extends T["length"]
  ? UnknownContract
  : T extends readonly [infer H, ...infer Rest extends readonly Step[]]
    ? H extends Step<infer HN, infer HA, infer HR, infer HT, infer HNT>
      ? FoldSteps<
          Rest,
          N | Exclude<HN, Added>,
          Exclude<Added, HR> | HA,
          Exclude<Removed | Exclude<HR, Added>, HA>,
          Omit<Types, HR | HA | keyof HT> & HT,
          NeedTypes & Omit<HNT, Added | keyof NeedTypes>
        >
      : UnknownContract
    : {
        needs: N;
        adds: Added;
        removes: Removed;
        types: KnownTypesOf<Types>;
        needTypes: { [Col in keyof NeedTypes]: NeedTypes[Col] };
      };

/** A transform made of other steps: the guide's `filter_data` and `add_features`. */
export interface CompositeDefinition<Z extends ParamsSchema, T extends readonly Step[]> {
  /** Shown in traces, logs and errors. */
  name: string;
  /** One sentence for the reference docs. */
  description?: string;
  /** The composite's own params, as a zod object with defaults. */
  params?: Z;
  /** The steps, in order; a function of the params when they depend on them. */
  steps: T | ((params: z.output<Z>) => T);
}

/** The contract of one step spec, resolving its params (composites fold their own steps). */
function contractOf(spec: StepSpec): ColumnContract {
  return spec.transform.contract(spec.transform.resolveParams(spec.params));
}

/**
 * Group steps into one transform of a higher level. The result is itself a transform: callable directly,
 * usable in a pipe (its steps show nested in the trace) and in other composites.
 *
 * @example
 * const filterData = compose({
 *   name: "filterData",
 *   params: z.object({ after: z.string().default("201703") }),
 *   steps: (p) => [step(dropDuplicates), step(limitHistory, { after: p.after })],
 * });
 */
export function compose<
  const T extends readonly Step[],
  Z extends ParamsSchema = NoParams,
  const N extends string = string,
>(definition: CompositeDefinition<Z, T> & { name: N }): Transform<Record<never, never>, Z, FoldSteps<T>, N> {
  const name = definition.name;
  const validator = paramsValidator({}, definition.params);
  const given: unknown = definition.steps;
  // a list is checked at once; a function's list when the composite's params are known
  const list = typeof given === "function" ? undefined : checkedSteps(name, given);
  const expand = (resolved: Record<string, unknown>): readonly StepSpec[] =>
    list ?? stepsOfFunction(name, definition.steps as (params: never) => unknown, resolved);
  const run = (table: ColumnTable, resolved: Record<string, unknown>): ColumnTable =>
    executePlan(table, planSteps(table.columnNames(), expand(resolved), name, schemaOf(table))).table;
  const runtime: TransformRuntime = {
    transformName: name,
    kind: "composite",
    description: definition.description,
    rowLocal: false,
    dropsDuplicateRows: () => false,
    columnParams: {},
    paramsSchema: validator.schema,
    resolveParams: (params) => resolveParams(name, validator, params),
    contract: (resolved) => foldContracts(expand(resolved).map(contractOf)),
    expand,
    applyUnchecked: run,
  };
  return makeTransform(runtime, (table, params) => {
    if (!isTable(table)) throw new TypeError(`${name}: expected an arquero table, got ${typeof table}`);
    return run(table, runtime.resolveParams(params));
  });
}
