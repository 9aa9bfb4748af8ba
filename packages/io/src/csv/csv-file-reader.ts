import { decodeField } from "../columns/column-builders";
import { BatchIssues } from "../columns/invalid-values";
import { TableReadError } from "../errors";
import { noteAbsentColumns } from "../read/absent-columns";
import { mapColumns } from "../read/aliases";
import { handOnBatch, type MalformedRecord, type ReadContext, settleBatch } from "../read/read-context";
import { headerNames, MAX_HEADER_FIELDS } from "./csv-header";
import { CsvRecords, CsvSyntaxError, CsvTokenizer, type ShapeIssue } from "./csv-tokenizer";
import { FastRecords } from "./fast-records";

/**
 * Records tokenized and converted in one pass: their field offsets (~150 KB for 17 columns) stay in the
 * cache while each column's builder walks them (a whole chunk's offsets did not, and each column's pass
 * read them back from memory).
 */
const RECORDS_PER_PASS = 1024;

/** Whether the reader tries the fast pass (`fast-records.ts`) first; a setting so that tests can compare both. */
export const fastPassSettings = { enabled: true };

/**
 * Reads one CSV file's bytes, pushed chunk by chunk, into a read context: the header first, then the records
 * (appended to the builders and settled per chunk). Also what a worker of the parallel read runs on a piece.
 */
export class CsvFileReader {
  private pending: Buffer | null = null;
  private bomChecked = false;
  private tokenizer: CsvTokenizer | null = null;
  private records: CsvRecords | null = null;
  private fast: FastRecords | undefined;
  /** Whether the latest pass may have left complete records in the buffer. */
  private passMayContinue = false;
  private mapping: number[] = [];
  private readonly shapeIssues: ShapeIssue[] = [];
  private readonly issues: BatchIssues;
  private readonly rowsBefore: number;
  private sized = false;

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
    const names = headerNames(buf, header, width);
    this.mapping = mapColumns(this.ctx.file, names, this.ctx.specs, this.ctx.aliases);
    noteAbsentColumns(this.ctx, this.mapping);
    this.tokenizer = new CsvTokenizer(this.delimiter, width);
    this.tokenizer.line = headerTokenizer.line;
    this.records = new CsvRecords(width, RECORDS_PER_PASS);
    this.fast = fastPassSettings.enabled
      ? FastRecords.plan(this.ctx.builders, this.mapping, width, this.delimiter, RECORDS_PER_PASS)
      : undefined;
    return next;
  }

  /**
   * Convert the complete records of `buf` from `pos`, {@link RECORDS_PER_PASS} at a time, then hand the
   * batch on; returns the offset of the unconsumed rest.
   */
  private readRecords(buf: Buffer, pos: number, eof: boolean): number {
    let next = pos;
    do next = this.fastPass(buf, next) ?? this.readPass(buf, next, eof);
    while (this.passMayContinue && next < buf.length);
    handOnBatch(this.ctx);
    return next;
  }

  /**
   * The fast pass over up to {@link RECORDS_PER_PASS} records from `pos`, settled (without handing on); returns
   * the offset after them, or undefined when it read none (the tokenizer reads the next record then).
   */
  private fastPass(buf: Buffer, pos: number): number | undefined {
    const fast = this.fast;
    if (fast === undefined) return undefined;
    const { ctx, issues } = this;
    const base = ctx.rows;
    const next = fast.read(buf, pos, RECORDS_PER_PASS, ctx.builders);
    const count = fast.count;
    if (count === 0) return undefined;
    this.sizeBuilders(count, next - pos);
    const tokenizer = this.tokenizer as CsvTokenizer;
    const firstLine = tokenizer.line;
    tokenizer.line += count;
    issues.clear();
    const cellText = (r: number, c: number): string => fast.cellText(buf, r, this.mapping[c] as number);
    for (let c = 0; c < ctx.builders.length; c++) {
      if ((this.mapping[c] as number) < 0) ctx.builders[c]?.appendAbsent(count);
    }
    settleBatch(ctx, base, count, issues, (r) => ({ line: firstLine + r }), cellText, [], false);
    this.passMayContinue = true;
    return next;
  }

  /**
   * Give the builders the file's expected row count once, from the first pass's bytes per record (a batched
   * read hands each batch on: its builders never hold the whole file, so are not pre-sized).
   */
  private sizeBuilders(count: number, bytes: number): void {
    if (this.sized || this.ctx.onBatch !== undefined) return;
    this.sized = true;
    const bytesPerRecord = Math.max(1, bytes / count);
    const expected = this.rowsBefore + (this.fileSize / bytesPerRecord) * 1.02 + 16;
    for (const builder of this.ctx.builders) builder?.expect(expected);
  }

  /**
   * Tokenize, convert and settle (without handing on) up to {@link RECORDS_PER_PASS} records from `pos`. A
   * syntax error (a quote left open, a byte after a closing quote) is thrown after the records before it are
   * settled: an invalid value on an earlier line is the error reported, as the fast pass, which settles the
   * records it read before the tokenizer meets the bad one, reports it.
   */
  private readPass(buf: Buffer, pos: number, eof: boolean): number {
    const tokenizer = this.tokenizer as CsvTokenizer;
    const records = this.records as CsvRecords;
    records.count = 0;
    this.shapeIssues.length = 0;
    this.issues.clear();
    let next: number;
    try {
      next = tokenizer.tokenize(buf, pos, eof, records, this.shapeIssues, RECORDS_PER_PASS);
    } catch (error) {
      if (error instanceof CsvSyntaxError) this.settleRecords(buf, undefined);
      throw error;
    }
    this.settleRecords(buf, next - pos);
    this.passMayContinue = records.count === RECORDS_PER_PASS;
    return next;
  }

  /**
   * Convert the records the tokenizer read and settle them (without handing on); `bytes`: how many they take,
   * to size the builders from the first pass (undefined before a syntax error: not sized then).
   */
  private settleRecords(buf: Buffer, bytes: number | undefined): void {
    const tokenizer = this.tokenizer as CsvTokenizer;
    const records = this.records as CsvRecords;
    const { ctx, mapping, issues, shapeIssues } = this;
    const count = records.count;
    const base = ctx.rows;
    if (count > 0 && bytes !== undefined) this.sizeBuilders(count, bytes);
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
      false,
    );
  }
}
