import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { formatWallClock, type TableSchema } from "@tablepipe/core";
import type { ColumnTable } from "arquero";
import { epochMillisValues, writeColumns } from "../write/column-types";
import { type CellBytes, columnCellBytes, MAX_FIXED_CELL_BYTES, textRoom, writeText } from "./csv-cell-bytes";

/** Bytes handed to the file stream at a time. */
const BYTES_PER_WRITE = 1 << 20;
const COMMA = 44;
const LINE_FEED = 10;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV cell (RFC 4180): null (and NaN, a missing value) as empty, `""` for the empty string, numbers as numbers, Dates as UTC
 * wall-clock `2018-02-04 18:00:00` (`.sss` only when not zero), fields with `,` `"` CR LF quoted. (A time
 * stamp held as epoch milliseconds is a number here: `writeTable` formats it as the column's type says.)
 * @example csvCell('say "hi"') // "\"say \"\"hi\"\"\""
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  switch (typeof value) {
    case "number":
      return Number.isNaN(value) ? "" : Object.is(value, -0) ? "-0" : String(value);
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

/**
 * Write a table as CSV with a header row, streaming a MiB of rows at a time, each type as ISO-like text
 * (see `writeColumns` for how a column's type is found): time stamps `2018-02-04 18:00:00` (`.sss` only when
 * not zero), dates `2018-02-04`, numbers as numbers, booleans `true`/`false`, missing values empty.
 * @example await writeCsvFile(trips, "out/trips.csv", schemaFromRowSchema(TripRow))
 */
export async function writeCsvFile(table: ColumnTable, path: string, schema?: TableSchema): Promise<void> {
  const columns = writeColumns(table, schema, true); // each number cell is checked as it is written
  const names = columns.map((column) => column.name);
  const cells = columns.map((column) =>
    columnCellBytes(
      column.name,
      column.type,
      column.values,
      column.type === "timestamp" || column.type === "date" ? epochMillisValues(column) : undefined,
      csvCell,
    ),
  );
  const rows = table.numRows();
  const out = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => out.once("error", reject));
  failed.catch(() => {});
  const write = async (bytes: Buffer): Promise<void> => {
    if (!out.write(bytes)) await Promise.race([once(out, "drain"), failed]);
  };
  try {
    await write(Buffer.from(`${names.map(csvCell).join(",")}\n`));
    let buffer = Buffer.allocUnsafe(BYTES_PER_WRITE);
    let at = 0;
    /** Hand the bytes so far to the stream, then go on in a new buffer of `room` bytes at least. */
    const flush = async (room: number): Promise<void> => {
      if (at > 0) await write(buffer.subarray(0, at)); // the stream keeps this buffer: a new one follows
      buffer = Buffer.allocUnsafe(Math.max(BYTES_PER_WRITE, room));
      at = 0;
    };
    // a row's number and time cells, its delimiters and its line end take at most this; texts say their own
    const fixedRoom = cells.length * (MAX_FIXED_CELL_BYTES + 1) + 1;
    const texts = new Array<string>(cells.length).fill("");
    for (let row = 0; row < rows; row++) {
      let room = fixedRoom;
      for (let c = 0; c < cells.length; c++) {
        const column = cells[c] as CellBytes;
        if (column.text !== undefined) {
          const text = column.text(row);
          texts[c] = text;
          room += textRoom(text);
        }
      }
      if (at + room > buffer.length) await flush(room);
      for (let c = 0; c < cells.length; c++) {
        if (c > 0) buffer[at++] = COMMA;
        const column = cells[c] as CellBytes;
        at =
          column.write === undefined
            ? writeText(buffer, at, texts[c] as string)
            : column.write(buffer, at, row);
      }
      buffer[at++] = LINE_FEED;
    }
    if (at > 0) await write(buffer.subarray(0, at));
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
