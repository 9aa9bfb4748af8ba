import { columnArray } from "@tablepipe/core";
import type { PlannedStep } from "@tablepipe/core/internal";
import { BitSet, type ColumnTable, table as makeTable } from "arquero";
import { gatherRows } from "../columns/gather-rows";

/** The hidden column that carries each row's position in its batch through the streamed steps. */
export const ROW_POSITION = "\u0000row";

/** How the streamed steps run on a narrow batch: the source columns they read, and the columns they output. */
export interface NarrowPlan {
  /** Source columns the steps read (their contracts' `needs`), in source order. */
  readonly read: readonly string[];
  /** The columns after the last step, in order (source columns are gathered for the rows that survive). */
  readonly output: readonly string[];
  /** The output columns the steps themselves give: those they read, and those they add (or overwrite). */
  readonly fromSteps: ReadonlySet<string>;
}

/**
 * Late materialisation: when the row-local steps read few of the source's columns and drop none, they run
 * on a batch of just those columns (plus each row's position), and the other columns are gathered once, for
 * the rows that survive them, instead of being copied by every filter. Undefined when it would not pay.
 * Relies on the row-local contract: a row-local step reads only the columns it declares it needs.
 */
export function narrowPlan(
  sourceColumns: readonly string[],
  streamed: readonly PlannedStep[],
): NarrowPlan | undefined {
  if (streamed.length === 0 || streamed.some((step) => step.contract.removes.length > 0)) return undefined;
  const needed = new Set(streamed.flatMap((step) => step.contract.needs));
  const read = sourceColumns.filter((name) => needed.has(name));
  if (read.length * 2 > sourceColumns.length) return undefined;
  const fromSteps = new Set([...read, ...streamed.flatMap((step) => step.contract.adds)]);
  return { read, output: (streamed.at(-1) as PlannedStep).columnsOut, fromSteps };
}

/** The columns of `part` the steps read, and each row's position (0, 1, 2, ...). */
function narrowColumns(
  part: ColumnTable,
  plan: NarrowPlan,
): { all: Uint32Array; data: Record<string, ArrayLike<unknown>> } {
  const all = new Uint32Array(part.numRows());
  for (let i = 0; i < all.length; i++) all[i] = i;
  const data: Record<string, ArrayLike<unknown>> = {};
  for (const name of plan.read) data[name] = part.column(name) as unknown as ArrayLike<unknown>;
  return { all, data };
}

/**
 * Run `steps` on the narrow form of `part` (a table that shows all its rows, unfiltered) and return the
 * table they would have returned on `part` itself: the columns of `plan.output`, the rows that survived.
 */
export function runNarrow(
  part: ColumnTable,
  plan: NarrowPlan,
  steps: (narrow: ColumnTable) => ColumnTable,
): ColumnTable {
  const { all, data } = narrowColumns(part, plan);
  data[ROW_POSITION] = all;
  // the steps' output may be a filtered view: its rows are read through the view (no reify: a copy per row)
  const out = steps(makeTable(data, [...plan.read, ROW_POSITION]));
  const survivors = columnArray(out, ROW_POSITION) as ArrayLike<number>;
  const columns: Record<string, ArrayLike<unknown>> = {};
  for (const name of plan.output) {
    columns[name] = plan.fromSteps.has(name)
      ? columnArray(out, name)
      : gatherRows(part.column(name) as unknown as ArrayLike<unknown>, survivors);
  }
  return makeTable(columns, [...plan.output]);
}

/**
 * Run row-local filters that say which rows they keep (`keepRows`) on the narrow form of `part`: `filter`
 * gets the narrow batch and all its rows and returns the rows left, one list passed from filter to filter.
 * `cut`, when given, gets a view of those rows (with each row's position) and may drop more (the first-N
 * cutoff). The output columns (`plan.output`, all source columns: filters add none) are gathered once, for
 * the rows left. Same table as {@link runNarrow} with the filters' `apply`.
 */
export function runNarrowRows(
  part: ColumnTable,
  plan: NarrowPlan,
  filter: (narrow: ColumnTable, rows: Uint32Array) => Uint32Array,
  cut?: (narrow: ColumnTable) => ColumnTable,
): ColumnTable {
  const { all, data } = narrowColumns(part, plan);
  let survivors: ArrayLike<number> = filter(makeTable(data, [...plan.read]), all);
  if (cut !== undefined && survivors.length > 0) {
    const shown = new BitSet(all.length);
    for (let i = 0; i < survivors.length; i++) shown.set(survivors[i] as number);
    const view = makeTable({ ...data, [ROW_POSITION]: all }, [...plan.read, ROW_POSITION]).create({
      filter: shown,
    });
    survivors = columnArray(cut(view), ROW_POSITION) as ArrayLike<number>;
  }
  const columns: Record<string, ArrayLike<unknown>> = {};
  for (const name of plan.output)
    columns[name] = gatherRows(part.column(name) as unknown as ArrayLike<unknown>, survivors);
  return makeTable(columns, [...plan.output]);
}
