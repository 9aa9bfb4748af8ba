import type { DuckDBConnection } from "@duckdb/node-api";
import { SQL_DIALECTS } from "@tablepipe/core";
import {
  type ColumnAliases,
  type ColumnSpec,
  checkAliases,
  columnKinds,
  type InvalidValueExample,
  invalidValueReason,
  mapColumns,
  type OnInvalid,
  type ReadReport,
  type RowSchema,
  resolveSources,
  TableReadError,
} from "@tablepipe/io";
import { type ColumnTable, table as makeTable } from "arquero";
import { toQueryError } from "../errors";
import { type ColumnType, DUCKDB_TYPES } from "./column-types";
import { readQuery } from "./read-result";
import { stampFromPartsSql, stampPartsSql } from "./stamp-text";

const quote = SQL_DIALECTS.duckdb.quoteIdentifier;
const text = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/** How DuckDB reads files as readTable would: column aliases, and what to do with an invalid value. */
export interface DuckDbReadOptions {
  /** Other names each schema column may have in a file (compared ignoring case, `_`, `-` and spaces). */
  readonly aliases?: ColumnAliases;
  /** `"error"` (default): the first invalid value stops the read, named; `"drop"`: its row is dropped and counted. */
  readonly onInvalid?: OnInvalid;
}

/** CSV files DuckDB reads itself with readTable's rules; `load` reads them into a relation and reports. */
export interface DuckDbFilesSource {
  readonly format: "files";
  /** The source as given (a file, a folder, a glob, or a list of them). */
  readonly path: string;
  /** The schema's columns, in order, with their types. */
  readonly columns: readonly (readonly [name: string, type: ColumnType])[];
  /** An empty table with the schema's columns: give it to `pipe(...)` to build the steps. */
  readonly table: ColumnTable;
  /** Read the files into a new temporary table `relation` (rows in file order); returns what readTable reports. */
  readonly load: (connection: DuckDBConnection, relation: string) => Promise<ReadReport>;
}

const COLUMN_TYPE: Readonly<Record<ColumnSpec["kind"], ColumnType>> = {
  float: "float",
  int: "int",
  string: "string",
  enum: "string",
  boolean: "boolean",
  timestamp: "timestamp",
};

const FLOAT_TEXT = String.raw`[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?`;
const INT_TEXT = String.raw`[+-]?[0-9]+(?:\.0*)?`;
const TRUE_WORDS = ["true", "t", "1", "yes", "y"];
const FALSE_WORDS = ["false", "f", "0", "no", "n"];

/** The typed value of one cell's text `r` and whether it is invalid, by readTable's rules for the column. */
function cellSql(spec: ColumnSpec, c: number): { value: string; bad: string } {
  const r = quote(`c${c}`);
  const t = `trim(${r}, ' \t')`;
  // readTable: an empty cell is null; a cell of spaces is empty too, but for a string column it is its text
  const empty = spec.kind === "string" ? `${r} IS NULL` : `(${r} IS NULL OR ${t} = '')`;
  let value: string;
  let valid: string;
  switch (spec.kind) {
    case "float":
      value = `TRY_CAST(${t} AS DOUBLE)`;
      valid = `(regexp_full_match(${t}, ${text(FLOAT_TEXT)}) AND isfinite(${value}))`;
      break;
    case "int":
      value = `TRY_CAST(TRY_CAST(${t} AS DOUBLE) AS BIGINT)`;
      valid = `(regexp_full_match(${t}, ${text(INT_TEXT)}) AND abs(TRY_CAST(${t} AS DOUBLE)) <= ${Number.MAX_SAFE_INTEGER})`;
      break;
    case "string":
      value = r;
      valid = "TRUE";
      break;
    case "enum":
      value = r;
      valid = `${r} IN (${(spec.values ?? []).map(text).join(", ") || "NULL"})`;
      break;
    case "boolean":
      value = `lower(${t}) IN (${TRUE_WORDS.map(text).join(", ")})`;
      valid = `lower(${t}) IN (${[...TRUE_WORDS, ...FALSE_WORDS].map(text).join(", ")})`;
      break;
    case "timestamp":
      value = stampFromPartsSql(quote(`p${c}`));
      valid = `(${value} IS NOT NULL)`;
      break;
  }
  const type = DUCKDB_TYPES[COLUMN_TYPE[spec.kind]];
  const fill = emptyValue(spec, type);
  return {
    value: `CASE WHEN ${empty} THEN ${fill} WHEN ${valid} THEN CAST(${value} AS ${type}) ELSE NULL END`,
    bad: `CASE WHEN ${empty} THEN ${spec.nullable || spec.hasDefault ? "FALSE" : "TRUE"} ELSE NOT COALESCE(${valid}, FALSE) END`,
  };
}

/** What an empty cell (or an absent optional column) becomes: the default, else null. */
function emptyValue(spec: ColumnSpec, type: string): string {
  const value = spec.defaultValue;
  if (!spec.hasDefault || value === null || value === undefined) return `CAST(NULL AS ${type})`;
  if (value instanceof Date)
    return `CAST(TIMESTAMP '${value.toISOString().slice(0, 23).replace("T", " ")}' AS ${type})`;
  if (typeof value === "string") return `CAST(${text(value)} AS ${type})`;
  return `CAST(${String(value)} AS ${type})`;
}

/** read_csv of one file, every column as text, quoted `""` an empty string and an empty cell null. */
function readCsvSql(file: string): string {
  const delimiter = file.toLowerCase().endsWith(".tsv") ? "\t" : ",";
  return `read_csv(${text(file)}, header = true, all_varchar = true, delim = ${text(delimiter)}, quote = '"', escape = '"', allow_quoted_nulls = false)`;
}

async function run(connection: DuckDBConnection, sql: string, where: string): Promise<void> {
  try {
    await connection.run(sql);
  } catch (error) {
    throw toQueryError(where, error);
  }
}

/** The first file row (0-based, across files) of each file, and the rows of each, after loading them in order. */
interface Loaded {
  readonly files: readonly string[];
  readonly starts: readonly number[];
}

function locate(loaded: Loaded, row: number): { file: string; line: number } {
  let f = 0;
  while (f + 1 < loaded.starts.length && (loaded.starts[f + 1] as number) <= row) f++;
  return { file: loaded.files[f] as string, line: row - (loaded.starts[f] as number) + 2 };
}

/** Read every file's mapped columns as text into `raw` (one INSERT per file, so rowid is file order). */
async function loadRaw(
  connection: DuckDBConnection,
  files: readonly string[],
  specs: readonly ColumnSpec[],
  aliases: ColumnAliases | undefined,
  raw: string,
): Promise<Loaded> {
  const cells = specs.map((_, c) => `${quote(`c${c}`)} VARCHAR`);
  await run(connection, `CREATE TEMP TABLE ${quote(raw)} (${cells.join(", ")})`, "reading the files");
  const starts: number[] = [];
  let rows = 0;
  for (const file of files) {
    starts.push(rows);
    let header: string[];
    try {
      header = (await connection.runAndReadAll(`SELECT * FROM ${readCsvSql(file)} LIMIT 0`)).columnNames();
    } catch (error) {
      throw toQueryError(`reading ${file}`, error);
    }
    const found = mapColumns(file, header, specs, aliases);
    const list = found.map((index) => (index < 0 ? "NULL" : quote(header[index] as string)));
    await run(
      connection,
      `INSERT INTO ${quote(raw)} SELECT ${list.join(", ")} FROM ${readCsvSql(file)}`,
      `reading ${file}`,
    );
    const counted = await readQuery(connection, `SELECT count(*) AS n FROM ${quote(raw)}`);
    rows = Number(counted.get("n", 0));
  }
  return { files, starts };
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
  const specs = columnKinds(schema);
  checkAliases(specs, options.aliases);
  const columns = specs.map((spec) => [spec.name, COLUMN_TYPE[spec.kind]] as const);
  const table = makeTable(Object.fromEntries(specs.map((spec) => [spec.name, []])));
  const path = typeof source === "string" ? source : source.join(", ");
  const load = async (connection: DuckDBConnection, relation: string): Promise<ReadReport> => {
    const started = performance.now();
    const files = await resolveSources(source);
    const raw = `${relation}_text`;
    try {
      const loaded = await loadRaw(connection, files, specs, options.aliases, raw);
      const cells = specs.map((spec, c) => cellSql(spec, c));
      // a time stamp's fields are split once per cell, in an inner query
      const parts = specs.flatMap((spec, c) =>
        spec.kind === "timestamp"
          ? [`${stampPartsSql(`trim(${quote(`c${c}`)}, ' \t')`)} AS ${quote(`p${c}`)}`]
          : [],
      );
      const list = cells.flatMap((cell, c) => [
        quote(`c${c}`),
        `${cell.value} AS ${quote(`v${c}`)}`,
        `${cell.bad} AS ${quote(`b${c}`)}`,
      ]);
      const texts = specs.map((_, c) => quote(`c${c}`));
      const split = `(SELECT ${['rowid AS "row"', ...texts, ...parts].join(", ")} FROM ${quote(raw)})`;
      const checked = `(SELECT "row", ${list.join(", ")} FROM ${split})`;
      const anyBad = specs.map((_, c) => quote(`b${c}`)).join(" OR ") || "FALSE";
      const perColumn = specs.map((_, c) => `count_if(${quote(`b${c}`)}) AS ${quote(`n${c}`)}`);
      const countSql = `SELECT ${['count(*) AS "rows"', `count_if(${anyBad}) AS "dropped"`, ...perColumn].join(", ")} FROM ${checked}`;
      const counts = (await readQuery(connection, countSql)).objects()[0] as Record<string, number>;
      const invalidByColumn: Record<string, number> = {};
      const found: { row: number; column: number; example: InvalidValueExample }[] = [];
      for (const [c, spec] of specs.entries()) {
        const n = Number(counts[`n${c}`]);
        if (n === 0) continue;
        invalidByColumn[spec.name] = n;
        const limit = options.onInvalid === "drop" ? 3 : 1;
        const sql = `SELECT "row", ${quote(`c${c}`)} AS "value" FROM ${checked} WHERE ${quote(`b${c}`)} ORDER BY "row" LIMIT ${limit}`;
        const rows = (await readQuery(connection, sql)).objects() as { row: number; value: string | null }[];
        for (const { row, value } of rows) {
          const shown = value ?? "";
          const { reason } = invalidValueReason(spec, shown);
          found.push({
            row,
            column: c,
            example: { ...locate(loaded, row), column: spec.name, value: shown, reason },
          });
        }
      }
      found.sort((a, b) => a.row - b.row || a.column - b.column);
      if (options.onInvalid !== "drop" && found.length > 0) {
        const first = found[0] as (typeof found)[number];
        const { expected } = invalidValueReason(specs[first.column] as ColumnSpec, first.example.value ?? "");
        throw new TableReadError({ ...first.example, expected });
      }
      const examples = found.map((f) => f.example);
      const keep = Number(counts.dropped) === 0 ? "" : `WHERE NOT (${anyBad}) `;
      const names = specs.map((spec, c) => `${quote(`v${c}`)} AS ${quote(spec.name)}`).join(", ");
      await run(
        connection,
        `CREATE TEMP TABLE ${quote(relation)} AS SELECT ${names} FROM ${checked} ${keep}ORDER BY "row"`,
        `reading ${path}`,
      );
      return {
        files,
        ms: performance.now() - started,
        rows: Number(counts.rows) - Number(counts.dropped),
        droppedRows: Number(counts.dropped),
        invalidByColumn,
        examples,
      };
    } finally {
      await connection.run(`DROP TABLE IF EXISTS ${quote(raw)}`);
    }
  };
  return { format: "files", path, columns, table, load };
}
