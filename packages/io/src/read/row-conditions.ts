/**
 * A batched read's row conditions: the leading filters of a streamed pipe (`pipeFrom`), as expressions,
 * tested on each batch where it is parsed — in the worker thread of a parallel read — so the rows they drop
 * never cross to the calling thread. The steps' rows in and out are counted here for the pipe's trace.
 */

import { type ExprNode, exprColumns } from "@tablepipe/core";
import { type ExpressionInput, evaluateExpression } from "@tablepipe/core/internal";
import { gatherRows } from "../columns/gather-rows";

/** One condition's rows in and out of one batch, and its milliseconds. */
export interface ConditionTally {
  readonly rowsIn: number;
  readonly rowsOut: number;
  readonly ms: number;
}

/** A batch after its conditions: the columns of the rows kept, how many, and each condition's tally. */
export interface KeptColumns {
  readonly columns: ArrayLike<unknown>[];
  readonly rows: number;
  readonly tallies: ConditionTally[];
}

/** The rows `kept` of a batch of `rows` rows, for an expression reading `read`. */
function inputOf(
  byName: ReadonlyMap<string, ArrayLike<unknown>>,
  rows: number,
  kept: Uint32Array,
  read: readonly string[],
): ExpressionInput {
  if (kept.length === rows) return { rowCount: rows, column: (name) => byName.get(name) ?? [] };
  const gathered = new Map(read.map((name) => [name, gatherRows(byName.get(name) ?? [], kept)]));
  return { rowCount: kept.length, column: (name) => gathered.get(name) ?? [] };
}

/**
 * Keep the rows of a batch (`columns`, named `names`, `rows` rows) on which every condition is true, testing
 * them in order as the steps would run. Undefined when a condition cannot be tested on this batch (it is not
 * boolean here, or it throws): the caller then hands on the batch whole, for the steps themselves to run.
 * @example keepRowsWhere(["fare"], [new Float64Array([5, 20])], 2, [gt(col("fare"), 10)]) // rows: 1
 */
export function keepRowsWhere(
  names: readonly string[],
  columns: readonly ArrayLike<unknown>[],
  rows: number,
  conditions: readonly ExprNode[],
): KeptColumns | undefined {
  const byName = new Map(names.map((name, c) => [name, columns[c] as ArrayLike<unknown>]));
  let kept = new Uint32Array(rows);
  for (let i = 0; i < rows; i++) kept[i] = i;
  const tallies: ConditionTally[] = [];
  for (const condition of conditions) {
    const started = performance.now();
    const rowsIn = kept.length;
    // the condition sees the rows the ones before it kept (row i of its input is kept[i]): all of them
    // as they are, or the columns it reads gathered for the rows kept
    const input = inputOf(byName, rows, kept, exprColumns(condition));
    let result: ReturnType<typeof evaluateExpression>;
    try {
      result = evaluateExpression(condition, input, "read");
    } catch {
      return undefined;
    }
    if (result.kind === "null") kept = kept.subarray(0, 0);
    else if (result.kind !== "boolean") return undefined;
    else {
      const truth = result.values;
      let count = 0;
      for (let i = 0; i < rowsIn; i++) if (truth[i] === 1) kept[count++] = kept[i] as number;
      kept = kept.subarray(0, count);
    }
    tallies.push({ rowsIn, rowsOut: kept.length, ms: performance.now() - started });
  }
  const out = kept.length === rows ? [...columns] : columns.map((values) => gatherRows(values, kept));
  return { columns: out, rows: kept.length, tallies };
}
