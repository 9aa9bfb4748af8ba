import type { ColumnSpec } from "@tablepipe/io";
import { csvBodyKinds } from "./csv-body-kinds";
import { typedReadRisks } from "./fast-csv-read";
import { sqlString } from "./sql-text";

/** The read_csv options every read of one file shares: its delimiter and quotes, a quoted `""` not null. */
function csvOptions(file: string): string {
  const delimiter = file.toLowerCase().endsWith(".tsv") ? "\t" : ",";
  return `delim = ${sqlString(delimiter)}, quote = '"', escape = '"', allow_quoted_nulls = false`;
}

/**
 * DuckDB's names of a file's columns, `c0`, `c1`, ... one per field of its header record (`width` of them): never
 * the header's own names, which may repeat or be blank. Columns are found by the header's own names
 * (`readCsvHeader`, readTable's reading of them).
 * @example fileColumnNames(3) // ["c0", "c1", "c2"]
 */
export function fileColumnNames(width: number): string[] {
  return Array.from({ length: width }, (_, i) => `c${i}`);
}

/**
 * read_csv of one file whose columns DuckDB names `header` (see {@link fileColumnNames}): the header record
 * skipped, every column as text (quoted `""` an empty string, an empty cell null), or the columns `numbers`
 * names as DOUBLE. Nothing is sniffed (`auto_detect = false`): the dialect and columns are given, which saves
 * DuckDB a sample read of the file at every bind (~15-30 ms each). A record with another number of fields is
 * DuckDB's error, which sends the files to readTable.
 */
export function readCsvSql(file: string, header: readonly string[], numbers?: ReadonlySet<string>): string {
  const columns = header.map((name) => `${sqlString(name)}: '${numbers?.has(name) ? "DOUBLE" : "VARCHAR"}'`);
  return `read_csv(${sqlString(file)}, header = true, auto_detect = false, columns = {${columns.join(", ")}}, ${csvOptions(file)})`;
}

/** One file's read_csv for the fast read, and whether it reads the number columns as DOUBLE. */
export interface FastSource {
  readonly sql: string;
  readonly typedNumbers: boolean;
}

/**
 * How the fast read reads one file: its number columns as DOUBLE when a scan of its bytes finds none of the
 * kinds under which DuckDB's typed read could differ from readTable's (`typedReadRisks`), else every column as
 * text (guarded cell by cell). The scan takes ~0.4 s per 800 MB; the typed read saves ~2 s of the ~6.7 s the
 * text read of 10M taxi trips takes (with the first filters). A file the scan cannot read is read as text
 * (DuckDB then names the error).
 */
export async function fastSource(
  file: string,
  specs: readonly ColumnSpec[],
  header: readonly string[],
  found: readonly number[],
): Promise<FastSource> {
  const numbers = new Set(
    specs.flatMap((spec, c) => {
      const index = found[c] ?? -1;
      return (spec.kind === "float" || spec.kind === "int") && index >= 0 ? [header[index] as string] : [];
    }),
  );
  if (numbers.size > 0) {
    const risks = typedReadRisks(specs, found);
    const kinds = await csvBodyKinds(file, risks).catch(() => risks);
    if ((kinds & risks) === 0) return { sql: readCsvSql(file, header, numbers), typedNumbers: true };
  }
  return { sql: readCsvSql(file, header), typedNumbers: false };
}
