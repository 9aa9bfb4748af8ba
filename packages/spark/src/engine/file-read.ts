import {
  invalidValueReason,
  mapColumns,
  type ReadReport,
  TableReadError,
  zonedTimestampReason,
} from "@tablepipe/io";
import { ROW_ORDER_COLUMN } from "@tablepipe/sql";
import { SparkQueryError } from "../client/errors";
import type { SparkCallOptions } from "../client/spark-connect-client";
import type { Relation } from "../generated/spark/connect/relations_pb";
import {
  BAD,
  BAD_VALUE,
  FILE,
  type FileColumn,
  flagColumn,
  flaggedTextColumn,
  ID,
  MALFORMED,
} from "./checked-columns";
import { explainHeaderFailure, fileColumns } from "./csv-headers";
import { fileOrder } from "./file-order";
import { firstInvalid } from "./first-invalid";
import { explainNanosecondStamps } from "./nanosecond-stamps";
import { refuseOneColumnCsv } from "./one-column-csv";
import { firstOpenQuote } from "./open-quote";
import { type FileSummary, fileSummaries, readReport } from "./read-report";
import type { PlacesSource } from "./record-places";
import { dataSourceRelation, type SchemaFiles, type SparkSource } from "./sources";
import type { SparkSession } from "./spark-session";
import { quote, sparkString } from "./spark-sql-text";
import { TIME_TYPES } from "./spark-type-groups";
import { type CellSql, emptyValueSql, QUOTED_EMPTY, textCellSql } from "./text-cells";
import { typedCellSql } from "./typed-cells";
import { typedStampText } from "./typed-stamp-text";

const sqlRelation = (query: string): Relation => ({ relType: { case: "sql", value: { query } } }) as Relation;

/**
 * The last cell of a CSV record as readTable reads it: Spark splits records at LF only (`lineSep`, so that a CRLF
 * inside quotes is kept), leaving the CR of a CRLF line end on an unquoted last cell (an empty one then NULL).
 */
function withoutLineEndCr(c: string): string {
  return `CASE WHEN endswith(${c}, ${sparkString("\r")}) THEN nullif(substr(${c}, 1, length(${c}) - 1), '') ELSE ${c} END`;
}

/** A schema column's value and invalid flag, and the file column it is read from (none: absent, optional). */
interface MappedCell extends CellSql {
  readonly column: FileColumn | undefined;
  /** The file's cell as read (without a CSV line end's CR), for the message of an invalid one. */
  readonly raw?: string;
}

/** Each schema column's value and invalid flag from the file's columns (by name or alias; absent: default or null). */
function cellsOf(files: SchemaFiles, columns: readonly FileColumn[], label: string): MappedCell[] {
  const { specs, aliases } = files.schema;
  const found = mapColumns(
    label,
    columns.map((c) => c.header),
    specs,
    aliases,
  );
  return specs.map((spec, i) => {
    const column = columns[found[i] ?? -1];
    if (column === undefined) return { layers: [], value: emptyValueSql(spec), bad: "FALSE", column };
    const c = quote(column.name);
    if (files.format === "csv") {
      const raw = column === columns[columns.length - 1] ? withoutLineEndCr(c) : c;
      return { ...textCellSql(spec, raw, i), column, raw };
    }
    if (spec.kind === "timestamp" && column.type === "timestamp" && files.schema.zonedTimestamps !== "utc") {
      // Spark's TimestampType (the session's zone-less type is TIMESTAMP_NTZ): instants, which readTable refuses
      const holds =
        "Spark TimestampType: a Parquet TIMESTAMP adjusted to UTC, INT96, or TIMESTAMP_MILLIS/MICROS without a logical type";
      throw new TableReadError({
        file: label,
        column: spec.name,
        expected: "time stamps without a zone",
        reason: zonedTimestampReason(column.name, holds),
      });
    }
    const cell = typedCellSql(spec, c, column.type, i);
    if (cell === undefined) {
      const { expected } = invalidValueReason(spec, "?");
      throw new TableReadError({
        file: label,
        column: spec.name,
        expected,
        reason: `the file's column "${column.name}" holds ${column.type} values (expected ${expected})`,
      });
    }
    // a time stamp's text as readTable shows a typed file's value (`2024-01-01T10:00:00`)
    const raw = spec.kind === "timestamp" && TIME_TYPES.has(column.type) ? typedStampText(c) : c;
    return { ...cell, column, raw };
  });
}

/** The text of the cell `c` for a message (`""` for a quoted empty cell). */
function cellText(c: string): string {
  const text = `CAST(${c} AS STRING)`;
  return `CASE WHEN ${text} = ${sparkString(QUOTED_EMPTY)} THEN '' ELSE ${text} END`;
}

/**
 * Read a files source with a schema as readTable would into the view `view` (the schema's columns, numbered in
 * readTable's order): the files' columns are found by name before any row is read; every cell converted by
 * readTable's rules into a cached view that flags the invalid ones; the first invalid cell (in that order) is a
 * `TableReadError` naming file, line or row, column and value, unless `onInvalid: "drop"` drops its row.
 * Returns readTable's report of the read (rows, dropped rows, invalid values per column and their first
 * examples), counted by the query that numbers the rows. The views made are added to `views`, the cached ones
 * to `cached`, for the run to release.
 */
export async function readSchemaFiles(
  session: SparkSession,
  source: SparkSource,
  files: SchemaFiles,
  view: string,
  views: string[],
  cached: string[],
  call: SparkCallOptions,
): Promise<ReadReport> {
  const started = performance.now();
  const what = `reading ${source.label}`;
  const columns = await fileColumns(session, files, source.relation, what, call).catch(
    async (error: unknown) => {
      throw files.format === "csv"
        ? explainCsvFailure(error)
        : await explainNanosecondStamps(error, source.relation, source.label);
    },
  );
  const cells = cellsOf(files, columns, source.label);
  if (files.format === "csv")
    refuseOneColumnCsv(
      source.label,
      columns.map((c) => c.header),
    );
  const read = `${view}_read`;
  const checked = `${view}_checked`;
  const ordered = `${view}_ordered`;
  views.push(checked, ordered, view);
  await session.client.createView(read, textRead(files, columns) ?? source.relation, what, call);
  const select = checkedSelect(files, cells, read);
  await session.client.createView(checked, sqlRelation(select), what, call);
  await session.client
    .statement(`CACHE TABLE ${quote(checked)}`, what, call)
    .catch(async (error: unknown) => {
      if (files.format !== "csv") throw error;
      const explained = explainCsvFailure(error);
      // a file Spark could not read: its header checked against the first file's (or its quotes)
      if (explained !== error || !(error instanceof SparkQueryError)) throw explained;
      if (!error.errorClass?.startsWith("FAILED_READ_FILE")) throw error;
      throw await explainHeaderFailure(error, session, files, columns, call);
    });
  cached.push(checked);
  const summaries = await fileSummaries(session, files, checked, source.label, call);
  const { order, sorted } = orderedSelect(files, summaries, checked, source.label);
  await session.client.createView(ordered, sqlRelation(order), what, call);
  const places: PlacesSource = {
    files,
    checked,
    columns,
    lows: new Map(summaries.map((s) => [s.file, s.low])),
    fileRead: (uri) => textRead(oneFile(files, uri), columns) ?? source.relation,
    view: `${view}_file`,
    views,
  };
  // the summaries say whether any cell is invalid: when none is, no query looks for the first
  if (files.schema.onInvalid === "error" && sorted.some((s) => s.dropped > 0)) {
    const error = await firstInvalid(session, places, ordered, call);
    if (error !== undefined) throw error;
  }
  // a quoted cell left open to the end of a file is readTable's error whatever `onInvalid` says
  const open = await firstOpenQuote(session, places, sorted, call);
  if (open !== undefined) throw open;
  const names = files.schema.specs.map((spec) => quote(spec.name));
  const numbered = `SELECT ${[...names, quote(ROW_ORDER_COLUMN)].join(", ")} FROM ${quote(ordered)} WHERE ${quote(BAD)} IS NULL`;
  await session.client.createView(view, sqlRelation(numbered), what, call);
  const report = await readReport(session, places, sorted, () => performance.now() - started, call);
  // an optional column the files lack (they share one header): read as its default or null, as readTable says
  const absent = files.schema.specs.filter((_, i) => cells[i]?.column === undefined).map((spec) => spec.name);
  if (absent.length === 0) return report;
  return { ...report, absentColumns: Object.fromEntries(absent.map((name) => [name, [...report.files]])) };
}

/**
 * The cached checked read with the row-order column, rows in readTable's order (`fileOrder`: Spark reads the
 * files largest first): each file's start plus the row's number less the file's least, from the files' summaries
 * (one small query of the files and their numbers); and the summaries in that order.
 */
function orderedSelect(
  files: SchemaFiles,
  summaries: readonly FileSummary[],
  checked: string,
  label: string,
): { order: string; sorted: FileSummary[] } {
  const [file, id] = [quote(FILE), quote(ID)];
  const row = quote(ROW_ORDER_COLUMN);
  if (summaries.length === 0)
    return { order: `SELECT *, ${id} AS ${row} FROM ${quote(checked)}`, sorted: [] };
  const order = fileOrder(
    files.paths,
    summaries.map((s) => ({ file: s.file, low: s.low, high: s.high })),
    label,
  );
  const byFile = new Map(summaries.map((s) => [s.file, s]));
  const values = order.map((o) => `(${sparkString(o.file)}, ${o.start}L, ${o.low}L)`).join(", ");
  return {
    order: `SELECT c.*, o.s + (c.${id} - o.l) AS ${row} FROM ${quote(checked)} c JOIN (VALUES ${values}) AS o(f, s, l) ON c.${file} = o.f`,
    sorted: order.map((o) => byFile.get(o.file) as FileSummary),
  };
}

/**
 * Spark's failure to read CSV files, with what it means when it is a quote inside a quoted cell that is not
 * doubled (`"a"b`: Spark's parser raises, `unescapedQuoteHandling`, also when AnalyzePlan reads the first file);
 * any other failure as it is.
 */
function explainCsvFailure(error: unknown): unknown {
  if (!(error instanceof SparkQueryError) || !error.detail.includes("Unescaped quote")) return error;
  const hint =
    "a quoted cell holds a quote that is not doubled, or text follows its closing quote: readTable refuses such a file too";
  return new SparkQueryError(error.step, error.kind, error.errorClass, `${error.detail} (${hint})`, error);
}

/** The one file of Spark's URI `uri` (`input_file_name()`, escaped: `%20`) as files to read, by its path. */
function oneFile(files: SchemaFiles, uri: string): SchemaFiles {
  return { ...files, paths: [decodeURIComponent(uri)] };
}

/**
 * CSV files read again with the header's columns (`columns`) as text and a column holding the text of a record
 * of another number of fields; undefined for other formats.
 */
function textRead(files: SchemaFiles, columns: readonly FileColumn[]): Relation | undefined {
  if (files.format !== "csv") return undefined;
  const ddl = [...columns.map((c) => `${quote(c.name)} STRING`), `${quote(MALFORMED)} STRING`].join(", ");
  const options = { ...files.options, columnNameOfCorruptRecord: MALFORMED };
  return dataSourceRelation("csv", files.paths, options, ddl);
}

/**
 * The checked read over the view `read`: the schema's columns, then the first invalid cell's schema column (-1:
 * a malformed CSV record) and text, each row's file and its number in Spark's read order. Each cell's parts are
 * computed a layer of projections each (see `CellSql`), the flags of invalid cells in the last but one.
 */
function checkedSelect(files: SchemaFiles, cells: readonly MappedCell[], read: string): string {
  const csv = files.format === "csv";
  const flag = (i: number): string => quote(flagColumn(i));
  const textOf = (i: number): string => quote(flaggedTextColumn(i));
  const first = [`*`, `input_file_name() AS ${quote(FILE)}`, `monotonically_increasing_id() AS ${quote(ID)}`];
  const depth = Math.max(0, ...cells.map((cell) => cell.layers.length));
  let query = `SELECT ${first.join(", ")} FROM ${quote(read)}`;
  for (let layer = 0; layer < depth; layer++) {
    const list = cells.flatMap((cell) => cell.layers[layer] ?? []);
    if (list.length > 0) query = `SELECT *, ${list.join(", ")} FROM (${query})`;
  }
  const names = files.schema.specs.map((spec) => quote(spec.name));
  const valued = cells.flatMap((cell, i) => [
    `${cell.value} AS ${names[i] as string}`,
    `${cell.bad} AS ${flag(i)}`,
  ]);
  const carried = [quote(FILE), quote(ID), ...(csv ? [quote(MALFORMED)] : [])];
  const texts = cells.map((cell) => (cell.raw === undefined ? "NULL" : cellText(cell.raw)));
  // the cells' texts are carried for the message of an invalid one; the flags read once each
  query = `SELECT ${[...valued, ...carried, ...texts.map((text, i) => `${text} AS ${textOf(i)}`)].join(", ")} FROM (${query})`;
  const malformed = csv ? `WHEN ${quote(MALFORMED)} IS NOT NULL THEN` : undefined;
  const firstBad = [
    ...(malformed === undefined ? [] : [`${malformed} -1`]),
    ...cells.map((_, i) => `WHEN ${flag(i)} THEN ${i}`),
  ];
  const badValue = [
    ...(malformed === undefined ? [] : [`${malformed} ${quote(MALFORMED)}`]),
    ...cells.map((_, i) => `WHEN ${flag(i)} THEN ${textOf(i)}`),
  ];
  const caseOf = (whens: readonly string[], type: string): string =>
    whens.length === 0 ? `CAST(NULL AS ${type})` : `CASE ${whens.join(" ")} END`;
  // each column's flag and invalid text are kept for the read report (a malformed record is counted as such
  // alone): a boolean and a text that is NULL but where a cell is invalid
  const flagged = (i: number): string => (csv ? `(${flag(i)} AND ${quote(MALFORMED)} IS NULL)` : flag(i));
  const reported = cells.flatMap((_, i) => [
    `coalesce(${flagged(i)}, FALSE) AS ${flag(i)}`,
    `CASE WHEN ${flagged(i)} THEN ${textOf(i)} END AS ${textOf(i)}`,
  ]);
  const list = [
    ...names,
    `${caseOf(firstBad, "INT")} AS ${quote(BAD)}`,
    `${caseOf(badValue, "STRING")} AS ${quote(BAD_VALUE)}`,
    ...reported,
    quote(FILE),
    quote(ID),
  ];
  return `SELECT ${list.join(", ")} FROM (${query})`;
}
