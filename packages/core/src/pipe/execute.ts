import type { ColumnTable } from "arquero";
import { inferTableColumnType } from "../schema/infer-schema";
import type { ColumnType, TableSchema } from "../schema/logical-types";
import { attachSchema, declaredSchema } from "../schema/registry";
import { verifyOutput } from "../transform/define-transform";
import type { FirstDistinctRows } from "../transform/runtime";
import type { PlannedStep } from "./plan";
import { StepFailedError } from "./step-failed-error";
import { primitiveTraceEntry } from "./step-trace-entry";
import type { TraceEntry } from "./trace";

/**
 * `table` knowing the schema the plan gave its columns, when it has none of its own (a batch of a streamed
 * read, a slice of columns): a transform its implementation calls then checks the declared types, not ones
 * read from the values (where epoch milliseconds are mere numbers). The table itself is not changed.
 */
export function withPlannedSchema(table: ColumnTable, schema: TableSchema | undefined): ColumnTable {
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
  return checkedOutput(planned, output, table.columnNames());
}

/**
 * A step's output checked against its contract (and against the `input` columns, which it keeps unless the
 * contract removes them), and given the schema the plan gave its output.
 */
function checkedOutput(planned: PlannedStep, output: ColumnTable, input: readonly string[]): ColumnTable {
  const verified = verifyOutput(planned.path, output, planned.contract, input);
  return planned.schemaOut === undefined ? verified : attachSchema(verified, planned.schemaOut);
}

/**
 * Run a planned dedupe on every column and the first-N step after it as one (the first-N step's
 * `keepFirstDistinctRows`, which it must have): its output, checked against the first-N step's contract, and
 * the distinct rows of `table`. A throw becomes a {@link StepFailedError} naming the first-N step's path.
 */
export function runFirstDistinctStep(
  dedupe: PlannedStep,
  firstN: PlannedStep,
  table: ColumnTable,
): FirstDistinctRows {
  const keep = firstN.transform.keepFirstDistinctRows;
  if (keep === undefined)
    throw new StepFailedError(firstN.path, new Error("the step has no keepFirstDistinctRows"));
  let output: FirstDistinctRows;
  try {
    output = keep(withPlannedSchema(table, dedupe.schemaIn), firstN.resolved);
  } catch (error) {
    throw new StepFailedError(firstN.path, error);
  }
  return {
    table: checkedOutput(firstN, output.table, table.columnNames()),
    distinctRows: output.distinctRows,
  };
}

/**
 * Run a planned row-local filter's `keepRows` on `rows` (backing rows of `table`, ascending): the rows it
 * keeps. A throw becomes a {@link StepFailedError} naming its path, as does an answer that is not an ascending
 * subset of `rows` (which would corrupt the rows of a streamed read).
 */
export function runKeepRows(planned: PlannedStep, table: ColumnTable, rows: Uint32Array): Uint32Array {
  const keepRows = planned.transform.keepRows;
  if (keepRows === undefined) throw new StepFailedError(planned.path, new Error("the step has no keepRows"));
  let kept: Uint32Array;
  try {
    kept = keepRows(withPlannedSchema(table, planned.schemaIn), rows, planned.resolved);
  } catch (error) {
    throw new StepFailedError(planned.path, error);
  }
  // an ascending subset: walk both lists once
  let at = 0;
  for (let i = 0; i < kept.length; ++i) {
    const row = kept[i]!;
    while (at < rows.length && rows[at]! < row) at++;
    if (at === rows.length || rows[at] !== row) {
      throw new StepFailedError(
        planned.path,
        new Error(
          `keepRows returned row ${row} (at ${i}), which is not one of the rows it was given, in order`,
        ),
      );
    }
    at++;
  }
  return kept;
}

/** The output of running planned steps: the table and what each step did. */
export interface PlanOutput {
  readonly table: ColumnTable;
  readonly trace: TraceEntry[];
}

/**
 * Run planned steps in order on `table`, recording rows in/out and milliseconds for each; the generator yields
 * before each primitive step (composites are walked into), so that its driver may pause there.
 */
function* planRun(table: ColumnTable, steps: readonly PlannedStep[]): Generator<void, PlanOutput, void> {
  const trace: TraceEntry[] = [];
  let current = table;
  for (const planned of steps) {
    if (planned.children.length > 0 || planned.transform.kind === "composite") {
      const started = performance.now();
      const rowsIn = current.numRows();
      const inner = yield* planRun(current, planned.children);
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
      yield;
      const started = performance.now();
      const rowsIn = current.numRows();
      current = runPrimitiveStep(planned, current);
      trace.push(
        primitiveTraceEntry(planned, { rowsIn, rowsOut: current.numRows(), ms: performance.now() - started }),
      );
    }
  }
  return { table: current, trace };
}

/** Run planned steps in order on `table`, recording rows in/out and milliseconds for each. */
export function executePlan(table: ColumnTable, steps: readonly PlannedStep[]): PlanOutput {
  const run = planRun(table, steps);
  for (;;) {
    const next = run.next();
    if (next.done === true) return next.value;
  }
}

/**
 * {@link executePlan}, awaiting `pause()` before each primitive step: a rejection of `pause` stops the run there
 * (a job stops on an interrupt so); a composite's milliseconds include its steps' pauses.
 */
export async function executePlanPausing(
  table: ColumnTable,
  steps: readonly PlannedStep[],
  pause: () => Promise<void>,
): Promise<PlanOutput> {
  const run = planRun(table, steps);
  for (;;) {
    const next = run.next();
    if (next.done === true) return next.value;
    await pause();
  }
}
