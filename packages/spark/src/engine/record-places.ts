import { arrowToTable } from "../client/arrow";
import type { SparkCallOptions } from "../client/spark-connect-client";
import type { Relation } from "../generated/spark/connect/relations_pb";
import { FILE, type FileColumn, ID, MALFORMED } from "./checked-columns";
import type { SchemaFiles } from "./sources";
import type { SparkSession } from "./spark-session";
import { quote, sparkString } from "./spark-sql-text";

/** A record of the read: its file (Spark's URI) and its number in Spark's read order. */
export interface ReadRecord {
  readonly file: string;
  readonly id: bigint;
}

/** Where a record stands in its file, as readTable names it: a CSV or JSON line, or a Parquet row (1-based). */
export type RecordPlace = { readonly line: number } | { readonly row: number };

/** What {@link recordPlaces} reads: the cached checked read, and how to read one CSV file again. */
export interface PlacesSource {
  readonly files: SchemaFiles;
  /** The cached checked read (its rows' files and numbers). */
  readonly checked: string;
  /** The file columns, whose line breaks count. */
  readonly columns: readonly FileColumn[];
  /** The least row number of each file (Spark's URI) in the read. */
  readonly lows: ReadonlyMap<string, bigint>;
  /** A read of one CSV file as the checked read reads the files, and the prefix of the views made of it. */
  readonly fileRead: (uri: string) => Relation;
  readonly view: string;
  /** The views made, for the run to drop. */
  readonly views: string[];
}

/** The line breaks in the text `c` (0 for null). */
const breaksSql = (c: string): string => `coalesce(length(${c}) - length(replace(${c}, '\\n', '')), 0)`;

/**
 * Where each record stands in its file (in the order given), as readTable counts. A CSV file is read whole by
 * one task (`multiLine`), so a record's place in its file is its number less the file's least: its line is the
 * header line, then each record before it with its line breaks inside quoted cells (blank lines are not
 * counted), summed over a read of each such file that stops at its last record asked for (one query). A
 * Parquet or JSON file may be split, so its rows before the record are counted in the cached read (one query);
 * a JSON record's line is its row.
 */
export async function recordPlaces(
  session: SparkSession,
  source: PlacesSource,
  records: readonly ReadRecord[],
  call: SparkCallOptions,
): Promise<RecordPlace[]> {
  if (records.length === 0) return [];
  if (source.files.format !== "csv") {
    const rows = await rowsBefore(session, source.checked, records, call);
    return rows.map((n) => (source.files.format === "json" ? { line: n + 1 } : { row: n + 1 }));
  }
  const places = records.map((r) => Number(r.id - (source.lows.get(r.file) ?? r.id)));
  const breaks = await breaksBefore(session, source, records, places, call);
  return places.map((before, k) => ({ line: 2 + before + (breaks[k] ?? 0) }));
}

/** The rows of each record's file numbered below it, in the cached read `checked` (one query). */
async function rowsBefore(
  session: SparkSession,
  checked: string,
  records: readonly ReadRecord[],
  call: SparkCallOptions,
): Promise<number[]> {
  const wanted = records.map((r, k) => `(${k}, ${sparkString(r.file)}, ${r.id}L)`).join(", ");
  const [file, id] = [quote(FILE), quote(ID)];
  const sql = `SELECT e.k AS k, count(c.${id}) AS n FROM (VALUES ${wanted}) AS e(k, f, i) LEFT JOIN ${quote(checked)} AS c ON c.${file} = e.f AND c.${id} < e.i GROUP BY e.k`;
  const rows = arrowToTable(
    (await session.client.sql(sql, "locating the invalid values", call)).batches,
  ).objects() as {
    k: number;
    n: number | bigint;
  }[];
  const counts = new Map(rows.map((row) => [Number(row.k), Number(row.n)]));
  return records.map((_, k) => counts.get(k) ?? 0);
}

/**
 * The line breaks inside the records before each record's place in its CSV file (one query): each file holding
 * one read again alone (numbered from 0 in file order: one task reads it) up to its last place asked for.
 */
async function breaksBefore(
  session: SparkSession,
  source: PlacesSource,
  records: readonly ReadRecord[],
  places: readonly number[],
  call: SparkCallOptions,
): Promise<number[]> {
  const cells = source.columns.map((c) => breaksSql(quote(c.name))).join(" + ") || "0";
  const breaks = `CASE WHEN ${quote(MALFORMED)} IS NOT NULL THEN ${breaksSql(quote(MALFORMED))} ELSE ${cells} END`;
  const parts: string[] = [];
  for (const [f, uri] of [...new Set(records.map((r) => r.file))].entries()) {
    const ks = records.flatMap((r, k) => (r.file === uri && (places[k] as number) > 0 ? [k] : []));
    if (ks.length === 0) continue;
    const view = `${source.view}_${f}`;
    source.views.push(view);
    await session.client.createView(view, source.fileRead(uri), "locating the invalid values", call);
    const last = Math.max(...ks.map((k) => places[k] as number));
    // the read stops at the file's last record asked for
    const prefix = `SELECT monotonically_increasing_id() AS i, ${breaks} AS b FROM ${quote(view)} LIMIT ${last}`;
    const sums = ks.map(
      (k) => `coalesce(sum(CASE WHEN i < ${places[k]} THEN b END), 0) AS ${quote(`b${k}`)}`,
    );
    const stacked = ks.map((k) => `${k}, ${quote(`b${k}`)}`).join(", ");
    parts.push(
      `SELECT stack(${ks.length}, ${stacked}) AS (k, b) FROM (SELECT ${sums.join(", ")} FROM (${prefix}))`,
    );
  }
  if (parts.length === 0) return records.map(() => 0);
  const result = await session.client.sql(parts.join(" UNION ALL "), "locating the invalid values", call);
  const rows = arrowToTable(result.batches).objects() as { k: number; b: number | bigint }[];
  const found = new Map(rows.map((row) => [Number(row.k), Number(row.b)]));
  return records.map((_, k) => found.get(k) ?? 0);
}
