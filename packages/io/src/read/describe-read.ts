import { formatWhole } from "@tablepipe/core/internal";
import type { ReadReport } from "./types";

/** A finished read as text for a log: a one-line summary, and a line on dropped rows when any were dropped. */
export interface ReadDescription {
  /**
   * `read 1,000 rows from trips.csv in 120 ms`, with the worker threads that parsed them (`on 2 worker
   * threads`) and the rows `rowGroupBounds` skipped unread, if any.
   */
  readonly summary: string;
  /** `dropped 3 rows with invalid values (id 1, amount 2); e.g. trips.csv line 3, column id: …`, if any. */
  readonly dropped?: string;
}

/**
 * Describe a read's report for a log (IO never logs: its caller decides where the lines go).
 * @example
 * const { table, report } = await readTableWithReport("trips.csv", Trip, { onInvalid: "drop" });
 * const { summary, dropped } = describeRead(report);
 * log.debug(summary); if (dropped) log.warn(dropped);
 */
export function describeRead(report: ReadReport): ReadDescription {
  const files = report.files.length === 1 ? report.files[0] : `${report.files.length} files`;
  const skipped =
    report.skippedRows === undefined || report.skippedRows === 0
      ? ""
      : `, skipped ${formatWhole(report.skippedRows)} rows unread (Parquet row groups outside the read's bounds)`;
  const threads =
    report.threads === undefined || report.threads === 0
      ? ""
      : ` on ${report.threads} worker thread${report.threads === 1 ? "" : "s"}`;
  const summary = `read ${rowsText(report.rows)} from ${files} in ${formatWhole(report.ms)} ms${threads}${skipped}`;
  if (report.droppedRows === 0) return { summary };
  const counts = Object.entries(report.invalidByColumn)
    .map(([column, n]) => `${column} ${formatWhole(n)}`)
    .join(", ");
  const examples = report.examples
    .slice(0, 5)
    .map(
      (e) =>
        `${e.file}${e.line === undefined ? ` row ${e.row}` : ` line ${e.line}`}${e.column ? `, column ${e.column}` : ""}: ${e.reason}`,
    )
    .join("; ");
  return {
    summary,
    dropped: `dropped ${rowsText(report.droppedRows)} with invalid values (${counts}); e.g. ${examples}`,
  };
}

/** `1 row`, `1,200 rows`. */
function rowsText(rows: number): string {
  return `${formatWhole(rows)} row${rows === 1 ? "" : "s"}`;
}
