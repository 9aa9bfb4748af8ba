import type { ColumnTable } from "arquero";
import { verifyOutput } from "../transform/define-transform";
import type { PlannedStep } from "./plan";
import { primitiveTraceEntry } from "./step-trace-entry";
import type { TraceEntry } from "./trace";

/** A step's implementation threw: the message names the step's path; the original error is the `cause`. */
export class StepFailedError extends Error {
  override readonly name = "StepFailedError";
  /** True when the cause was bad input (the CLI then prints the message alone). */
  readonly userFacing: boolean;
  constructor(
    readonly step: string,
    cause: unknown,
  ) {
    super(`${step}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.userFacing = (cause as { userFacing?: unknown } | null)?.userFacing === true;
  }
}

/** Run one planned primitive step on `table`; a throw becomes a {@link StepFailedError} naming its path. */
export function runPrimitiveStep(planned: PlannedStep, table: ColumnTable): ColumnTable {
  let output: ColumnTable;
  try {
    output = planned.transform.applyUnchecked(table, planned.resolved);
  } catch (error) {
    throw new StepFailedError(planned.path, error);
  }
  return verifyOutput(planned.path, output, planned.contract);
}

/** Run planned steps in order on `table`, recording rows in/out and milliseconds for each. */
export function executePlan(
  table: ColumnTable,
  steps: readonly PlannedStep[],
): { table: ColumnTable; trace: TraceEntry[] } {
  const trace: TraceEntry[] = [];
  let current = table;
  for (const planned of steps) {
    const started = performance.now();
    const rowsIn = current.numRows();
    if (planned.children.length > 0 || planned.transform.kind === "composite") {
      const inner = executePlan(current, planned.children);
      current = inner.table;
      trace.push({
        step: planned.label,
        transform: planned.transform.transformName,
        rowsIn,
        rowsOut: current.numRows(),
        ms: performance.now() - started,
        children: inner.trace,
      });
    } else {
      current = runPrimitiveStep(planned, current);
      trace.push(
        primitiveTraceEntry(planned, { rowsIn, rowsOut: current.numRows(), ms: performance.now() - started }),
      );
    }
  }
  return { table: current, trace };
}
