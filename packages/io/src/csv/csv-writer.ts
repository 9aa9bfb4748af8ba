import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { formatDay, formatWallClock } from "@tablepipe/core";
import type { ColumnTable } from "arquero";
import type { ColumnSpec } from "../read/schema-columns";
import { epochMillisValues, type WriteType, writeColumns } from "../write/column-types";

const ROWS_PER_WRITE = 4096;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV cell (RFC 4180): null as empty, `""` for the empty string, numbers as numbers, Dates as UTC
 * wall-clock `2018-02-04 18:00:00` (`.sss` only when not zero), fields with `,` `"` CR LF quoted. (A time
 * stamp held as epoch milliseconds is a number here: `writeTable` formats it as the column's type says.)
 * @example csvCell('say "hi"') // "\"say \"\"hi\"\"\""
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  switch (typeof value) {
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "bigint":
      return String(value);
    case "boolean":
      return value ? "true" : "false";
    case "string":
      if (value === "") return '""';
      return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
    default:
      if (value instanceof Date) return formatWallClock(value);
      return csvCell(JSON.stringify(value));
  }
}

/** A column's cells as CSV text: time stamps `2018-02-04 18:00:00`, dates `2018-02-04`, others by {@link csvCell}. */
function cellWriter(type: WriteType): (value: unknown, ms: number | null | undefined) => string {
  if (type === "timestamp") return (_, ms) => (ms === null || ms === undefined ? "" : formatWallClock(ms));
  if (type === "date") return (_, ms) => (ms === null || ms === undefined ? "" : formatDay(ms));
  return (value) => csvCell(value);
}

/**
 * Write a table as CSV with a header row, streaming a few thousand rows at a time, each type as ISO-like text
 * (see `writeColumns` for how a column's type is found): time stamps `2018-02-04 18:00:00` (`.sss` only when
 * not zero), dates `2018-02-04`, numbers as numbers, booleans `true`/`false`, missing values empty.
 * @example await writeCsvFile(trips, "out/trips.csv", columnKinds(TripRow))
 */
export async function writeCsvFile(
  table: ColumnTable,
  path: string,
  specs: readonly ColumnSpec[] = [],
): Promise<void> {
  const columns = writeColumns(table, specs);
  const names = columns.map((column) => column.name);
  const values = columns.map((column) => column.values);
  const millis = columns.map((column) =>
    column.type === "timestamp" || column.type === "date" ? epochMillisValues(column) : undefined,
  );
  const writers = columns.map((column) => cellWriter(column.type));
  const rows = table.numRows();
  const out = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => out.once("error", reject));
  failed.catch(() => {});
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await Promise.race([once(out, "drain"), failed]);
  };
  try {
    await write(`${names.map(csvCell).join(",")}\n`);
    for (let start = 0; start < rows; start += ROWS_PER_WRITE) {
      const end = Math.min(rows, start + ROWS_PER_WRITE);
      let text = "";
      for (let r = start; r < end; r++) {
        for (let c = 0; c < columns.length; c++) {
          if (c > 0) text += ",";
          text += (writers[c] as ReturnType<typeof cellWriter>)(
            (values[c] as ArrayLike<unknown>)[r],
            millis[c]?.[r],
          );
        }
        text += "\n";
      }
      await write(text);
    }
    out.end();
    await Promise.race([once(out, "close"), failed]);
  } finally {
    await closed(out);
  }
}

/**
 * Destroy the stream unless it is closed, and wait until it is: the file is opened asynchronously, so a write
 * that fails early would otherwise return (and its caller delete the file) before the open creates it.
 */
async function closed(out: WriteStream): Promise<void> {
  if (out.closed) return;
  const done = new Promise<void>((resolve) => out.once("close", () => resolve()));
  out.destroy();
  await done;
}
