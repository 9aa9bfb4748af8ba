import type { TableSchema } from "../schema/logical-types";
import { type ColumnContract, checkContract, columnsAfter, schemaAfter } from "../transform/contract";
import { TransformParamError } from "../transform/errors";
import type { StepSpec, TransformRuntime } from "../transform/runtime";
import { StepFailedError } from "./step-failed-error";

/** A step with its params validated and its columns checked, ready to run. */
export interface PlannedStep {
  /** The step's path through composed transforms: `filterData > limitHistory`. */
  readonly path: string;
  readonly label: string;
  readonly transform: TransformRuntime;
  readonly resolved: Record<string, unknown>;
  readonly contract: ColumnContract;
  /** The planned steps of a composite; empty for a primitive. */
  readonly children: readonly PlannedStep[];
  /** The columns after this step. */
  readonly columnsOut: readonly string[];
  /** The schema after this step, when the plan was made from a schema (else undefined). */
  readonly schemaOut?: TableSchema;
  /** The schema before this step, when the plan was made from a schema (else undefined). */
  readonly schemaIn?: TableSchema;
}

function resolveStep(spec: StepSpec, path: string): Record<string, unknown> {
  try {
    return spec.transform.resolveParams(spec.params);
  } catch (error) {
    if (error instanceof TransformParamError && path !== spec.transform.transformName) {
      throw new TransformParamError(path, error.param, error.detail);
    }
    throw error;
  }
}

/**
 * The step's contract on an input with these types. Its check of the params against them (a fill value of
 * another kind than its column's declared type) throws what the run would throw, as the run does: a
 * {@link StepFailedError} naming the step's path, before any row is read.
 */
function contractAt(spec: StepSpec, resolved: Record<string, unknown>, path: string, types?: TableSchema) {
  try {
    return spec.transform.contract(resolved, types);
  } catch (error) {
    throw new StepFailedError(path, error);
  }
}

/**
 * Pre-flight: validate every step's params and check every step's column contract against the columns that
 * will exist when it runs, descending into composed steps, before any data is touched. Given the input's
 * `schema`, the types are checked too (needed columns' types, added columns that exist already) and each
 * planned step carries the schema after it.
 * Throws the first `TransformParamError`, `MissingColumnsError`, `ColumnTypeError` or `ColumnExistsError`,
 * naming the step's path, or the `StepFailedError` of a step whose params its check refuses on those types.
 */
export function planSteps(
  columns: readonly string[],
  steps: readonly StepSpec[],
  parent = "",
  schema?: TableSchema,
): PlannedStep[] {
  const planned: PlannedStep[] = [];
  let current = columns;
  let types = schema;
  for (const spec of steps) {
    const label = spec.label ?? spec.transform.transformName;
    const path = parent ? `${parent} > ${label}` : label;
    const resolved = resolveStep(spec, path);
    if (spec.transform.kind === "composite") {
      const children = planSteps(current, spec.transform.expand(resolved), path, types);
      const last = children.at(-1);
      const columnsOut = last?.columnsOut ?? current;
      const schemaOut = last === undefined ? types : last.schemaOut;
      planned.push({
        path,
        label,
        transform: spec.transform,
        resolved,
        contract: foldPlanned(children),
        children,
        columnsOut,
        ...(schemaOut === undefined ? {} : { schemaOut }),
      });
      current = columnsOut;
      types = schemaOut;
      continue;
    }
    const contract = contractAt(spec, resolved, path, types);
    checkContract(path, current, types, contract);
    const columnsOut = columnsAfter(current, contract);
    const schemaOut = types === undefined ? undefined : schemaAfter(current, types, contract);
    planned.push({
      path,
      label,
      transform: spec.transform,
      resolved,
      contract,
      children: [],
      columnsOut,
      ...(schemaOut === undefined ? {} : { schemaOut }),
      ...(types === undefined ? {} : { schemaIn: types }),
    });
    current = columnsOut;
    types = schemaOut;
  }
  return planned;
}

/** The contract of a sequence of steps seen as one: what it needs from its input, adds and removes. */
export function foldContracts(contracts: readonly ColumnContract[]): ColumnContract {
  const needs: string[] = [];
  const added = new Set<string>();
  const removed = new Set<string>();
  // After a step that keeps only some columns, the sequence's output is known exactly.
  let kept: string[] | undefined;
  for (const contract of contracts) {
    for (const column of contract.needs) {
      if (!added.has(column) && kept?.includes(column) !== true && !needs.includes(column))
        needs.push(column);
    }
    if (contract.keepsOnly !== undefined || kept !== undefined) {
      kept = columnsAfter(kept ?? [], contract);
      for (const column of contract.adds) added.add(column);
      continue;
    }
    for (const column of contract.removes) {
      if (added.has(column)) added.delete(column);
      else removed.add(column);
    }
    for (const column of contract.adds) {
      added.add(column);
      removed.delete(column);
    }
  }
  if (kept !== undefined)
    return { needs, adds: kept.filter((c) => added.has(c)), removes: [], keepsOnly: kept };
  return { needs, adds: [...added], removes: [...removed] };
}

function foldPlanned(children: readonly PlannedStep[]): ColumnContract {
  return foldContracts(children.map((child) => child.contract));
}
