import type { SimdByteScanner } from "./simd-byte-kinds";
import { type StampFields, stampFieldTable, stampLinesAt } from "./stamp-lines";

const LF = 10;
/** Bytes after a joined line: room for the reads past its end that `stampLinesAt` may make. */
const PAD = 48;

/**
 * The time-stamp check (`stampLinesAt`) of a CSV body read chunk by chunk into a scanner's memory: the whole
 * lines of each chunk are checked where they lie (SIMD where the scanner has it); a line cut between chunks is
 * kept and checked once its end is read.
 */
export class ChunkedStampCheck {
  readonly #scanner: SimdByteScanner;
  readonly #delimiter: number;
  readonly #table: Uint8Array;
  /** The pieces of a line begun in earlier chunks and not ended yet. */
  #tail: Uint8Array[] = [];
  #canonical = true;

  constructor(scanner: SimdByteScanner, stamps: StampFields) {
    this.#scanner = scanner;
    this.#delimiter = stamps.delimiter;
    this.#table = stampFieldTable(stamps.fields);
  }

  /** False once a line checked holds a time-stamp cell that is not canonical (or ends too soon). */
  get canonical(): boolean {
    return this.#canonical;
  }

  /**
   * Check the lines in `bytes[from..to)` of the scanner's memory, the body's next bytes (the first call's start
   * a line's): the line the chunk ends inside is kept for the next call. Needs 48 bytes of memory past `to`.
   */
  feed(from: number, to: number): void {
    if (!this.#canonical || from >= to) return;
    const bytes = this.#scanner.bytes;
    // searched within the chunk: a chunk without a LF (a line longer than it) is not searched past its end
    const inChunk = bytes.subarray(from, to).indexOf(LF);
    const first = inChunk < 0 ? -1 : from + inChunk;
    if (first < 0) {
      this.#tail.push(bytes.slice(from, to));
      return;
    }
    let start = from;
    if (this.#tail.length > 0) {
      this.#canonical = this.#joinedLineCanonical(bytes.subarray(from, first + 1));
      start = first + 1;
    }
    const last = bytes.lastIndexOf(LF, to - 1);
    if (this.#canonical && start <= last) {
      this.#canonical = this.#scanner.stamps(start, last, this.#delimiter, this.#table);
    }
    if (last + 1 < to) this.#tail.push(bytes.slice(last + 1, to));
  }

  /** At the body's end: check its last line when no line end closed it; true when every line was canonical. */
  finish(): boolean {
    if (this.#canonical && this.#tail.length > 0) {
      this.#canonical = this.#joinedLineCanonical(Uint8Array.of(LF));
    }
    return this.#canonical;
  }

  /** Whether the kept pieces and `end` (ending in LF) make a canonical line; the pieces are dropped. */
  #joinedLineCanonical(end: Uint8Array): boolean {
    const pieces = [...this.#tail, end];
    this.#tail = [];
    const length = pieces.reduce((sum, piece) => sum + piece.length, 0);
    const line = new Uint8Array(length + PAD);
    let at = 0;
    for (const piece of pieces) {
      line.set(piece, at);
      at += piece.length;
    }
    return stampLinesAt(line, 0, length - 1, this.#delimiter, this.#table);
  }
}
