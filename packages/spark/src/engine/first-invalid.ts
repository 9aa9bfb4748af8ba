import { type ColumnSpec, invalidValueReason, TableReadError } from "@tablepipe/io";
import { ROW_ORDER_COLUMN } from "@tablepipe/sql";
import { arrowToTable } from "../client/arrow";
import type { SparkCallOptions } from "../client/spark-connect-client";
import { BAD, BAD_VALUE, FILE, ID } from "./checked-columns";
import { malformedReason, openQuoteError } from "./csv-record";
import { fileName } from "./file-order";
import { type PlacesSource, recordPlaces } from "./record-places";
import type { SparkSession } from "./spark-session";
import { quote } from "./spark-sql-text";

/**
 * The `TableReadError` of the first invalid cell of the checked read `ordered` (in the row order: readTable's
 * order of the files, see `fileOrder`), as readTable words it; undefined when every cell is valid.
 */
export async function firstInvalid(
  session: SparkSession,
  source: PlacesSource,
  ordered: string,
  call: SparkCallOptions,
): Promise<TableReadError | undefined> {
  const { files, columns } = source;
  const [file, id, bad, value] = [FILE, ID, BAD, BAD_VALUE].map(quote) as [string, string, string, string];
  const first = `SELECT ${file} AS f, ${id} AS i, ${bad} AS c, ${value} AS v FROM ${quote(ordered)} WHERE ${bad} IS NOT NULL ORDER BY ${quote(ROW_ORDER_COLUMN)} LIMIT 1`;
  const found = arrowToTable(
    (await session.client.sql(first, "finding the first invalid value", call)).batches,
  ).objects()[0] as { f: string; i: bigint | number; c: number; v: string | null } | undefined;
  if (found === undefined) return undefined;
  const [where] = await recordPlaces(session, source, [{ file: found.f, id: BigInt(found.i) }], call);
  const text = found.v ?? "";
  if (found.c < 0) {
    // a quoted cell left open to the end of the file is readTable's syntax error, not a count of fields
    const open = openQuoteError(files, found.f, text, where as { line?: number });
    return (
      open ??
      new TableReadError({ file: fileName(found.f), ...where, reason: malformedReason(files, columns, text) })
    );
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
