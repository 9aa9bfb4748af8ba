import { mapColumns } from "./aliases";
import { BatchIssues } from "./invalid-values";
import { type ReadContext, settleBatch } from "./read-context";
import { formatTimestamp } from "./timestamp";

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

/** Map a file's column names onto the schema: for each schema column, the file column name or undefined. */
export function mapNamedColumns(ctx: ReadContext, names: readonly string[]): (string | undefined)[] {
  return mapColumns(ctx.file, names, ctx.specs, ctx.aliases).map((index) =>
    index < 0 ? undefined : names[index],
  );
}

/**
 * Append one batch of already-decoded columns (Parquet row group, Arrow table) to the builders, checking
 * every value against its column's kind; `firstRow` is the 0-based file row of the batch's first row.
 */
export function appendValueBatch(
  ctx: ReadContext,
  columns: readonly (ArrayLike<unknown> | undefined)[],
  count: number,
  firstRow: number,
): void {
  const issues = new BatchIssues(ctx.invalid.mode === "error");
  const base = ctx.rows;
  ctx.builders.forEach((builder, c) => {
    const values = columns[c];
    if (values === undefined) builder.appendAbsent(count);
    else builder.appendValues(values, issues, c);
  });
  settleBatch(
    ctx,
    base,
    count,
    issues,
    (r) => ({ row: firstRow + r + 1 }),
    (r, c) => valueText(columns[c]?.[r]),
  );
}
