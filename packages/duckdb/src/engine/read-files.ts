import type { DuckDBConnection } from "@duckdb/node-api";
import {
  type ColumnAliases,
  type ColumnSpec,
  type InvalidValueExample,
  invalidValueReason,
  mapColumns,
  type ReadReport,
  type RowSchema,
  readCsvHeaderRecord,
  refuseBinaryText,
  resolveSources,
  TableReadError,
  textCellParts,
} from "@tablepipe/io";
import { ReadTableDecides, readTableDecides } from "../errors";
import { absentColumnsOf, type MappedFile } from "./absent-columns";
import { fastSource, fileColumnNames, readCsvSql } from "./csv-sources";
import { DUCKDB_CELL_DIALECT } from "./duckdb-cell-dialect";
import { fastReadSql, streamedReadSql } from "./fast-csv-read";
import { type DuckDbReadOptions, filesSchema, loadWithReadTable } from "./files-schema";
import type { DuckDbFilesSource, StreamedView } from "./files-source";
import { loadFlagged } from "./flagged-load";
import { rowPositionSql } from "./numbered-relation";
import { readQuery } from "./read-result";
import { type Loaded, rowPlaces } from "./row-places";
import { runSql } from "./run-sql";
import { quote } from "./sql-text";

/** The prefix of the per-column invalid flags of the typed table, dropped once counted. */
const BAD_PREFIX = "__tablepipe_invalid_";

/**
 * One column's parse by readTable's rules (`textCellParts`), in three layers over the text `c<i>`: `split`, the
 * trimmed text `t<i>` (and a time stamp's fields `p<i>`, over `t<i>` in the same projection: DuckDB reads a name
 * given earlier in a select list as that expression), materialised by the caller; then `parse`, `e<i>` (an empty
 * cell) and `x<i>` (the parsed value, NULL when it does not parse); then the value and whether the cell is invalid.
 */
export function cellLayers(
  spec: ColumnSpec,
  c: number,
): { split: string[]; parse: string[]; value: string; bad: string } {
  const r = quote(`c${c}`);
  const [t, p, e, x] = ["t", "p", "e", "x"].map((prefix) => quote(`${prefix}${c}`)) as [
    string,
    string,
    string,
    string,
  ];
  const parts = textCellParts(DUCKDB_CELL_DIALECT, spec, r, { t, p, e, x });
  return {
    split: [r, parts.trimmed, ...parts.fields],
    parse: [r, ...parts.parsed],
    value: parts.value,
    bad: parts.bad,
  };
}

/**
 * The checks run one after another (one scan's memory at a time), beside the query: true once every one is true;
 * false at the first false, the rest not run.
 */
function allSound(checks: readonly (() => Promise<boolean>)[]): Promise<boolean> {
  let sound = Promise.resolve(true);
  for (const check of checks) sound = sound.then((ok) => (ok ? check() : false));
  return sound;
}

/**
 * A file's columns as DuckDB's read names them (`fileColumnNames`, one per field of its header record) and, per
 * schema column, the index of the file column holding it (-1: absent, optional), found by the header record's
 * own names as readTable reads them, and where the body after the record starts (`readCsvHeaderRecord`). No
 * header (an empty file), blank lines before it, a name matching twice or a column missing are left to readTable.
 */
async function mappedHeader(
  file: string,
  specs: readonly ColumnSpec[],
  aliases: ColumnAliases | undefined,
): Promise<{ header: string[]; found: number[]; bodyStart: number }> {
  // a compressed or binary file is refused as readTable refuses it (DuckDB would unpack a .gz), and so never
  // reaches the byte scan of the typed read, which judges the bytes as they are in the file
  await refuseBinaryText(file);
  const record = await readCsvHeaderRecord(file);
  if (record === undefined) throw new ReadTableDecides(`${file}: no header record`);
  // DuckDB's header is the first line, blank or not; readTable's the first line that is not blank
  if (record.line !== 1) throw new ReadTableDecides(`${file}: blank lines before the header record`);
  try {
    const found = mapColumns(file, record.names, specs, aliases);
    return { header: fileColumnNames(record.names.length), found, bodyStart: record.end };
  } catch (error) {
    throw new ReadTableDecides(error);
  }
}

/** Read every file's mapped columns as text into `raw` (one INSERT per file, so rowid is file order). */
async function loadRaw(
  connection: DuckDBConnection,
  files: readonly string[],
  specs: readonly ColumnSpec[],
  aliases: ColumnAliases | undefined,
  raw: string,
  mapped: MappedFile[],
): Promise<Loaded> {
  const cells = specs.map((_, c) => `${quote(`c${c}`)} VARCHAR`);
  await runSql(connection, `CREATE TEMP TABLE ${quote(raw)} (${cells.join(", ")})`, "reading the files");
  const starts: number[] = [];
  let rows = 0;
  for (const file of files) {
    starts.push(rows);
    const { header, found } = await mappedHeader(file, specs, aliases);
    mapped.push({ file, found });
    const list = found.map((index) => (index < 0 ? "NULL" : quote(header[index] as string)));
    await runSql(
      connection,
      `INSERT INTO ${quote(raw)} SELECT ${list.join(", ")} FROM ${readCsvSql(file, header)}`,
      `reading ${file}`,
    );
    const counted = await readQuery(connection, `SELECT count(*) AS n FROM ${quote(raw)}`);
    rows = Number(counted.get("n", 0));
  }
  return { files, starts };
}

/**
 * The fast read: every file cast by DuckDB into `relation` in one pass each (fast-csv-read.ts). Returns the row
 * count, or undefined when some cell needs the exact path (`relation` is then dropped, the files read again).
 */
async function loadFast(
  connection: DuckDBConnection,
  files: readonly string[],
  specs: readonly ColumnSpec[],
  aliases: ColumnAliases | undefined,
  relation: string,
  mapped: MappedFile[],
): Promise<number | undefined> {
  return await loadFlagged(connection, files, relation, async (file) => {
    const { header, found, bodyStart } = await mappedHeader(file, specs, aliases);
    mapped.push({ file, found });
    const source = await fastSource(file, specs, header, found, bodyStart);
    return fastReadSql(specs, header, found, source.sql, [], source);
  });
}

/**
 * CSV files read by DuckDB with readTable's rules: a file, a folder or a glob (or a list), sorted as readTable
 * sorts them; schema columns found by name or alias (ignoring case, `_`, `-`, spaces); numbers, integers,
 * booleans and time stamps (ISO without a zone, `07/27/2018 09:14:45 AM`) parsed as readTable parses them; an
 * invalid value named by file, line, column, value and what was expected (a `TableReadError`), or with
 * `onInvalid: "drop"` its row dropped and counted per column.
 * @example runOnDuckDb(pipe(trips.table).transform(dropDuplicates), { source: duckdbCsvFiles("data/*.csv", taxiTripSchema) })
 */
export function duckdbCsvFiles(
  source: string | readonly string[],
  schema: RowSchema,
  options: DuckDbReadOptions = {},
): DuckDbFilesSource {
  const described = filesSchema(source, schema, options, "duckdbCsvFiles");
  const { specs, columns, table, path } = described;
  const loadWithDuckDb = async (
    connection: DuckDBConnection,
    relation: string,
    files: string[],
  ): Promise<ReadReport> => {
    const started = performance.now();
    const fastMapped: MappedFile[] = [];
    const fastRows =
      files.length === 0
        ? undefined
        : await loadFast(connection, files, specs, options.aliases, relation, fastMapped);
    if (fastRows !== undefined) {
      const ms = performance.now() - started;
      const absent = absentColumnsOf(specs, fastMapped);
      return { files, ms, rows: fastRows, droppedRows: 0, invalidByColumn: {}, examples: [], ...absent };
    }
    const raw = `${relation}_text`;
    const mapped: MappedFile[] = [];
    try {
      const loaded = await loadRaw(connection, files, specs, options.aliases, raw, mapped);
      const layers = specs.map((spec, c) => cellLayers(spec, c));
      // the split text is materialised: DuckDB would otherwise inline it into every use of a time stamp's fields
      const split = `${relation}_split`;
      const splitSql = `SELECT ${['rowid AS "row"', ...layers.flatMap((l) => l.split)].join(", ")} FROM ${quote(raw)}`;
      await runSql(connection, `CREATE TEMP TABLE ${quote(split)} AS ${splitSql}`, `reading ${path}`);
      const parse = `SELECT ${['"row"', ...layers.flatMap((l) => l.parse)].join(", ")} FROM ${quote(split)}`;
      const flags = specs.map((_, c) => quote(`${BAD_PREFIX}${c}`));
      const list = layers.flatMap((l, c) => [
        `${l.value} AS ${quote(specs[c]?.name as string)}`,
        `${l.bad} AS ${flags[c]}`,
      ]);
      // the typed table with a flag per column: counted, then the flagged rows deleted and the flags dropped
      await runSql(
        connection,
        `CREATE TEMP TABLE ${quote(relation)} AS SELECT ${list.join(", ")} FROM (${parse}) ORDER BY "row"`,
        `reading ${path}`,
      );
      await runSql(connection, `DROP TABLE ${quote(split)}`, `reading ${path}`);
      const anyBad = flags.join(" OR ") || "FALSE";
      const perColumn = flags.map((flag, c) => `count_if(${flag}) AS ${quote(`n${c}`)}`);
      const countSql = `SELECT ${['count(*) AS "rows"', `count_if(${anyBad}) AS "dropped"`, ...perColumn].join(", ")} FROM ${quote(relation)}`;
      const counts = (await readQuery(connection, countSql)).objects()[0] as Record<string, number>;
      const found: { row: number; column: number; value: string; reason: string }[] = [];
      for (const [c, spec] of specs.entries()) {
        const n = Number(counts[`n${c}`]);
        if (n === 0) continue;
        const limit = options.onInvalid === "drop" ? 3 : 1;
        // the typed table's row positions are the text table's rowids: both hold the rows in file order (the
        // typed table's rowid may be hidden by a schema column named rowid; the text table's columns are c0, ...)
        const position = rowPositionSql(specs.map((spec) => spec.name));
        const positions = `SELECT ${position} AS "row", ${flags[c]} AS "bad" FROM ${quote(relation)}`;
        const rows = `SELECT "row" FROM (${positions}) WHERE "bad" ORDER BY "row" LIMIT ${limit}`;
        const sql = `SELECT rowid AS "row", ${quote(`c${c}`)} AS "value" FROM ${quote(raw)} WHERE rowid IN (${rows}) ORDER BY rowid`;
        for (const { row, value } of (await readQuery(connection, sql)).objects() as {
          row: number;
          value: string | null;
        }[]) {
          const shown = value ?? "";
          // read with allow_quoted_nulls off, an empty cell is NULL and a quoted `""` the empty text
          const { reason } = invalidValueReason(spec, shown, value !== null);
          found.push({ row, column: c, value: shown, reason });
        }
      }
      found.sort((a, b) => a.row - b.row || a.column - b.column);
      // each example's file and line, as readTable counts lines (the first alone for an error)
      const named = options.onInvalid === "drop" ? found : found.slice(0, 1);
      const places = await rowPlaces(
        loaded,
        named.map((f) => f.row),
      );
      const examples: InvalidValueExample[] = named.map((f, i) => ({
        ...(places[i] as { file: string; line: number }),
        column: specs[f.column]?.name as string,
        value: f.value,
        reason: f.reason,
      }));
      // the columns in readTable's order: as their first invalid values come in the files (row, then column)
      const invalidByColumn: Record<string, number> = {};
      for (const { column } of found) {
        const name = specs[column]?.name as string;
        invalidByColumn[name] ??= Number(counts[`n${column}`]);
      }
      const first = found[0];
      if (options.onInvalid !== "drop" && first !== undefined) {
        const { expected } = invalidValueReason(specs[first.column] as ColumnSpec, first.value);
        throw new TableReadError({ ...(examples[0] as InvalidValueExample), expected });
      }
      if (Number(counts.dropped) > 0) {
        await runSql(connection, `DELETE FROM ${quote(relation)} WHERE ${anyBad}`, `reading ${path}`);
      }
      for (const flag of flags) {
        await runSql(connection, `ALTER TABLE ${quote(relation)} DROP COLUMN ${flag}`, `reading ${path}`);
      }
      return {
        files,
        ms: performance.now() - started,
        rows: Number(counts.rows) - Number(counts.dropped),
        droppedRows: Number(counts.dropped),
        invalidByColumn,
        examples,
        ...absentColumnsOf(specs, mapped),
      };
    } finally {
      await connection.run(`DROP TABLE IF EXISTS ${quote(raw)}`);
      await connection.run(`DROP TABLE IF EXISTS ${quote(`${relation}_split`)}`);
    }
  };
  const load = async (connection: DuckDBConnection, relation: string): Promise<ReadReport> => {
    const files = await resolveSources(source);
    try {
      return await loadWithDuckDb(connection, relation, files);
    } catch (error) {
      if (!readTableDecides(error)) throw error;
      // DuckDB cannot read the files as CSV at all (a CR inside a line, a row with another number of cells):
      // readTable reads them instead, in process, and names what it refuses as it always does
      await connection.run(`DROP TABLE IF EXISTS ${quote(relation)}`);
      return await loadWithReadTable(
        connection,
        relation,
        files,
        schema,
        options,
        columns,
        `reading ${path}`,
      );
    }
  };
  const stream = async (
    connection: DuckDBConnection,
    relation: string,
    rowColumn: string,
    files: readonly string[],
    numbered = true,
    ahead = false,
  ): Promise<StreamedView> => {
    const parts: string[] = [];
    const checks: (() => Promise<boolean>)[] = [];
    const mapped: MappedFile[] = [];
    for (const [i, file] of files.entries()) {
      const { header, found, bodyStart } = await mappedHeader(file, specs, options.aliases);
      mapped.push({ file, found });
      const source = await fastSource(file, specs, header, found, bodyStart, ahead);
      if (source.confirm !== undefined) checks.push(source.confirm);
      parts.push(streamedReadSql(specs, header, found, source.sql, i, rowColumn, numbered, source));
    }
    await runSql(
      connection,
      `CREATE TEMP VIEW ${quote(relation)} AS ${parts.join(" UNION ALL ")}`,
      `reading ${path}`,
    );
    const absent = absentColumnsOf(specs, mapped);
    return checks.length === 0 ? absent : { ...absent, sound: allSound(checks) };
  };
  const files = async (): Promise<readonly string[]> => await resolveSources(source);
  // read unsniffed (see readCsvSql), the files have no row estimate
  return {
    format: "files",
    path,
    columns,
    table,
    schema: described.schema,
    files,
    load,
    stream,
    keepJoinSides: true,
  };
}
