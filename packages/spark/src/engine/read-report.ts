import { type InvalidValueExample, invalidValueReason, type ReadReport } from "@tablepipe/io";
import { arrowToTable } from "../client/arrow";
import type { SparkCallOptions } from "../client/spark-connect-client";
import { BAD, BAD_VALUE, FILE, type FileColumn, flagColumn, flaggedTextColumn, ID } from "./checked-columns";
import { malformedReason } from "./csv-record";
import { fileName } from "./file-order";
import { type PlacesSource, recordPlaces } from "./record-places";
import type { SchemaFiles } from "./sources";
import type { SparkSession } from "./spark-session";
import { quote, sparkString } from "./spark-sql-text";

/** readTable's label of malformed CSV records in a report's counts. */
const MALFORMED_ROW = "(malformed row)";
/** The examples readTable keeps of each column's invalid values. */
const EXAMPLES_PER_COLUMN = 3;

/** One file of the cached checked read, from {@link fileSummaries}. */
export interface FileSummary {
  /** Spark's URI of the file. */
  readonly file: string;
  /** The least and greatest number of its rows in Spark's read order. */
  readonly low: bigint;
  readonly high: bigint;
  /** Its records, and those holding an invalid cell or malformed (dropped with `onInvalid: "drop"`). */
  readonly rows: number;
  readonly dropped: number;
  /** The invalid cells of each schema column, then (CSV) the malformed records. */
  readonly invalid: readonly number[];
  /** The number of its last malformed record (CSV), if any. */
  readonly lastMalformed?: bigint;
}

/**
 * Each file's rows, row numbers and invalid cells per column in the cached checked read `checked`: one aggregate
 * query, the pass that numbers the rows in readTable's order (counts only: the first of each column, which a
 * `min_by` per column would give, cost a clean read as much as the rest of this query).
 */
export async function fileSummaries(
  session: SparkSession,
  files: SchemaFiles,
  checked: string,
  label: string,
  call: SparkCallOptions,
): Promise<FileSummary[]> {
  const [file, id, bad] = [quote(FILE), quote(ID), quote(BAD)];
  const tested = [
    ...files.schema.specs.map((_, i) => quote(flagColumn(i))),
    ...(files.format === "csv" ? [`${bad} = -1`] : []),
  ];
  const perColumn = tested.map((flag, c) => `count_if(${flag}) AS ${quote(`n${c}`)}`);
  const list = [
    `${file} AS f`,
    `min(${id}) AS lo`,
    `max(${id}) AS hi`,
    "count(*) AS n",
    `count_if(${bad} IS NOT NULL) AS d`,
    ...perColumn,
    ...(files.format === "csv" ? [`max(CASE WHEN ${bad} = -1 THEN ${id} END) AS lm`] : []),
  ];
  const sql = `SELECT ${list.join(", ")} FROM ${quote(checked)} GROUP BY ${file}`;
  const result = await session.client.sql(sql, `numbering the rows of ${label}`, call);
  const rows = arrowToTable(result.batches).objects() as Record<string, unknown>[];
  return rows.map((row) => ({
    file: row.f as string,
    low: BigInt(row.lo as bigint),
    high: BigInt(row.hi as bigint),
    rows: Number(row.n),
    dropped: Number(row.d),
    ...(row.lm === null || row.lm === undefined ? {} : { lastMalformed: BigInt(row.lm as bigint) }),
    invalid: tested.map((_, c) => Number(row[`n${c}`])),
  }));
}

/** An invalid cell (or malformed record, column -1) of the read, for an example. */
interface Found {
  readonly column: number;
  readonly file: string;
  readonly id: bigint;
  readonly text: string | null;
}

/**
 * The first {@link EXAMPLES_PER_COLUMN} invalid cells of each checked column, files in readTable's order
 * (`ordered`), from one query: for each column, the first of each file that holds some (by the summaries'
 * counts) until there are three, each a filtered `ORDER BY ... LIMIT` of the cached read.
 */
async function firstFound(
  session: SparkSession,
  files: SchemaFiles,
  checked: string,
  ordered: readonly FileSummary[],
  call: SparkCallOptions,
): Promise<Found[]> {
  const columns = ordered[0]?.invalid.length ?? 0;
  const malformed = files.format === "csv" ? columns - 1 : -1;
  const found: Found[] = [];
  const more: { column: number; file: string; take: number }[] = [];
  for (let c = 0; c < columns; c++) {
    let need = EXAMPLES_PER_COLUMN;
    const column = c === malformed ? -1 : c;
    for (const summary of ordered) {
      const take = Math.min(summary.invalid[c] ?? 0, need);
      if (take === 0) continue;
      more.push({ column, file: summary.file, take });
      need -= take;
      if (need === 0) break;
    }
  }
  if (more.length === 0) return found;
  const parts = more.map(({ column, file, take }, k) => {
    const flag = column < 0 ? `${quote(BAD)} = -1` : quote(flagColumn(column));
    const text = column < 0 ? quote(BAD_VALUE) : quote(flaggedTextColumn(column));
    const query = `SELECT ${column} AS c, ${quote(FILE)} AS f, ${quote(ID)} AS i, ${text} AS v FROM ${quote(checked)} WHERE ${quote(FILE)} = ${sparkString(file)} AND ${flag} ORDER BY ${quote(ID)} LIMIT ${take}`;
    return `SELECT * FROM (${query}) AS ${quote(`part${k}`)}`;
  });
  const result = await session.client.sql(parts.join(" UNION ALL "), "finding the invalid values", call);
  const rows = arrowToTable(result.batches).objects() as {
    c: number;
    f: string;
    i: bigint | number;
    v: string | null;
  }[];
  for (const row of rows) found.push({ column: Number(row.c), file: row.f, id: BigInt(row.i), text: row.v });
  return found;
}

/**
 * readTable's report of the read (`ReadReport`) from its files' summaries in readTable's order: the rows kept and
 * dropped, invalid values per column (a malformed CSV record under `(malformed row)`) and the first three of
 * each, named as readTable names them (file, line or row, column, value, reason), in readTable's order (file by
 * file, each file's cells and malformed records by line, a line's cells by column). The examples are located by one
 * query over the files (`recordPlaces`), run only when there are some.
 */
export async function readReport(
  session: SparkSession,
  source: PlacesSource,
  ordered: readonly FileSummary[],
  ms: () => number,
  call: SparkCallOptions,
): Promise<ReadReport> {
  const { files, checked, columns } = source;
  const rows = ordered.reduce((sum, s) => sum + s.rows, 0);
  const dropped = ordered.reduce((sum, s) => sum + s.dropped, 0);
  const found = dropped === 0 ? [] : await firstFound(session, files, checked, ordered, call);
  const places = await recordPlaces(session, source, found, call);
  const position = new Map(ordered.map((s, i) => [s.file, i]));
  const key = (f: Found, i: number): number[] => {
    const place = places[i] as { line?: number; row?: number };
    return [position.get(f.file) ?? 0, place.line ?? place.row ?? 0, f.column];
  };
  const sorted = found
    .map((f, i) => ({ f, key: key(f, i), example: example(files, columns, f, places[i] as object) }))
    .sort((a, b) => compareKeys(a.key, b.key));
  const invalidByColumn: Record<string, number> = {};
  for (const { f } of sorted) {
    const name = f.column < 0 ? MALFORMED_ROW : (files.schema.specs[f.column]?.name as string);
    if (invalidByColumn[name] !== undefined) continue;
    const c = f.column < 0 ? (ordered[0]?.invalid.length ?? 0) - 1 : f.column;
    invalidByColumn[name] = ordered.reduce((sum, s) => sum + (s.invalid[c] ?? 0), 0);
  }
  return {
    files: ordered.map((s) => fileName(s.file)),
    ms: ms(),
    rows: rows - dropped,
    droppedRows: dropped,
    invalidByColumn,
    examples: sorted.map((s) => s.example),
  };
}

/** An invalid cell or malformed record as readTable's report shows it. */
function example(
  files: SchemaFiles,
  columns: readonly FileColumn[],
  found: Found,
  place: object,
): InvalidValueExample {
  const file = fileName(found.file);
  const text = found.text ?? "";
  if (found.column < 0) return { file, ...place, reason: malformedReason(files, columns, text) };
  const spec = files.schema.specs[found.column];
  if (spec === undefined) throw new Error(`no schema column ${found.column}`);
  // an empty cell's text is NULL, a quoted `""`'s the empty text
  const { reason } = invalidValueReason(spec, text, found.text !== null);
  return { file, ...place, column: spec.name, value: text, reason };
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return 0;
}
