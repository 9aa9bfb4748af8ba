import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { formatTimestamp, isEpochMillis } from "@tablepipe/core";
import type { ColumnTable } from "arquero";
import type { ColumnSpec } from "../read/schema-columns";

const ROWS_PER_WRITE = 4096;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV cell (RFC 4180): null as empty, `""` for the empty string, numbers as numbers, Dates as UTC
 * wall-clock `2018-02-04T18:00:00` (`.sss` only when not zero), fields with `,` `"` CR LF quoted. (A time
 * stamp held as epoch milliseconds is a number here: `writeTable` formats it when its schema says so.)
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
      if (value instanceof Date) return formatTimestamp(value);
      return csvCell(JSON.stringify(value));
  }
}

/**
 * Write a table as CSV with a header row, streaming a few thousand rows at a time. A column that `specs`
 * types as a time stamp has its numbers (epoch milliseconds) written as UTC wall-clock time stamps; Dates are
 * written as time stamps in any column; without a spec a number is written as a number.
 * @example await writeCsvFile(trips, "out/trips.csv", columnKinds(TripRow))
 */
export async function writeCsvFile(
  table: ColumnTable,
  path: string,
  specs: readonly ColumnSpec[] = [],
): Promise<void> {
  const names = table.columnNames();
  const timestampColumns = new Set(specs.filter((s) => s.kind === "timestamp").map((s) => s.name));
  const columns = names.map((name) => table.array(name) as ArrayLike<unknown>);
  const isTimestamp = names.map((name) => timestampColumns.has(name));
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
          const value = (columns[c] as ArrayLike<unknown>)[r];
          if (c > 0) text += ",";
          if (typeof value === "number" && isTimestamp[c] === true) {
            if (!isEpochMillis(value)) {
              throw new RangeError(
                `column ${names[c]}, row ${r + 1}: ${value} is not a time stamp (epoch milliseconds)`,
              );
            }
            text += formatTimestamp(value);
            continue;
          }
          if (value instanceof Date && Number.isNaN(value.getTime())) {
            throw new RangeError(`column ${names[c]}, row ${r + 1}: invalid Date`);
          }
          text += csvCell(value);
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
