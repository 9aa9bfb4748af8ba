import type { ColumnTable } from "arquero";
import { inferTableColumnType } from "../schema/infer-schema";
import type { ColumnType, TableSchema } from "../schema/logical-types";
import { attachSchema, declaredSchema } from "../schema/registry";
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

/**
 * `table` knowing the schema the plan gave its columns, when it has none of its own (a batch of a streamed
 * read, a slice of columns): a transform its implementation calls then checks the declared types, not ones
 * read from the values (where epoch milliseconds are mere numbers). The table itself is not changed.
 */
function withPlannedSchema(table: ColumnTable, schema: TableSchema | undefined): ColumnTable {
  if (schema === undefined || declaredSchema(table) !== undefined) return table;
  const own: Record<string, ColumnType> = {};
  // a column the plan does not know (a helper column of the batch) is typed from its values
  for (const name of table.columnNames()) own[name] = schema[name] ?? inferTableColumnType(table, name);
  return attachSchema(table.create({}), own);
}

/** Run one planned primitive step on `table`; a throw becomes a {@link StepFailedError} naming its path. */
export function runPrimitiveStep(planned: PlannedStep, table: ColumnTable): ColumnTable {
  let output: ColumnTable;
  try {
    output = planned.transform.applyUnchecked(withPlannedSchema(table, planned.schemaIn), planned.resolved);
  } catch (error) {
    throw new StepFailedError(planned.path, error);
  }
  const verified = verifyOutput(planned.path, output, planned.contract);
  return planned.schemaOut === undefined ? verified : attachSchema(verified, planned.schemaOut);
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
