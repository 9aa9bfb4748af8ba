import { open } from "node:fs/promises";
import { readCsvHeaderRecord } from "@tablepipe/io";
import { BYTE_KIND, byteKindsAt } from "./byte-kinds";
import { ChunkedStampCheck } from "./chunked-stamp-check";
import { type SimdByteScanner, simdByteScanner } from "./simd-byte-kinds";
import { ODD_STAMP, type StampFields, stampLinesAt } from "./stamp-lines";

/** Bytes read and scanned at a time. */
const CHUNK = 1 << 20;
/** Where the first chunk's region starts in the scanner's memory: the bytes before a chunk sit just below. */
const AT = 16;
/** Room past a chunk: the line end put after the last one, and the SIMD loop's reads past its range. */
const PAST = 48;
const LF = 10;

/** A scanner over `size` bytes of memory; the byte-at-a-time scan over a buffer where SIMD is missing. */
function scanner(size: number): SimdByteScanner {
  const simd = simdByteScanner(size);
  if (simd !== undefined) return simd;
  const bytes = new Uint8Array(size);
  return {
    bytes,
    scan: (start, end) => byteKindsAt(bytes, start, end),
    stamps: (from, limit, delimiter, table) => stampLinesAt(bytes, from, limit, delimiter, table),
  };
}

/** Options of {@link csvBodyKinds}. */
export interface BodyScanOptions {
  /** Stop early, with the kinds found so far, once they hold any of these. */
  readonly enough?: number;
  /**
   * Stop once this many bytes of the body are read (at the end of that chunk; its last byte, whose neighbour is
   * unread, is not judged).
   */
  readonly limit?: number;
  /** Where the body starts (`readCsvHeaderRecord(path).end`); default: found by reading the header record. */
  readonly bodyStart?: number;
  /** Bytes read and scanned at a time (1 MiB). */
  readonly chunk?: number;
  /**
   * The time-stamp columns to check: the kinds then hold `ODD_STAMP` unless every one of their cells in the
   * lines scanned is canonical or empty (see `stamp-lines.ts`), in a file without quotes.
   */
  readonly stamps?: StampFields;
}

/**
 * The kinds of bytes (`BYTE_KIND`) in the body of the CSV file `path`, the rows after its header record as
 * readTable cuts it (`readCsvHeaderRecord` of `@tablepipe/io`), each byte judged with its neighbours (the body's
 * first byte follows the header's line end, the last one precedes an end of line); 0 when the header does not
 * end. One pass over the file, two chunks at a time: the next one is read (on libuv's threads) while this one is
 * scanned. ~0.3 s for 800 MB from the page cache (~0.4 s reading and scanning in turn).
 * @example (await csvBodyKinds("trips.csv")) & BYTE_KIND.underscore // 0: no `_` in any row
 */
export async function csvBodyKinds(path: string, options: BodyScanOptions = {}): Promise<number> {
  const { enough = 0, limit = Number.POSITIVE_INFINITY, chunk = CHUNK } = options;
  const start = options.bodyStart ?? (await readCsvHeaderRecord(path))?.end;
  if (start === undefined) return 0;
  // two regions, each a chunk read one byte past its start: the byte there is the one carried from the chunk
  // before (judged with the first byte read), the one below it that byte's own neighbour
  const region = chunk + PAST;
  const base = (r: number): number => AT + r * region;
  const scanned = scanner(base(2));
  const { bytes, scan } = scanned;
  const stamps = options.stamps === undefined ? undefined : new ChunkedStampCheck(scanned, options.stamps);
  // with the time stamps' verdict: odd when a line checked was, or a quote may hide a delimiter or line end
  const judged = (kinds: number, canonical: boolean | undefined): number =>
    stamps === undefined || (canonical === true && (kinds & BYTE_KIND.quote) === 0)
      ? kinds
      : kinds | ODD_STAMP;
  const file = await open(path, "r");
  let pending: Promise<{ bytesRead: number }> | undefined;
  try {
    const size = (await file.stat()).size;
    const readInto = (r: number, at: number) =>
      file.read(bytes, base(r) + 1, Math.max(0, Math.min(chunk, size - at)), at);
    bytes[base(0)] = LF; // the header's line end comes before the body
    let kinds = 0;
    let position = start;
    let r = 0;
    let from = base(0) + 1; // the first chunk carries no byte
    pending = readInto(0, position);
    for (;;) {
      const { bytesRead } = await pending;
      pending = undefined;
      const last = base(r) + bytesRead; // the chunk's last byte (or the carried one, when none was read)
      if (bytesRead === 0 || position + bytesRead >= size) {
        stamps?.feed(from, last + 1);
        bytes[last + 1] = LF;
        return judged(from <= last ? kinds | scan(from, last + 1) : kinds, stamps?.finish());
      }
      position += bytesRead;
      stamps?.feed(from, last);
      // the lines read whole so far (the one the chunk ends inside is not judged)
      if (position - start >= limit) return judged(kinds | scan(from, last), stamps?.canonical);
      const next = 1 - r;
      pending = readInto(next, position);
      kinds |= scan(from, last); // every byte but the last, which waits for the next chunk's first
      if ((kinds & enough) !== 0) return judged(kinds, false); // lines left unchecked
      bytes[base(next) - 1] = bytes[last - 1] as number;
      bytes[base(next)] = bytes[last] as number;
      r = next;
      from = base(r);
    }
  } finally {
    await pending?.catch(() => undefined); // a read still in flight finishes before the file closes
    await file.close();
  }
}
