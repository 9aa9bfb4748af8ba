import { type ColumnSpec, csvDelimiterOf } from "@tablepipe/io";
import { csvBodyKinds } from "./csv-body-kinds";
import { typedReadRisks } from "./fast-csv-read";
import { sqlString } from "./sql-text";

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

/** One file's read_csv for the fast read, and whether it reads the number columns as DOUBLE. */
export interface FastSource {
  readonly sql: string;
  readonly typedNumbers: boolean;
  /**
   * With `ahead`, when the typed read was chosen on the first chunk alone: the scan of the whole body, to run
   * beside the query; true when it finds none of the risks (the typed read is sound), false when it does (or
   * cannot read the file): a query over the typed read must then be dropped, and the file read again as the
   * scan says.
   */
  readonly confirm?: () => Promise<boolean>;
}

/** The body bytes `ahead` judges before choosing the typed read: the scan's first chunk. */
const FIRST_CHUNK = 1 << 20;

/**
 * How the fast read reads one file: its number columns as DOUBLE when a scan of its bytes finds none of the
 * kinds under which DuckDB's typed read could differ from readTable's (`typedReadRisks`), else every column as
 * text (guarded cell by cell). The scan takes ~0.4 s per 800 MB; the typed read saves ~2 s of the ~6.7 s the
 * text read of 10M taxi trips takes (with the first filters). A file the scan cannot read is read as text
 * (DuckDB then names the error). `bodyStart`: where the file's body starts (`readCsvHeaderRecord`). `ahead`:
 * the typed read is chosen when the body's first chunk holds none of the risks, and the whole scan is left to
 * run beside the query (`confirm`).
 */
export async function fastSource(
  file: string,
  specs: readonly ColumnSpec[],
  header: readonly string[],
  found: readonly number[],
  bodyStart: number,
  ahead = false,
): Promise<FastSource> {
  const numbers = new Set(
    specs.flatMap((spec, c) => {
      const index = found[c] ?? -1;
      return (spec.kind === "float" || spec.kind === "int") && index >= 0 ? [header[index] as string] : [];
    }),
  );
  if (numbers.size > 0) {
    const risks = typedReadRisks(specs, found);
    const scan = { enough: risks, bodyStart };
    // a file the scan cannot read counts as risky: it is read as text
    const kindsOf = (limit?: number) =>
      csvBodyKinds(file, limit === undefined ? scan : { ...scan, limit }).catch(() => risks);
    const clean = (kinds: number) => (kinds & risks) === 0;
    if (clean(await kindsOf(ahead ? FIRST_CHUNK : undefined))) {
      const typed = readCsvSql(file, header, numbers);
      return ahead
        ? { sql: typed, typedNumbers: true, confirm: () => kindsOf().then(clean) }
        : { sql: typed, typedNumbers: true };
    }
  }
  return { sql: readCsvSql(file, header), typedNumbers: false };
}
