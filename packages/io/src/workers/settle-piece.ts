import { MALFORMED_ROW } from "../columns/invalid-values";
import { TableReadError } from "../errors";
import type { ReadContext } from "../read/read-context";
import type { ConditionTally } from "../read/row-conditions";
import { decodeColumn, type PieceResult } from "./piece-result";

/**
 * Hand one parsed piece on: throw its error (lines shifted to the file's), count its invalid values,
 * deliver its rows (those kept by the read's row conditions, with their tallies, when it was tested on them). Returns the lines it covered.
 */
export function settlePiece(
  ctx: ReadContext,
  result: PieceResult,
  linesBefore: number,
  deliver: (columns: ArrayLike<unknown>[], rows: number, tallies?: readonly ConditionTally[]) => void,
): number {
  const shift = (line: number | undefined): number | undefined =>
    line === undefined ? undefined : line + linesBefore;
  if (!result.ok) {
    const { line, ...rest } = result.error;
    const shifted = shift(line);
    throw new TableReadError(shifted === undefined ? rest : { ...rest, line: shifted });
  }
  ctx.invalid.droppedRows += result.droppedRows;
  const counts = new Map(result.invalidByColumn);
  for (const example of result.examples) {
    const column = example.column ?? MALFORMED_ROW;
    const left = counts.get(column) ?? 0;
    if (left === 0) continue;
    counts.set(column, left - 1);
    const line = shift(example.line);
    ctx.invalid.count(column, () => (line === undefined ? { ...example } : { ...example, line }));
  }
  for (const [column, left] of counts) {
    for (let i = 0; i < left; i++)
      ctx.invalid.count(column, () => ({ file: ctx.file, reason: "invalid value" }));
  }
  if (result.rows > 0) {
    ctx.drained += result.rows;
    const { kept } = result;
    if (kept === undefined) deliver(result.columns.map(decodeColumn), result.rows);
    else deliver(result.columns.map(decodeColumn), kept.rows, kept.tallies);
  }
  return result.lines;
}
