import type { TableReadError } from "@tablepipe/io";
import { arrowToTable } from "../client/arrow";
import type { SparkCallOptions } from "../client/spark-connect-client";
import { BAD_VALUE, FILE, ID } from "./checked-columns";
import { openQuoteBreaks, openQuoteError, separatorOf } from "./csv-record";
import type { FileSummary } from "./read-report";
import { type PlacesSource, recordPlaces } from "./record-places";
import type { SparkSession } from "./spark-session";
import { quote, sparkString } from "./spark-sql-text";

/**
 * The first (files in readTable's order) CSV file whose last record is malformed with a quoted cell left open
 * to the end of the file, as readTable's error, which readTable gives with `onInvalid: "drop"` too: one query
 * of those records' texts, run only when a file ends with a malformed record.
 */
export async function firstOpenQuote(
  session: SparkSession,
  source: PlacesSource,
  ordered: readonly FileSummary[],
  call: SparkCallOptions,
): Promise<TableReadError | undefined> {
  const last = ordered.filter((s) => s.lastMalformed === s.high);
  if (source.files.format !== "csv" || last.length === 0) return undefined;
  const [file, id] = [quote(FILE), quote(ID)];
  const which = last.map((s) => `(${file} = ${sparkString(s.file)} AND ${id} = ${s.high})`).join(" OR ");
  const sql = `SELECT ${file} AS f, ${quote(BAD_VALUE)} AS v FROM ${quote(source.checked)} WHERE ${which}`;
  const rows = arrowToTable(
    (await session.client.sql(sql, "checking the files' last records", call)).batches,
  ).objects() as { f: string; v: string | null }[];
  const texts = new Map(rows.map((row) => [row.f, row.v ?? ""]));
  for (const s of last) {
    const text = texts.get(s.file) ?? "";
    if (openQuoteBreaks(text, separatorOf(source.files)) === undefined) continue;
    const [place] = await recordPlaces(session, source, [{ file: s.file, id: s.high }], call);
    return openQuoteError(source.files, s.file, text, place as { line?: number });
  }
  return undefined;
}
