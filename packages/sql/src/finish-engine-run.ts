import type { TableSchema, TraceEntry } from "@tablepipe/core";
import { executePlan, nestTrace, type PlannedStep, primitiveTraceEntry } from "@tablepipe/core/internal";
import type { ColumnTable } from "arquero";
import type { CompiledPipe } from "./compile-pipe";
import { plannedSchemaAfter, withPlannedSchema } from "./result-schema";

/** Where one primitive step ran: on the SQL engine named `E`, or in process. */
export interface EnginePlacement<E extends string> {
  /** The step's path through composed transforms (`filterData > limitHistory`). */
  readonly step: string;
  readonly engine: E | "in-process";
}

/**
 * The trace entries of the steps an engine ran, from the one row of `compiled.countSql` (`n0` the source's rows,
 * `n1` the first step's, ...); their milliseconds are 0 (the engine ran them as one query).
 */
export function pushedDownTrace(
  compiled: CompiledPipe,
  counts: Readonly<Record<string, unknown>>,
): TraceEntry[] {
  const steps = compiled.ctes.flatMap((cte) => (cte.step === undefined ? [] : [cte.step]));
  return steps.map((step, i) =>
    primitiveTraceEntry(step, {
      rowsIn: Number(counts[`n${i}`]),
      rowsOut: Number(counts[`n${i + 1}`]),
      ms: 0,
    }),
  );
}

/**
 * The end of a run on a SQL engine: the engine's table declares the column types the in-process run gives
 * them (the plan's, from `sourceSchema`: the pipe's source table's, undefined for files), the steps after the
 * rendered prefix run in process on it, the trace (the engine's counts, then the in-process steps') is nested
 * as the plan is, and each primitive step is placed on the engine or in process.
 */
export function finishEngineRun<E extends string>(
  engine: E,
  planned: readonly PlannedStep[],
  flat: readonly PlannedStep[],
  compiled: CompiledPipe,
  table: ColumnTable,
  pushed: readonly TraceEntry[],
  sourceSchema?: TableSchema,
): { table: ColumnTable; trace: TraceEntry[]; placement: EnginePlacement<E>[] } {
  const schema = plannedSchemaAfter(flat, compiled.renderedSteps, sourceSchema);
  const inProcess = executePlan(withPlannedSchema(table, schema), flat.slice(compiled.renderedSteps));
  const ran = [...pushed, ...inProcess.trace].map((entry, i) => ({
    path: (flat[i] as PlannedStep).path,
    entry,
  }));
  return {
    table: inProcess.table,
    trace: nestTrace(planned, ran),
    placement: flat.map((step, i) => ({
      step: step.path,
      engine: i < compiled.renderedSteps ? engine : "in-process",
    })),
  };
}
