import { type ColumnSpec, csvDelimiterOf } from "@tablepipe/io";
import { csvBodyKinds } from "./csv-body-kinds";
import { NO_TRUST, type ReadTrust, typedReadRisks } from "./fast-csv-read";
import { sqlString } from "./sql-text";
import { ODD_STAMP } from "./stamp-lines";

/**
 * The bytes DuckDB reads into each of its CSV buffers: 8 MiB, four of its longest lines by default
 * (`max_line_size`, 2 MiB; a buffer must hold one), where its default is 32 MiB: the scan runs faster on the
 * smaller buffers (1M trips: the run −58 ± 8 ms, 10 alternating pairs; 10M: −0.2 to −0.5 s and −0.1 GB).
 */
const BUFFER_BYTES = 8 * 1024 * 1024;

/**
 * DuckDB's names of a file's columns, `c0`, `c1`, ... one per field of its header record (`width` of them):
 * never the header's own names, which may repeat or be blank. Columns are found by the header record's own
 * names (`readCsvHeaderRecord`, readTable's reading of them).
 * @example fileColumnNames(3) // ["c0", "c1", "c2"]
 */
export function fileColumnNames(width: number): string[] {
  return Array.from({ length: width }, (_, i) => `c${i}`);
}

/**
 * read_csv of one file whose columns DuckDB names `header` (see {@link fileColumnNames}): the header record
 * skipped, every column as text (quoted `""` an empty string, an empty cell null), or the columns `numbers`
 * names as DOUBLE. Nothing is sniffed (`auto_detect = false`): the delimiter, quotes, header and columns are all
 * given, and a sniff costs a sample read of the file at every bind (three binds a run: ~10 ms each at 1M trips).
 * A record with another number of fields, or a CR inside a line, is DuckDB's "invalid input" error, which sends
 * the files to readTable. Unsniffed, DuckDB has no row estimate for the file (it guesses 42 rows): a query over
 * such a read keeps its joins' sides as written (see `KEEP_JOIN_SIDES`).
 */
export function readCsvSql(file: string, header: readonly string[], numbers?: ReadonlySet<string>): string {
  const columns = header.map((name) => `${sqlString(name)}: '${numbers?.has(name) ? "DOUBLE" : "VARCHAR"}'`);
  return `read_csv(${sqlString(file)}, header = true, auto_detect = false, columns = {${columns.join(", ")}}, delim = ${sqlString(csvDelimiterOf(file))}, quote = '"', escape = '"', allow_quoted_nulls = false, buffer_size = ${BUFFER_BYTES})`;
}

/** One file's read_csv for the fast read, and what a scan of its bytes vouches for (see `ReadTrust`). */
export interface FastSource extends ReadTrust {
  readonly sql: string;
  /**
   * With `ahead`, when the trust was chosen on the first chunk alone: the scan of the whole body, to run beside
   * the query; true when it vouches for the same (the read is sound), false when it does not (or cannot read the
   * file): a query over the read must then be dropped, and the file read again as the scan says.
   */
  readonly confirm?: () => Promise<boolean>;
}

/** The body bytes `ahead` judges before choosing the trust: the scan's first chunk. */
const FIRST_CHUNK = 1 << 20;

/** The file columns of `kind` among the schema's (`found`: each spec's file column, -1 when absent). */
function fileColumnsOf(
  specs: readonly ColumnSpec[],
  found: readonly number[],
  kinds: readonly ColumnSpec["kind"][],
): number[] {
  return specs.flatMap((spec, c) => {
    const index = found[c] ?? -1;
    return kinds.includes(spec.kind) && index >= 0 ? [index] : [];
  });
}

/**
 * How the fast read reads one file, from a scan of its bytes: its number columns as DOUBLE when the scan finds
 * none of the kinds under which DuckDB's typed read could differ from readTable's (`typedReadRisks`), else
 * every column as text (guarded cell by cell); its time-stamp columns by the cast alone when every cell of them
 * is canonical (`stamp-lines.ts`), else guarded. The scan takes ~0.4 s per 800 MB; the typed read saves ~2 s of
 * the ~6.7 s the text read of 10M taxi trips takes (with the first filters), the unguarded time stamps ~47 ms
 * of the 1M-trip query. A file the scan cannot read is read with every guard (DuckDB then names the error).
 * `bodyStart`: where the file's body starts (`readCsvHeaderRecord`). `ahead`: the trust is chosen on the body's
 * first chunk, and the whole scan is left to run beside the query (`confirm`).
 */
export async function fastSource(
  file: string,
  specs: readonly ColumnSpec[],
  header: readonly string[],
  found: readonly number[],
  bodyStart: number,
  ahead = false,
): Promise<FastSource> {
  const numbers = fileColumnsOf(specs, found, ["float", "int"]);
  const fields = fileColumnsOf(specs, found, ["timestamp"]);
  if (numbers.length === 0 && fields.length === 0) return { sql: readCsvSql(file, header), ...NO_TRUST };
  const risks = typedReadRisks(specs, found);
  const stamps = fields.length === 0 ? undefined : { fields, delimiter: csvDelimiterOf(file).charCodeAt(0) };
  // with time stamps to check, the scan reads on past a risky byte
  const scan = { enough: stamps === undefined ? risks : 0, bodyStart, stamps };
  // a file the scan cannot read vouches for nothing
  const kindsOf = (limit?: number) =>
    csvBodyKinds(file, limit === undefined ? scan : { ...scan, limit }).catch(() => risks | ODD_STAMP);
  const trustOf = (kinds: number): ReadTrust => ({
    typedNumbers: numbers.length > 0 && (kinds & risks) === 0,
    canonicalStamps: stamps !== undefined && (kinds & ODD_STAMP) === 0,
  });
  const trust = trustOf(await kindsOf(ahead ? FIRST_CHUNK : undefined));
  const typed = new Set(trust.typedNumbers ? numbers.map((n) => header[n] as string) : []);
  const source = { sql: readCsvSql(file, header, typed), ...trust };
  if (!ahead || (!trust.typedNumbers && !trust.canonicalStamps)) return source;
  // sound when the whole body vouches for all the first chunk did
  const holds = (whole: ReadTrust): boolean =>
    (!trust.typedNumbers || whole.typedNumbers) && (!trust.canonicalStamps || whole.canonicalStamps);
  return { ...source, confirm: () => kindsOf().then((kinds) => holds(trustOf(kinds))) };
}
