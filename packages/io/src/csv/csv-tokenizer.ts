/**
 * A byte-level CSV tokenizer (RFC 4180): finds the fields of complete records in a buffer and leaves the rest
 * for the next chunk. Nothing is decoded here: fields are byte ranges, so a chunk boundary inside a multi-byte
 * UTF-8 character, inside quotes or between CR and LF is harmless (an incomplete record is simply parsed again
 * with the next chunk appended).
 *
 * Why not udsv (0.7.3, measured): its streaming mode works on decoded strings, so every cell becomes a string;
 * it corrupts a row when a chunk splits a CRLF (the next row starts with "\n"), silently merges a short row
 * with the next line, treats the header differently depending on the first chunk's size, and gives no line
 * numbers. Tokenising bytes here is both correct at every boundary and faster (no string per number cell).
 */

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** The fields of the records found in one buffer, `stride` slots per record. */
export class CsvRecords {
  /** Byte offset where each field's content starts (inside the quotes for a quoted field). */
  starts = new Int32Array(0);
  /** Byte offset where each field's content ends (exclusive). */
  ends = new Int32Array(0);
  /** 0: unquoted; 1: quoted; 2: quoted and holding `""` escapes. */
  quoted = new Uint8Array(0);
  /** 1-based file line where each record starts. */
  lines = new Int32Array(0);
  /** Number of fields each record had (only kept when the tokenizer accepts any width, i.e. for the header). */
  widths = new Int32Array(0);
  /** Records found. */
  count = 0;

  /**
   * @param stride field slots per record
   * @param initialRecords records to make room for at first
   */
  constructor(
    readonly stride: number,
    private readonly initialRecords = 1024,
  ) {}

  /** Make room for `records` records. */
  ensure(records: number): void {
    if (this.lines.length >= records) return;
    const capacity = Math.max(records, this.lines.length * 2, this.initialRecords);
    const grow = <T extends Int32Array | Uint8Array>(old: T, make: (n: number) => T, n: number): T => {
      const next = make(n);
      next.set(old);
      return next;
    };
    this.starts = grow(this.starts, (n) => new Int32Array(n), capacity * this.stride);
    this.ends = grow(this.ends, (n) => new Int32Array(n), capacity * this.stride);
    this.quoted = grow(this.quoted, (n) => new Uint8Array(n), capacity * this.stride);
    this.lines = grow(this.lines, (n) => new Int32Array(n), capacity);
    this.widths = grow(this.widths, (n) => new Int32Array(n), capacity);
  }
}

/** A record whose field count differs from the header's (it is not put into {@link CsvRecords}). */
export interface ShapeIssue {
  line: number;
  fields: number;
}

/** A CSV syntax error the tokenizer cannot step over. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = "CsvSyntaxError";
  }
}

/**
 * Splits CSV bytes into records and fields. Records must end in LF or CRLF (a lone CR is kept as data);
 * blank lines are skipped, except when `width` is 1: in a one-column file a blank line is a record whose one
 * cell is empty (a missing value, as writeTable writes it and DuckDB reads it; the line end ending the last
 * record makes no record); a record with another field count than `width` is reported as a {@link ShapeIssue}.
 * @example
 *   const t = new CsvTokenizer(44, 3); const out = new CsvRecords(3); const issues: ShapeIssue[] = [];
 *   const rest = t.tokenize(Buffer.from('a,"b,c",d\n1,2'), 0, false, out, issues); // out.count 1, rest 10
 */
export class CsvTokenizer {
  /** Line where the next record starts (1-based). */
  line = 1;
  /** The buffer last searched for a quote, from where, and the first quote found (-1: none). */
  private searched: Uint8Array | undefined;
  private searchedFrom = 0;
  private firstQuote = -1;

  /**
   * @param delimiter the field separator byte (44 for a comma)
   * @param width fields per record; 0 accepts any width (stores at most `out.stride` fields and the count)
   */
  constructor(
    readonly delimiter: number,
    readonly width: number,
  ) {}

  /**
   * Tokenize the complete records of `buf` from `pos` into `out` (appending), at most `maxRecords` of them.
   * Returns the offset of the first byte not consumed: the start of an incomplete record, or `buf.length`.
   * At `eof` the last record may lack its line end; an unterminated quote is then a {@link CsvSyntaxError}.
   */
  tokenize(
    buf: Uint8Array,
    pos: number,
    eof: boolean,
    out: CsvRecords,
    issues: ShapeIssue[],
    maxRecords = Number.POSITIVE_INFINITY,
  ): number {
    if (this.quoteFree(buf, pos)) return this.tokenizeUnquoted(buf, pos, eof, out, issues, maxRecords);
    return this.tokenizeQuoted(buf, pos, eof, out, issues, maxRecords);
  }

  /** {@link tokenize} for bytes that may hold quotes (callers use `tokenize`, which picks the scan). */
  tokenizeQuoted(
    buf: Uint8Array,
    pos: number,
    eof: boolean,
    out: CsvRecords,
    issues: ShapeIssue[],
    maxRecords = Number.POSITIVE_INFINITY,
  ): number {
    const n = buf.length;
    const D = this.delimiter;
    const stride = out.stride;
    const width = this.width;
    let line = this.line;
    let found = 0;
    let p = pos;
    while (p < n && found < maxRecords) {
      const recordStart = p;
      const recordLine = line;
      let newlinesInQuotes = 0;
      let f = 0;
      out.ensure(out.count + 1);
      const base = out.count * stride;
      const starts = out.starts;
      const ends = out.ends;
      const quoted = out.quoted;
      for (;;) {
        if (p >= n) {
          // after a delimiter at the very end: an empty last field
          if (!eof) {
            this.line = line;
            return recordStart;
          }
          if (f < stride) {
            starts[base + f] = p;
            ends[base + f] = p;
            quoted[base + f] = 0;
          }
          f++;
          break;
        }
        let c = buf[p] as number;
        if (c === QUOTE) {
          const contentStart = p + 1;
          let q = contentStart;
          let escapes = 0;
          let contentEnd: number;
          for (;;) {
            const k = indexOfByte(buf, QUOTE, q, n);
            if (k === -1) {
              if (!eof) {
                this.line = line;
                return recordStart;
              }
              throw new CsvSyntaxError(
                recordLine + newlinesInQuotes,
                "a quoted field is not closed before the end of the file",
              );
            }
            for (let i = q; i < k; i++) if (buf[i] === LF) newlinesInQuotes++;
            if (k + 1 >= n && !eof) {
              this.line = line;
              return recordStart;
            }
            if (k + 1 < n && buf[k + 1] === QUOTE) {
              escapes = 1;
              q = k + 2;
              continue;
            }
            contentEnd = k;
            p = k + 1;
            break;
          }
          if (f < stride) {
            starts[base + f] = contentStart;
            ends[base + f] = contentEnd;
            quoted[base + f] = 1 + escapes;
          }
          f++;
          if (p >= n) break; // eof (checked above)
          c = buf[p] as number;
          if (c === D) {
            p++;
            continue;
          }
          if (c === LF) {
            p++;
            break;
          }
          if (c === CR) {
            if (p + 1 >= n) {
              if (!eof) {
                this.line = line;
                return recordStart;
              }
              p++;
              break;
            }
            if (buf[p + 1] === LF) {
              p += 2;
              break;
            }
          }
          throw new CsvSyntaxError(
            recordLine + newlinesInQuotes,
            `unexpected ${JSON.stringify(String.fromCharCode(c))} after the closing quote of field ${f} (a quoted field must be followed by a delimiter or a line end)`,
          );
        }
        const fieldStart = p;
        while (p < n) {
          c = buf[p] as number;
          if (c === D || c === LF) break;
          p++;
        }
        if (p >= n && !eof) {
          this.line = line;
          return recordStart;
        }
        let fieldEnd = p;
        const endsRecord = p >= n || c === LF;
        if (endsRecord && fieldEnd > fieldStart && buf[fieldEnd - 1] === CR) fieldEnd--;
        if (f < stride) {
          starts[base + f] = fieldStart;
          ends[base + f] = fieldEnd;
          quoted[base + f] = 0;
        }
        f++;
        p++;
        if (endsRecord) break;
      }
      line = recordLine + 1 + newlinesInQuotes;
      // a blank line: no record, but in a one-column file a record whose one cell is empty (see the class)
      if (f === 1 && width !== 1 && starts[base] === ends[base] && quoted[base] === 0) continue;
      if (width !== 0 && f !== width) {
        issues.push({ line: recordLine, fields: f });
        continue;
      }
      out.lines[out.count] = recordLine;
      out.widths[out.count] = f;
      out.count++;
      found++;
    }
    this.line = line;
    return Math.min(p, n);
  }

  /**
   * Whether `buf` holds no quote from `pos` on (one memchr per buffer, however many calls tokenize it):
   * fields then end at the next delimiter or line end. The answer is kept per buffer object, so a buffer's
   * bytes must not change between calls (the readers never change them).
   */
  private quoteFree(buf: Uint8Array, pos: number): boolean {
    if (
      buf !== this.searched ||
      pos < this.searchedFrom ||
      (this.firstQuote !== -1 && this.firstQuote < pos)
    ) {
      this.searched = buf;
      this.searchedFrom = pos;
      this.firstQuote = buf.indexOf(QUOTE, pos);
    }
    return this.firstQuote === -1;
  }

  /**
   * {@link tokenize} for bytes that hold no quote character: the same records, issues and line numbers as
   * {@link tokenizeQuoted}, from one tight loop per field (no quote handling; `quoted` is cleared once for the
   * records found). Callers use `tokenize`, which picks the scan.
   */
  tokenizeUnquoted(
    buf: Uint8Array,
    pos: number,
    eof: boolean,
    out: CsvRecords,
    issues: ShapeIssue[],
    maxRecords = Number.POSITIVE_INFINITY,
  ): number {
    const n = buf.length;
    const D = this.delimiter;
    const stride = out.stride;
    const width = this.width;
    const firstRecord = out.count;
    let count = firstRecord;
    let line = this.line;
    let p = pos;
    let capacity = out.lines.length;
    let { starts, ends, lines, widths } = out;
    let c = 0;
    while (p < n && count - firstRecord < maxRecords) {
      const recordStart = p;
      if (count >= capacity) {
        out.ensure(count + 1);
        capacity = out.lines.length;
        ({ starts, ends, lines, widths } = out);
      }
      const base = count * stride;
      let f = 0;
      for (;;) {
        const fieldStart = p;
        c = 0;
        while (p < n) {
          c = buf[p] as number;
          if (c === D || c === LF) break;
          p++;
        }
        if (f < stride) {
          starts[base + f] = fieldStart;
          ends[base + f] = p;
        }
        f++;
        if (p >= n) break;
        p++;
        if (c !== D) break;
      }
      if (c !== LF && !eof) {
        p = recordStart;
        break;
      }
      if (f <= stride) {
        const at = base + f - 1;
        const end = ends[at] as number;
        if (end > (starts[at] as number) && buf[end - 1] === CR) ends[at] = end - 1;
      }
      const recordLine = line;
      line++;
      // a blank line: no record, but in a one-column file a record whose one cell is empty (see the class)
      if (f === 1 && width !== 1 && starts[base] === ends[base]) continue;
      if (width !== 0 && f !== width) {
        issues.push({ line: recordLine, fields: f });
        continue;
      }
      lines[count] = recordLine;
      widths[count] = f;
      count++;
    }
    out.count = count;
    out.quoted.fill(0, firstRecord * stride, count * stride);
    this.line = line;
    return Math.min(p, n);
  }
}

function indexOfByte(buf: Uint8Array, byte: number, from: number, to: number): number {
  const k = buf.indexOf(byte, from);
  return k === -1 || k >= to ? -1 : k;
}
