/** A CSV file's header record, read as readTable reads it: a byte order mark skipped, quotes followed, names trimmed. */
import { open } from "node:fs/promises";
import { decodeField } from "../columns/column-builders";
import { delimiterByte } from "../read/delimiter";
import { CsvRecords, CsvTokenizer } from "./csv-tokenizer";

/** The most header fields read. */
export const MAX_HEADER_FIELDS = 1 << 14;

/** The bytes read before giving up on a header that does not end (a file with no line end in its first 16 MiB). */
const MAX_HEADER_BYTES = 1 << 24;

/**
 * A header record found: where it starts (after a byte order mark) and ends (the offset after its line end: where
 * the body starts), its names (trimmed), and its line (1-based; blank lines before it are skipped).
 */
export interface CsvHeader {
  readonly start: number;
  readonly end: number;
  readonly names: string[];
  readonly line: number;
}

/** The header record at the start of `buf`, or undefined when it is not complete (`eof`: no more bytes follow). */
export function findHeader(buf: Buffer, delimiter: number, eof: boolean): CsvHeader | undefined {
  const start = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const tokenizer = new CsvTokenizer(delimiter, 0);
  const header = new CsvRecords(MAX_HEADER_FIELDS, 1);
  const end = tokenizer.tokenize(buf, start, eof, header, [], 1);
  if (header.count === 0) return undefined;
  const width = Math.min(header.widths[0] as number, MAX_HEADER_FIELDS);
  return { start, end, names: headerNames(buf, header, width), line: header.lines[0] as number };
}

/** The first `width` fields of the first record in `header` (tokenized from `buf`), decoded and trimmed. */
export function headerNames(buf: Buffer, header: CsvRecords, width: number): string[] {
  const names: string[] = [];
  for (let f = 0; f < width; f++) {
    const { starts, ends, quoted } = header;
    names.push(decodeField(buf, starts[f] as number, ends[f] as number, quoted[f] as number).trim());
  }
  return names;
}

/**
 * The column names of a CSV file's header record as readTable reads them (a byte order mark skipped, quoted
 * names followed, each trimmed), from as many of its first bytes as the record takes; undefined for an empty
 * file or a header that does not end within 16 MiB (readTable then names the problem). The delimiter is checked
 * and defaults as readTable's (`csvDelimiterOf`: a tab for a `.tsv` file, else a comma).
 * @example await readCsvHeader("trips.csv") // ["vendor_id", "pickup_datetime", ...]
 */
export async function readCsvHeader(path: string, delimiter?: string): Promise<string[] | undefined> {
  return (await readCsvHeaderRecord(path, delimiter))?.names;
}

/**
 * A CSV file's header record as readTable reads it ({@link readCsvHeader}'s names), with where it starts and
 * ends: the body, the file's records, starts at `end`.
 * @example (await readCsvHeaderRecord("trips.csv"))?.end // 243: the first record's first byte
 */
export async function readCsvHeaderRecord(path: string, delimiter?: string): Promise<CsvHeader | undefined> {
  const separator = delimiterByte(path, delimiter);
  const handle = await open(path, "r");
  try {
    let read = Buffer.alloc(0);
    for (let size = 1 << 16; ; size *= 4) {
      const chunk = Buffer.alloc(Math.min(size, MAX_HEADER_BYTES) - read.length);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, read.length);
      read = Buffer.concat([read, chunk.subarray(0, bytesRead)]);
      const eof = bytesRead < chunk.length;
      const header = findHeader(read, separator, eof);
      if (header !== undefined) return header;
      if (eof || read.length >= MAX_HEADER_BYTES) return undefined;
    }
  } finally {
    await handle.close();
  }
}
