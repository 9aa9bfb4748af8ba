/**
 * Where a CSV file may be cut into pieces of whole records: at a line end outside quotes. The file is fed
 * chunk by chunk, in order. Only the quotes are looked at, one `indexOf` apart, so a file with few quotes is
 * scanned at memchr speed; a chunk dense with quotes (every cell quoted) is read on byte by byte, cheaper than
 * an `indexOf` call per quote. The quoting rules are the tokenizer's (`csv-tokenizer.ts`): a quote opens a
 * quoted field only at the start of a field, `""` inside one is a quote, and the closing quote is followed by
 * the delimiter or a line end. A quote anywhere else (inside an unquoted field, `5'11"`, or a stray byte after
 * a closing quote) makes the cuts ambiguous without tokenizing: {@link RecordEnds.feed} then says so, and the
 * caller reads the rest of the file as a whole.
 */

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** {@link RecordEnds.feed}'s answer when a quote is where no field starts or ends: no cut is known from here. */
export const AMBIGUOUS = -2;

/** Quotes found by `indexOf` in one chunk after which the rest of it is read byte by byte. */
const DENSE_QUOTES = 256;

/**
 * The last line end in `chunk[from, to)`, or -1. A short range (one cell between quotes) is read byte by byte:
 * `lastIndexOf` would search on before `from`, up to the previous line end, for each.
 */
function lastLineEnd(chunk: Uint8Array, from: number, to: number): number {
  if (to - from > 64) {
    const lf = chunk.lastIndexOf(LF, to - 1);
    return lf >= from ? lf : -1;
  }
  for (let i = to - 1; i >= from; i--) if (chunk[i] === LF) return i;
  return -1;
}

/** The record ends of one CSV file, fed chunk by chunk from the first byte after its header line. */
export class RecordEnds {
  readonly #delimiter: number;
  readonly #denseQuotes: number;
  /** Inside a quoted field at the end of the bytes fed so far. */
  #quoted = false;
  /** The last byte fed was a quote inside a quoted field: the next byte says whether it closed the field. */
  #quoteAtEnd = false;
  /** The last byte fed (a line end before the first chunk: the header's). */
  #previous = LF;

  /** `denseQuotes`: quotes found one by one in a chunk before the rest of it is read byte by byte. */
  constructor(delimiter: number, denseQuotes = DENSE_QUOTES) {
    this.#delimiter = delimiter;
    this.#denseQuotes = denseQuotes;
  }

  /**
   * Feed the next chunk; returns the offset in it of the last line end that ends a record (-1: none in this
   * chunk), or {@link AMBIGUOUS}, after which the object must not be fed again.
   * @example const cut = ends.feed(chunk); if (cut >= 0) send(chunk.subarray(0, cut + 1));
   */
  feed(chunk: Uint8Array): number {
    const n = chunk.length;
    const delimiter = this.#delimiter;
    let last = -1;
    let p = 0;
    if (this.#quoteAtEnd && n > 0) {
      this.#quoteAtEnd = false;
      const next = chunk[0] as number;
      if (next === QUOTE)
        p = 1; // `""`: a quote inside the field
      else if (next === delimiter || next === LF || next === CR) this.#quoted = false;
      else return AMBIGUOUS;
    }
    let quotes = 0;
    while (p < n) {
      if (++quotes > this.#denseQuotes) {
        last = this.#scanBytes(chunk, p, last);
        break;
      }
      if (!this.#quoted) {
        const quote = chunk.indexOf(QUOTE, p);
        const end = quote === -1 ? n : quote;
        const lf = lastLineEnd(chunk, p, end);
        if (lf !== -1) last = lf;
        if (quote === -1) break;
        const before = quote > 0 ? (chunk[quote - 1] as number) : this.#previous;
        if (before !== delimiter && before !== LF) return AMBIGUOUS;
        this.#quoted = true;
        p = quote + 1;
      } else {
        const quote = chunk.indexOf(QUOTE, p);
        if (quote === -1) break;
        if (quote + 1 >= n) {
          this.#quoteAtEnd = true;
          break;
        }
        const next = chunk[quote + 1] as number;
        if (next === QUOTE) {
          p = quote + 2;
        } else if (next === delimiter || next === LF || next === CR) {
          this.#quoted = false;
          p = quote + 1;
        } else {
          return AMBIGUOUS;
        }
      }
    }
    if (last === AMBIGUOUS) return AMBIGUOUS;
    if (n > 0) this.#previous = chunk[n - 1] as number;
    return last;
  }

  /**
   * {@link feed} from `p` on, byte by byte: inside quotes up to the next quote, outside up to the next quote or
   * line end; `last`: the record end found before `p` (-1: none). The same rules as `feed`'s loop, kept apart:
   * the state in locals and each byte read once, it is ~1.7× faster on a file of quoted cells than `feed`'s
   * loop finding each quote byte by byte instead of by `indexOf`.
   */
  #scanBytes(chunk: Uint8Array, p: number, last: number): number {
    const n = chunk.length;
    const delimiter = this.#delimiter;
    let quoted = this.#quoted;
    let i = p;
    while (i < n) {
      if (quoted) {
        while (i < n && chunk[i] !== QUOTE) i++;
        if (i >= n) break;
        if (i + 1 >= n) {
          this.#quoteAtEnd = true;
          break;
        }
        const next = chunk[i + 1] as number;
        if (next === QUOTE) {
          i += 2;
        } else if (next === delimiter || next === LF || next === CR) {
          quoted = false;
          i++;
        } else {
          return AMBIGUOUS;
        }
        continue;
      }
      let c = chunk[i] as number;
      while (c !== QUOTE && c !== LF) {
        if (++i >= n) break;
        c = chunk[i] as number;
      }
      if (i >= n) break;
      if (c === LF) {
        last = i;
      } else {
        const before = i > 0 ? (chunk[i - 1] as number) : this.#previous;
        if (before !== delimiter && before !== LF) return AMBIGUOUS;
        quoted = true;
      }
      i++;
    }
    this.#quoted = quoted;
    return last;
  }
}
