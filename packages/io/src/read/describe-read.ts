import { formatWhole } from "@tablepipe/core/internal";
import type { ReadReport } from "./types";

/** A finished read as text for a log: a one-line summary, and a line on dropped rows when any were dropped. */
export interface ReadDescription {
  /**
   * `read 1,000 rows from trips.csv in 120 ms`, with the worker threads that parsed them (`on 2 worker
   * threads`) and the rows `rowGroupBounds` skipped unread, if any.
   */
  readonly summary: string;
  /**
   * `dropped 3 rows with invalid values (id 1, amount 2); e.g. trips.csv line 3, column id: …`, if any: the counts
   * in the report's order (the column whose first invalid value comes first in the files first).
   */
  readonly dropped?: string;
  /**
   * `column note: not in the file, read as null` (`not in 2 of 3 files (a.csv, b.csv)` of several), for each
   * optional schema column a file lacked, if any: a misspelt or renamed header shows here.
   */
  readonly absent?: string;
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
  const absent = absentText(report);
  const described = absent === undefined ? { summary } : { summary, absent };
  if (report.droppedRows === 0) return described;
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
    ...described,
    dropped: `dropped ${rowsText(report.droppedRows)} with invalid values (${counts}); e.g. ${examples}`,
  };
}

/** `1 row`, `1,200 rows`. */
function rowsText(rows: number): string {
  return `${formatWhole(rows)} row${rows === 1 ? "" : "s"}`;
}

/** The optional columns files lacked: `column note: not in the file, read as null; column x: not in 1 of 2 files (b.csv), ...`. */
function absentText(report: ReadReport): string | undefined {
  const absent = Object.entries(report.absentColumns ?? {});
  if (absent.length === 0) return undefined;
  const total = report.files.length;
  return absent
    .map(([column, files]) => {
      const where = total === 1 ? "the file" : `${files.length} of ${total} files (${files.join(", ")})`;
      return `column ${column}: not in ${where}, read as null (or its default)`;
    })
    .join("; ");
}
