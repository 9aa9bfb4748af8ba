import { type ColumnSpec, invalidValueReason, TableReadError } from "@tablepipe/io";
import { ROW_ORDER_COLUMN } from "@tablepipe/sql";
import { arrowToTable } from "../client/arrow";
import type { SparkCallOptions } from "../client/spark-connect-client";
import { BAD, BAD_VALUE, FILE, type FileColumn, ID, MALFORMED } from "./checked-columns";
import { fileName } from "./file-order";
import type { SchemaFiles } from "./sources";
import type { SparkSession } from "./spark-session";
import { quote, sparkString } from "./spark-sql-text";

/** The fields of one CSV record's text (quotes around a field, `""` inside). */
function fieldCount(record: string, separator: string): number {
  let fields = 1;
  let quoted = false;
  for (const char of record.replace(/\r?\n$/, "")) {
    if (char === '"') quoted = !quoted;
    else if (char === separator && !quoted) fields++;
  }
  return fields;
}

/** The line breaks in the text `c` (0 for null). */
const breaksSql = (c: string): string => `coalesce(length(${c}) - length(replace(${c}, '\\n', '')), 0)`;

/**
 * Where the first invalid record stands in its file (`id`: its number in the read): for CSV the line it starts
 * on (the header line, then each record before it with its line breaks inside quoted cells; blank lines are
 * not counted), else its 1-based row.
 */
async function locate(
  session: SparkSession,
  files: SchemaFiles,
  read: string,
  columns: readonly FileColumn[],
  file: string,
  id: bigint,
  call: SparkCallOptions,
): Promise<{ line: number } | { row: number }> {
  const csv = files.format === "csv";
  const cells = columns.map((c) => breaksSql(quote(c.name))).join(" + ") || "0";
  const breaks = csv
    ? `CASE WHEN ${quote(MALFORMED)} IS NOT NULL THEN ${breaksSql(quote(MALFORMED))} ELSE ${cells} END`
    : "0";
  const numbered = `SELECT input_file_name() AS f, monotonically_increasing_id() AS i, ${breaks} AS b FROM ${quote(read)}`;
  const sql = `SELECT count(*) AS n, coalesce(sum(b), 0) AS b FROM (${numbered}) WHERE f = ${sparkString(file)} AND i < ${id}`;
  const row = arrowToTable(
    (await session.client.sql(sql, "locating the invalid value", call)).batches,
  ).objects()[0] as { n: number | bigint; b: number | bigint } | undefined;
  const before = Number(row?.n ?? 0);
  if (csv) return { line: 2 + before + Number(row?.b ?? 0) };
  return files.format === "json" ? { line: before + 1 } : { row: before + 1 };
}

/**
 * The `TableReadError` of the first invalid cell of the checked read `ordered` (in the row order: readTable's
 * order of the files, see `fileOrder`), as readTable words it; undefined when every cell is valid.
 */
export async function firstInvalid(
  session: SparkSession,
  files: SchemaFiles,
  read: string,
  ordered: string,
  columns: readonly FileColumn[],
  call: SparkCallOptions,
): Promise<TableReadError | undefined> {
  const [file, id, bad, value] = [FILE, ID, BAD, BAD_VALUE].map(quote) as [string, string, string, string];
  const first = `SELECT ${file} AS f, ${id} AS i, ${bad} AS c, ${value} AS v FROM ${quote(ordered)} WHERE ${bad} IS NOT NULL ORDER BY ${quote(ROW_ORDER_COLUMN)} LIMIT 1`;
  const found = arrowToTable(
    (await session.client.sql(first, "finding the first invalid value", call)).batches,
  ).objects()[0] as { f: string; i: bigint | number; c: number; v: string | null } | undefined;
  if (found === undefined) return undefined;
  const where = await locate(session, files, read, columns, found.f, BigInt(found.i), call);
  const text = found.v ?? "";
  if (found.c < 0) {
    const separator = files.options.sep ?? files.options.delimiter ?? ",";
    const reason = `expected ${columns.length} fields as in the header, found ${fieldCount(text, separator)}`;
    return new TableReadError({ file: fileName(found.f), ...where, reason });
  }
  const spec = files.schema.specs[found.c] as ColumnSpec;
  // an empty cell's text is NULL, a quoted `""`'s the empty text
  const { reason, expected } = invalidValueReason(spec, text, found.v !== null);
  return new TableReadError({
    file: fileName(found.f),
    ...where,
    column: spec.name,
    value: text,
    reason,
    expected,
  });
}
