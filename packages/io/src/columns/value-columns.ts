import { formatTimestamp, isEpochMillis } from "@tablepipe/core";
import { noteAbsentColumns } from "../read/absent-columns";
import { mapColumns } from "../read/aliases";
import { type ReadContext, settleBatch } from "../read/read-context";
import { BatchIssues } from "./invalid-values";

/** One decoded column of a Parquet row group or an Arrow table. */
export interface DecodedColumn {
  /** The values; `null`/`undefined` are empty cells. */
  readonly values: ArrayLike<unknown>;
  /**
   * True when the file types the column as a time stamp or a date: its values were decoded as epoch
   * milliseconds of the UTC wall-clock time (numbers, never Dates).
   */
  readonly epochMillis: boolean;
  /**
   * True when `values` is the read's own fresh array, referenced nowhere else (a Parquet column chunk the
   * direct decoder wrote): a builder may keep it as its storage instead of copying it.
   */
  readonly owned?: boolean;
}

/** A value of a Parquet/Arrow column as text, for error messages. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : formatTimestamp(value);
  if (typeof value === "object") {
    try {
      return (
        JSON.stringify(value, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v)) ?? String(value)
      );
    } catch {
      return String(value);
    }
  }
  return String(value);
}

/** A value of a decoded column as text: an epoch-millisecond value of a time column as its time stamp. */
function decodedText(column: DecodedColumn | undefined, row: number): string {
  const value = column?.values[row];
  return column?.epochMillis && isEpochMillis(value) ? formatTimestamp(value) : valueText(value);
}

/** Map a file's column names onto the schema: for each schema column, the file column name or undefined. */
export function mapNamedColumns(ctx: ReadContext, names: readonly string[]): (string | undefined)[] {
  const found = mapColumns(ctx.file, names, ctx.specs, ctx.aliases);
  noteAbsentColumns(ctx, found);
  return found.map((index) => (index < 0 ? undefined : names[index]));
}

/**
 * Append one batch of already-decoded columns (Parquet row group, Arrow table) to the builders, checking
 * every value against its column's kind; `firstRow` is the 0-based file row of the batch's first row.
 */
export function appendValueBatch(
  ctx: ReadContext,
  columns: readonly (DecodedColumn | undefined)[],
  count: number,
  firstRow: number,
): void {
  const issues = new BatchIssues(ctx.invalid.mode === "error");
  const base = ctx.rows;
  ctx.builders.forEach((builder, c) => {
    const column = columns[c];
    if (column === undefined) builder.appendAbsent(count);
    else if (column.epochMillis) builder.appendEpochMillis(column.values, issues, c, column.owned === true);
    else builder.appendValues(column.values, issues, c, column.owned === true);
  });
  settleBatch(
    ctx,
    base,
    count,
    issues,
    (r) => ({ row: firstRow + r + 1 }),
    (r, c) => decodedText(columns[c], r),
  );
}
