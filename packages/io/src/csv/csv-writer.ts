import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { formatWallClock } from "@tablepipe/core";
import type { ColumnTable } from "arquero";
import type { ColumnSpec } from "../read/schema-columns";
import { epochMillisValues, writeColumns } from "../write/column-types";
import { type ColumnCells, columnCells } from "./csv-cells";

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
  const cellsOf = columns.map((column) =>
    columnCells(
      column.type,
      column.values,
      column.type === "timestamp" || column.type === "date" ? epochMillisValues(column) : undefined,
      csvCell,
    ),
  );
  const cells = columns.map(() => new Array<string>(ROWS_PER_WRITE));
  const row = new Array<string>(columns.length);
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
      // each column's cells first (a loop of one kind per column), then each row joined, then the rows
      for (let c = 0; c < columns.length; c++) (cellsOf[c] as ColumnCells)(start, end, cells[c] as string[]);
      const lines = new Array<string>(end - start);
      for (let i = 0; i < lines.length; i++) {
        for (let c = 0; c < columns.length; c++) row[c] = (cells[c] as string[])[i] as string;
        lines[i] = row.join(",");
      }
      const text = `${lines.join("\n")}\n`;
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
