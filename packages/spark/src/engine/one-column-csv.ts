import { TableReadError } from "@tablepipe/io";

/**
 * Refuse a CSV read whose header has one column (`names`, the header's), before any row is read: Spark's CSV
 * parser skips blank lines, where a blank line of a one-column file is a row whose one value is missing (as
 * writeTable writes it, and readTable and DuckDB read it), so such rows would be lost without a word.
 */
export function refuseOneColumnCsv(label: string, names: readonly string[]): void {
  if (names.length !== 1) return;
  const name = JSON.stringify((names[0] ?? "").replace(/\r$/, ""));
  throw new TableReadError({
    file: label,
    reason: `the CSV header has one column (${name}), and Spark's CSV reader skips blank lines, where in a one-column file a blank line is a row whose value is missing (as writeTable writes one): Spark would lose those rows; read the file with readTable or pipeFrom, or on DuckDB (csvFile, duckdbCsvFiles)`,
  });
}
