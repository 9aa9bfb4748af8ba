import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type { ColumnTable } from "arquero";
import { formatTimestamp } from "./timestamp";

const ROWS_PER_WRITE = 4096;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV cell (RFC 4180): null as empty, `""` for the empty string, Dates as UTC wall-clock
 * `2018-02-04T18:00:00` (`.sss` only when not zero), fields with `,` `"` CR LF quoted.
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
 * Write a table as CSV with a header row, streaming a few thousand rows at a time.
 * @example await writeCsvFile(trips, "out/trips.csv")
 */
export async function writeCsvFile(table: ColumnTable, path: string): Promise<void> {
  const names = table.columnNames();
  const columns = names.map((name) => table.array(name) as ArrayLike<unknown>);
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
    if (!out.closed) out.destroy();
  }
}
