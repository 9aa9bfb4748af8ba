/**
 * Where a CSV file may be cut into pieces of whole records: at a line end outside quotes. The file is fed
 * chunk by chunk, in order; only the quotes are looked at, one `indexOf` apart, so a file with few quotes is
 * scanned at memchr speed. The quoting rules are the tokenizer's (`csv-tokenizer.ts`): a quote opens a quoted
 * field only at the start of a field, `""` inside one is a quote, and the closing quote is followed by the
 * delimiter or a line end. A quote anywhere else (inside an unquoted field, `5'11"`, or a stray byte after a
 * closing quote) makes the cuts ambiguous without tokenizing: {@link RecordEnds.feed} then says so, and the
 * caller reads the rest of the file as a whole.
 */

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** {@link RecordEnds.feed}'s answer when a quote is where no field starts or ends: no cut is known from here. */
export const AMBIGUOUS = -2;

/** The record ends of one CSV file, fed chunk by chunk from the first byte after its header line. */
export class RecordEnds {
  readonly #delimiter: number;
  /** Inside a quoted field at the end of the bytes fed so far. */
  #quoted = false;
  /** The last byte fed was a quote inside a quoted field: the next byte says whether it closed the field. */
  #quoteAtEnd = false;
  /** The last byte fed (a line end before the first chunk: the header's). */
  #previous = LF;

  constructor(delimiter: number) {
    this.#delimiter = delimiter;
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
    while (p < n) {
      if (!this.#quoted) {
        const quote = chunk.indexOf(QUOTE, p);
        const end = quote === -1 ? n : quote;
        if (end > p) {
          const lf = chunk.lastIndexOf(LF, end - 1);
          if (lf >= p) last = lf;
        }
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
    if (n > 0) this.#previous = chunk[n - 1] as number;
    return last;
  }
}
