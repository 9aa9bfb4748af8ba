import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeField } from "../columns/column-builders";
import { CsvRecords, CsvSyntaxError, CsvTokenizer, type ShapeIssue } from "./csv-tokenizer";

interface Tokenized {
  rows: string[][];
  lines: number[];
  issues: ShapeIssue[];
}

/** Feed `bytes` to a tokenizer `chunk` bytes at a time, the way the CSV reader does. */
function tokenizeInChunks(bytes: Buffer, chunk: number, width: number): Tokenized {
  const tokenizer = new CsvTokenizer(44, width);
  const records = new CsvRecords(width === 0 ? 64 : width);
  const out: Tokenized = { rows: [], lines: [], issues: [] };
  let pending: Buffer = Buffer.alloc(0);
  const drain = (buf: Buffer, eof: boolean): Buffer => {
    records.count = 0;
    const next = tokenizer.tokenize(buf, 0, eof, records, out.issues);
    for (let r = 0; r < records.count; r++) {
      const row: string[] = [];
      const w = records.widths[r] as number;
      for (let f = 0; f < w; f++) {
        const i = r * records.stride + f;
        row.push(
          decodeField(
            buf,
            records.starts[i] as number,
            records.ends[i] as number,
            records.quoted[i] as number,
          ),
        );
      }
      out.rows.push(row);
      out.lines.push(records.lines[r] as number);
    }
    return buf.subarray(next);
  };
  for (let at = 0; at < bytes.length; at += chunk) {
    pending = drain(Buffer.concat([pending, bytes.subarray(at, at + chunk)]), false);
  }
  const rest = drain(pending, true);
  expect(rest.length).toBe(0);
  return out;
}

const everyChunkSize = (bytes: Buffer): number[] => [1, 2, 3, 4, 5, 7, 11, 16, bytes.length + 1];

describe("CsvTokenizer", () => {
  it("splits plain and quoted fields, with escaped quotes and embedded delimiters and line ends", () => {
    const csv = Buffer.from('a,b,c\n1,"x, y","he said ""hi"""\n2,"multi\nline",\n"",,"\r\n"\n');
    for (const chunk of everyChunkSize(csv)) {
      const { rows, lines } = tokenizeInChunks(csv, chunk, 3);
      expect(rows).toEqual([
        ["a", "b", "c"],
        ["1", "x, y", 'he said "hi"'],
        ["2", "multi\nline", ""],
        ["", "", "\r\n"],
      ]);
      expect(lines).toEqual([1, 2, 3, 5]);
    }
  });

  it("reads CRLF line ends wherever a chunk splits them", () => {
    const csv = Buffer.from('a,b\r\n1,2\r\n"3",4\r\n5,"6"\r\n');
    for (const chunk of everyChunkSize(csv)) {
      expect(tokenizeInChunks(csv, chunk, 2).rows).toEqual([
        ["a", "b"],
        ["1", "2"],
        ["3", "4"],
        ["5", "6"],
      ]);
    }
  });

  it("keeps multi-byte UTF-8 characters whole across chunk boundaries", () => {
    const csv = Buffer.from('name,city\nJosé,Zürich\n"北京, 中国",🚕\n');
    for (const chunk of everyChunkSize(csv)) {
      expect(tokenizeInChunks(csv, chunk, 2).rows).toEqual([
        ["name", "city"],
        ["José", "Zürich"],
        ["北京, 中国", "🚕"],
      ]);
    }
  });

  it("accepts a last record without a line end, and a trailing empty field", () => {
    expect(tokenizeInChunks(Buffer.from("a,b\n1,"), 1, 2).rows).toEqual([
      ["a", "b"],
      ["1", ""],
    ]);
    expect(tokenizeInChunks(Buffer.from('a,b\n1,"2"'), 1, 2).rows).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("skips blank lines but counts them", () => {
    const { rows, lines } = tokenizeInChunks(Buffer.from("a,b\n\n1,2\r\n\r\n3,4\n\n"), 2, 2);
    expect(rows).toEqual([
      ["a", "b"],
      ["1", "2"],
      ["3", "4"],
    ]);
    expect(lines).toEqual([1, 3, 5]);
  });

  it("reads a blank line of a one-column file as a record of one empty cell, the last line end making none", () => {
    const csv = Buffer.from('\n\n1\r\n\r\n""\n\n\n');
    for (const chunk of everyChunkSize(csv)) {
      const { rows, lines } = tokenizeInChunks(csv, chunk, 1);
      expect(rows).toEqual([[""], [""], ["1"], [""], [""], [""], [""]]);
      expect(lines).toEqual([1, 2, 3, 4, 5, 6, 7]);
    }
    expect(tokenizeInChunks(Buffer.from("1\n\n2"), 1, 1).rows).toEqual([["1"], [""], ["2"]]);
    // a header (any width) is the first line that is not blank
    expect(tokenizeInChunks(Buffer.from("\n\nx\n"), 1, 0).rows).toEqual([["x"]]);
  });

  it("reports records with the wrong number of fields and goes on", () => {
    const { rows, issues } = tokenizeInChunks(Buffer.from("a,b\n1,2,3\n4\n5,6\n"), 3, 2);
    expect(rows).toEqual([
      ["a", "b"],
      ["5", "6"],
    ]);
    expect(issues).toEqual([
      { line: 2, fields: 3 },
      { line: 3, fields: 1 },
    ]);
  });

  it("rejects an unclosed quote and text after a closing quote", () => {
    expect(() => tokenizeInChunks(Buffer.from('a,b\n1,"open\n2,3\n'), 4, 2)).toThrow(CsvSyntaxError);
    expect(() => tokenizeInChunks(Buffer.from('a,b\n1,"open\n2,3\n'), 4, 2)).toThrow(
      /line 2: a quoted field is not closed/,
    );
    expect(() => tokenizeInChunks(Buffer.from('a,b\n1,"x"y\n'), 100, 2)).toThrow(
      /line 2: unexpected "y" after the closing quote/,
    );
  });

  it("reads what an RFC 4180 writer writes, however the bytes are chunked", () => {
    const cell = fc.oneof(
      fc.string({ unit: fc.constantFrom("a", "b", ",", '"', "\n", "\r", " ", "é", "€", "😀") }),
      fc.string(),
    );
    const quote = (v: string): string =>
      v === "" || /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((width) =>
          fc.tuple(
            fc.constant(width),
            fc.array(fc.array(cell, { minLength: width, maxLength: width }), {
              minLength: 1,
              maxLength: 6,
            }),
            fc.constantFrom("\n", "\r\n"),
            fc.integer({ min: 1, max: 9 }),
          ),
        ),
        ([width, rows, eol, chunk]) => {
          const text = rows.map((row) => row.map(quote).join(",")).join(eol) + eol;
          const got = tokenizeInChunks(Buffer.from(text), chunk, width);
          expect(got.rows).toEqual(rows);
          expect(got.issues).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("scans quote-free bytes to the same records, lines, issues and offsets as the quote-aware scan", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "1", "é", " ", ",", "\n", "\r"), maxLength: 40 });
    fc.assert(
      fc.property(
        text,
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        fc.constantFrom(1, 2, 3, Number.POSITIVE_INFINITY),
        fc.nat(),
        (body, width, stride, eof, maxRecords, from) => {
          const buf = Buffer.from(body);
          const pos = buf.length === 0 ? 0 : from % buf.length;
          const scan = (how: "tokenizeQuoted" | "tokenizeUnquoted") => {
            const tokenizer = new CsvTokenizer(44, width);
            tokenizer.line = 7;
            const out = new CsvRecords(stride, 1);
            out.ensure(1);
            out.quoted.fill(1); // a reused buffer: slots a quoted field left behind
            const issues: ShapeIssue[] = [];
            const next = tokenizer[how](buf, pos, eof, out, issues, maxRecords);
            const fields: number[][] = [];
            for (let r = 0; r < out.count; r++) {
              const w = Math.min(out.widths[r] as number, stride);
              for (let f = 0; f < w; f++) {
                const i = r * stride + f;
                fields.push([out.starts[i] as number, out.ends[i] as number, out.quoted[i] as number]);
              }
            }
            const records = [...out.lines.subarray(0, out.count)];
            const widths = [...out.widths.subarray(0, out.count)];
            return { next, line: tokenizer.line, fields, records, widths, issues };
          };
          expect(scan("tokenizeUnquoted")).toEqual(scan("tokenizeQuoted"));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
