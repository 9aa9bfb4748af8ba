import { columnArray } from "@tablepipe/core";
import { type PlannedStep, runKeepRows, runPrimitiveStep, withPlannedSchema } from "@tablepipe/core/internal";
import type { ColumnTable } from "arquero";
import type { CandidateRows } from "./candidate-rows";
import { narrowPlan, ROW_POSITION, runNarrow, runNarrowRows } from "./narrow-batch";

/** A streamed step's rows in and out, and milliseconds, summed over the batches. */
export interface StepTally {
  rowsIn: number;
  rowsOut: number;
  ms: number;
}

/** What the streamed steps of a source pipe run with. */
export interface StreamedRun {
  /** The columns of the source. */
  readonly sourceColumns: readonly string[];
  /** The streamed steps this runner runs (the source's columns in, each step's output to the next). */
  readonly steps: readonly PlannedStep[];
  /** Their tallies, one per step, added to. */
  readonly tallies: readonly StepTally[];
  /** A dedupe then first-N after the streamed steps: the candidates held, and the cutoff. */
  readonly candidates: CandidateRows | undefined;
  /** Where the rows that come out go. */
  readonly accumulated: { append(table: ColumnTable): void };
}

/**
 * Run `steps` on each batch (of the source's columns) and append what they keep: on the narrow form of the
 * batch when they read few columns (late materialisation), passing one list of rows from filter to filter
 * when each says which rows it keeps, dropping rows past the first-N step's cutoff as soon as the columns
 * it reads are there.
 */
export function streamedRunner(run: StreamedRun): (part: ColumnTable) => void {
  const { steps, tallies, candidates, accumulated } = run;
  const runSteps = (part: ColumnTable): ColumnTable => {
    let current = part;
    steps.forEach((planned, i) => {
      const tally = tallies[i] as StepTally;
      const stepStarted = performance.now();
      tally.rowsIn += current.numRows();
      current = runPrimitiveStep(planned, current);
      tally.rowsOut += current.numRows();
      tally.ms += performance.now() - stepStarted;
    });
    return current;
  };
  const narrow = narrowPlan(run.sourceColumns, steps);
  // Rows past the first-N step's cutoff are dropped as early as the columns it reads are there: in the
  // narrow batch when it holds them (before the other columns are gathered), else after.
  const cutColumns = candidates?.cutColumns;
  const cutsNarrow = narrow !== undefined && cutColumns?.every((c) => narrow.fromSteps.has(c)) === true;
  // every row reaching the pair is seen before the cut (the dedupe's count is of all of them)
  const cut = (table: ColumnTable): ColumnTable => {
    if (candidates === undefined) return table;
    candidates.see(table);
    return candidates.cut(table);
  };
  // Filters that say which rows they keep (and add no column) pass one list of rows along, not a table each.
  const byRows = steps.every(
    (planned) => planned.transform.keepRows !== undefined && planned.contract.adds.length === 0,
  );
  const filterRows = (narrowTable: ColumnTable, rows: Uint32Array): Uint32Array => {
    // the filters keep every column as it is: the batch is given the plan's schema once, not per filter
    const table = withPlannedSchema(narrowTable, steps[0]?.schemaIn);
    let current = rows;
    steps.forEach((planned, i) => {
      const tally = tallies[i] as StepTally;
      const stepStarted = performance.now();
      tally.rowsIn += current.length;
      current = runKeepRows(planned, table, current);
      tally.rowsOut += current.length;
      tally.ms += performance.now() - stepStarted;
    });
    return current;
  };
  return (part) => {
    if (narrow === undefined || part.isFiltered() || part.isOrdered()) {
      accumulated.append(cut(runSteps(part)));
      return;
    }
    // a narrow view's rows are seen in the whole batch, at their positions (the pair compares every column)
    const cutFirst =
      cutsNarrow && candidates !== undefined
        ? (view: ColumnTable): ColumnTable => {
            candidates.see(part, columnArray(view, ROW_POSITION) as ArrayLike<number>);
            return candidates.cut(view);
          }
        : undefined;
    const out = byRows
      ? runNarrowRows(part, narrow, filterRows, cutFirst)
      : runNarrow(part, narrow, cutFirst === undefined ? runSteps : (table) => cutFirst(runSteps(table)));
    accumulated.append(cutFirst === undefined ? cut(out) : out);
  };
}
