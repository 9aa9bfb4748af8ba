import { createReadStream } from "node:fs";
import { delimiterByte } from "../read/delimiter";
import { readCsvHeaderRecord } from "./csv-header";
import { CsvRecords, CsvTokenizer, type ShapeIssue } from "./csv-tokenizer";

const LF = 10;

/**
 * The line (1-based) each of the records asked for starts on in a CSV file, as readTable numbers it: `records`
 * are 0-based positions among the file's records after its header (a blank line of a file of several columns is
 * no record; a record of another number of fields than the header is none either), and a line end inside a
 * quoted cell moves the lines on. Reads the file up to the last record asked for; a record past the end: -1.
 * @example await csvRecordLines("trips.csv", [0, 41]) // [2, 45]: blank lines and quoted line ends before 41
 */
export async function csvRecordLines(
  path: string,
  records: readonly number[],
  delimiter?: string,
): Promise<number[]> {
  const lines = records.map(() => -1);
  const header = await readCsvHeaderRecord(path, delimiter);
  const last = records.reduce((most, record) => Math.max(most, record), -1);
  if (header === undefined || last < 0) return lines;
  const wanted = new Map<number, number[]>();
  for (const [k, record] of records.entries()) wanted.set(record, [...(wanted.get(record) ?? []), k]);
  const tokenizer = new CsvTokenizer(delimiterByte(path, delimiter), header.names.length);
  // the body's first line: one after each line end up to it (blank lines before the header included)
  tokenizer.line = 1 + (await lineEndsBefore(path, header.end));
  const out = new CsvRecords(header.names.length);
  const issues: ShapeIssue[] = [];
  let seen = 0;
  let pending: Buffer = Buffer.alloc(0);
  const take = (buf: Buffer, eof: boolean): Buffer => {
    out.count = 0;
    const next = tokenizer.tokenize(buf, 0, eof, out, issues);
    for (let r = 0; r < out.count; r++, seen++) {
      for (const k of wanted.get(seen) ?? []) lines[k] = out.lines[r] as number;
    }
    issues.length = 0;
    return buf.subarray(next);
  };
  const stream = createReadStream(path, { start: header.end });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      pending = take(pending.length === 0 ? chunk : Buffer.concat([pending, chunk]), false);
      if (seen > last) return lines;
    }
    take(pending, true);
    return lines;
  } finally {
    stream.destroy();
  }
}

/** The line ends among the first `end` bytes of the file. */
async function lineEndsBefore(path: string, end: number): Promise<number> {
  if (end === 0) return 0;
  let count = 0;
  for await (const chunk of createReadStream(path, { end: end - 1 }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(LF); i !== -1; i = chunk.indexOf(LF, i + 1)) count++;
  }
  return count;
}
