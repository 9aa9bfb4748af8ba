import { decodeField } from "../columns/column-builders";
import { BatchIssues } from "../columns/invalid-values";
import { TableReadError } from "../errors";
import { mapColumns } from "../read/aliases";
import { type MalformedRecord, type ReadContext, settleBatch } from "../read/read-context";
import { CsvRecords, CsvTokenizer, type ShapeIssue } from "./csv-tokenizer";

/** The most header fields read. */
const MAX_HEADER_FIELDS = 1 << 14;
/** Records read before the record buffer is sized for the rest of a chunk. */
const SIZING_RECORDS = 256;

/**
 * Reads one CSV file's bytes, pushed chunk by chunk, into a read context: the header first, then the records
 * (appended to the builders and settled per chunk). Also what a worker of the parallel read runs on a piece.
 */
export class CsvFileReader {
  private pending: Buffer | null = null;
  private bomChecked = false;
  private tokenizer: CsvTokenizer | null = null;
  private records: CsvRecords | null = null;
  private mapping: number[] = [];
  private readonly shapeIssues: ShapeIssue[] = [];
  private readonly issues: BatchIssues;
  private readonly rowsBefore: number;
  private sized = false;
  private recordsSized = false;

  constructor(
    private readonly ctx: ReadContext,
    private readonly delimiter: number,
    private readonly fileSize: number,
  ) {
    this.issues = new BatchIssues(ctx.invalid.mode === "error");
    this.rowsBefore = ctx.rows;
  }

  /** The line the next record starts on (1-based; the header is line 1), once the header is read. */
  get nextLine(): number {
    return this.tokenizer?.line ?? 1;
  }

  /** Count `lines` more lines before the next record (a piece of a file that starts further in). */
  skipLines(lines: number): void {
    if (this.tokenizer === null) throw new Error("skipLines: the header is not read yet");
    this.tokenizer.line += lines;
  }

  /** Push the next bytes of the file (`null` and `eof` at the end). */
  push(chunk: Buffer | null, eof: boolean): void {
    let buf: Buffer;
    if (this.pending === null) buf = chunk ?? Buffer.alloc(0);
    else buf = chunk === null ? this.pending : Buffer.concat([this.pending, chunk]);
    this.pending = null;
    let pos = 0;
    if (!this.bomChecked) {
      if (buf.length < 3 && !eof) {
        this.pending = buf;
        return;
      }
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
      this.bomChecked = true;
    }
    if (this.tokenizer === null) {
      const next = this.readHeader(buf, pos, eof);
      if (next < 0) {
        this.pending = buf.subarray(pos);
        return;
      }
      pos = next;
    }
    const next = this.readRecords(buf, pos, eof);
    if (next < buf.length) this.pending = buf.subarray(next);
  }

  /** Parse the header record; returns the offset after it, or -1 when it is not complete yet. */
  private readHeader(buf: Buffer, pos: number, eof: boolean): number {
    const headerTokenizer = new CsvTokenizer(this.delimiter, 0);
    const header = new CsvRecords(MAX_HEADER_FIELDS, 1);
    const next = headerTokenizer.tokenize(buf, pos, eof, header, [], 1);
    if (header.count === 0) {
      if (!eof) return -1;
      throw new TableReadError({
        file: this.ctx.file,
        reason: "the file is empty: a header row is required",
      });
    }
    const width = header.widths[0] as number;
    if (width > MAX_HEADER_FIELDS) {
      throw new TableReadError({
        file: this.ctx.file,
        line: 1,
        reason: `the header has more than ${MAX_HEADER_FIELDS} fields`,
      });
    }
    const names: string[] = [];
    for (let f = 0; f < width; f++) {
      names.push(
        decodeField(
          buf,
          header.starts[f] as number,
          header.ends[f] as number,
          header.quoted[f] as number,
        ).trim(),
      );
    }
    this.mapping = mapColumns(this.ctx.file, names, this.ctx.specs, this.ctx.aliases);
    this.tokenizer = new CsvTokenizer(this.delimiter, width);
    this.tokenizer.line = headerTokenizer.line;
    this.records = new CsvRecords(width);
    return next;
  }

  /**
   * Tokenize the complete records of `buf` from `pos` into `records` (returns the offset of the unconsumed
   * rest). The first time, a few records are read to learn their length, and `records` is sized for the rest
   * at once (a piece of a parallel read is one buffer: growing by doubling copied its fields ~6 times).
   */
  private tokenizeAll(buf: Buffer, pos: number, eof: boolean): number {
    const tokenizer = this.tokenizer as CsvTokenizer;
    const records = this.records as CsvRecords;
    if (this.recordsSized) return tokenizer.tokenize(buf, pos, eof, records, this.shapeIssues);
    const first = tokenizer.tokenize(buf, pos, eof, records, this.shapeIssues, SIZING_RECORDS);
    if (records.count < SIZING_RECORDS) return first; // the buffer ends (or holds an incomplete record) here
    this.recordsSized = true;
    const bytesPerRecord = Math.max(1, (first - pos) / records.count);
    records.ensure(records.count + Math.ceil(((buf.length - first) / bytesPerRecord) * 1.05) + 16);
    return tokenizer.tokenize(buf, first, eof, records, this.shapeIssues);
  }

  /** Tokenize and convert the complete records of `buf` from `pos`; returns the offset of the unconsumed rest. */
  private readRecords(buf: Buffer, pos: number, eof: boolean): number {
    const tokenizer = this.tokenizer as CsvTokenizer;
    const records = this.records as CsvRecords;
    const { ctx, mapping, issues, shapeIssues } = this;
    records.count = 0;
    shapeIssues.length = 0;
    issues.clear();
    const next = this.tokenizeAll(buf, pos, eof);
    const count = records.count;
    const base = ctx.rows;
    // A batched read hands each batch on: its builders never hold the whole file, so are not pre-sized.
    if (!this.sized && count > 0 && ctx.onBatch === undefined) {
      this.sized = true;
      const bytesPerRecord = Math.max(1, (next - pos) / count);
      const expected = this.rowsBefore + (this.fileSize / bytesPerRecord) * 1.02 + 16;
      for (const builder of ctx.builders) builder.expect(expected);
    }
    for (let c = 0; c < ctx.builders.length; c++) {
      const builder = ctx.builders[c];
      const field = mapping[c] as number;
      if (builder === undefined) continue;
      if (field < 0) builder.appendAbsent(count);
      else builder.appendCsv(records, buf, field, issues, c);
    }
    const malformed: MalformedRecord[] = shapeIssues.map((s) => ({
      line: s.line,
      reason: `expected ${tokenizer.width} fields as in the header, found ${s.fields}`,
    }));
    settleBatch(
      ctx,
      base,
      count,
      issues,
      (r) => ({ line: records.lines[r] as number }),
      (r, c) => {
        const i = r * records.stride + (mapping[c] as number);
        return decodeField(
          buf,
          records.starts[i] as number,
          records.ends[i] as number,
          records.quoted[i] as number,
        );
      },
      malformed,
    );
    return next;
  }
}
