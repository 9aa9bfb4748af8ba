/**
 * The parallel CSV read: the calling thread cuts the file into pieces of whole records and workers parse them,
 * while the calling thread hands the parsed batches on, in file order, to the batched read's consumer (which
 * runs a pipe's row-local steps on them). Only used for batched reads (`readTableInBatches`, `pipeFrom`).
 *
 * A piece is cut at the last line end of a chunk that ends a record: outside quotes (`RecordEnds` follows the
 * quoted fields). At a quote where no field starts or ends, the pieces in flight are finished and the rest of
 * the file is read on the calling thread, as a sequential read would. Values, invalid-value handling, errors
 * and their line numbers are those of the sequential read.
 */

import { noteAbsentColumns } from "../read/absent-columns";
import { mapColumns } from "../read/aliases";
import { chunkRead, type ReadContext } from "../read/read-context";
import type { PieceResult } from "../workers/piece-result";
import { settlePiece } from "../workers/settle-piece";
import type { PiecePool } from "../workers/worker-pool";
import { CsvFileReader } from "./csv-file-reader";
import { findHeader } from "./csv-header";
import type { CsvPieceRequest } from "./csv-piece";
import { AMBIGUOUS, RecordEnds } from "./record-ends";

/**
 * The bytes of text each worker may have handed to it and not yet settled. A piece is one read chunk (1 MiB,
 * ~12k taxi rows, a few milliseconds of parsing): a limit of two pieces per worker left the workers idle
 * whenever the calling thread paused longer than that (a compaction of the streamed dedupe and first-N takes
 * up to a second at 10M rows). 16 MiB per worker rides out such pauses and holds about as much again in
 * parsed columns.
 */
const BYTES_IN_FLIGHT_PER_WORKER = 16 << 20;

/** A piece in flight, and what it covers. */
interface Pending {
  readonly result: Promise<PieceResult>;
  readonly bytes: number;
}

/**
 * Read one CSV file with `pool`, handing each parsed piece to `ctx.onDecodedBatch`. Falls back to the
 * calling thread at the first quote character, or for a file whose header is not complete in its first
 * chunks (the sequential reader then reports any problem as usual).
 */
export async function readCsvInParallel(
  chunks: AsyncIterable<Buffer>,
  ctx: ReadContext,
  options: { delimiter: number; fileSize: number },
  pool: PiecePool,
): Promise<void> {
  const deliver = ctx.onDecodedBatch;
  if (deliver === undefined) throw new Error("readCsvInParallel: the read is not batched");
  const iterator = chunks[Symbol.asyncIterator]();
  let carry: Buffer = Buffer.alloc(0);
  let header: { start: number; end: number; names: string[] } | undefined;
  let eof = false;
  // the header, from as many chunks as it takes
  while (header === undefined) {
    const next = await iterator.next();
    eof = next.done === true;
    carry = next.done ? carry : Buffer.concat([carry, next.value]);
    header = findHeader(carry, options.delimiter, eof);
    if (header === undefined && (eof || carry.length > 1 << 24)) {
      return sequentialFrom(ctx, options, undefined, carry, iterator, eof, 0);
    }
  }
  // checks the columns now (and throws as a sequential read would), even if no record follows
  noteAbsentColumns(ctx, mapColumns(ctx.file, header.names, ctx.specs, ctx.aliases));
  const headerBytes = new Uint8Array(carry.subarray(header.start, header.end));
  chunkRead(ctx, header.end);
  carry = carry.subarray(header.end);
  const ends = new RecordEnds(options.delimiter);
  if (ends.feed(carry) === AMBIGUOUS)
    return sequentialFrom(ctx, options, headerBytes, carry, iterator, eof, 0);

  const pending: Pending[] = [];
  let linesBefore = 0;
  let bytesInFlight = 0;
  const limit = Math.max(1, pool.size) * BYTES_IN_FLIGHT_PER_WORKER;
  const request = (prefix: Uint8Array | undefined, bytes: Uint8Array): CsvPieceRequest => ({
    kind: "csv",
    file: ctx.file,
    specs: ctx.specs,
    aliases: ctx.aliases,
    mode: ctx.invalid.mode,
    delimiter: options.delimiter,
    header: headerBytes,
    ...(prefix === undefined ? {} : { prefix }),
    bytes,
    ...(ctx.keepWhere === undefined ? {} : { keepWhere: ctx.keepWhere }),
  });
  const settleOldest = async (): Promise<void> => {
    const oldest = pending.shift();
    if (oldest === undefined) return;
    bytesInFlight -= oldest.bytes;
    linesBefore += settlePiece(ctx, await oldest.result, linesBefore, deliver);
    chunkRead(ctx, oldest.bytes);
  };
  /**
   * Hand the bytes `carried` then `head` (whole records) to a worker. When `head` starts a chunk that owns its
   * memory (a file stream's chunk, read by nothing else once its tail is copied), that memory is handed over
   * as it is, with a copy of `carried` beside it; otherwise both are copied once into a new buffer.
   */
  const dispatch = (carried: Uint8Array, head: Uint8Array, ownsChunk: boolean): void => {
    const size = carried.length + head.length; // read before the buffers are handed over (then they read empty)
    let piece: CsvPieceRequest;
    if (ownsChunk) {
      piece = request(carried.length > 0 ? new Uint8Array(carried) : undefined, head);
    } else {
      const bytes = new Uint8Array(size);
      bytes.set(carried);
      bytes.set(head, carried.length);
      piece = request(undefined, bytes);
    }
    const result = pool.parse(piece);
    result.catch(() => undefined); // its failure is thrown when it is settled, not as an unhandled rejection
    pending.push({ result, bytes: size });
    bytesInFlight += size;
  };

  try {
    while (!eof) {
      const next = await iterator.next();
      if (next.done) {
        eof = true;
        break;
      }
      const chunk = next.value;
      const cut = ends.feed(chunk);
      if (cut === AMBIGUOUS) {
        // a quote where no field starts or ends: finish what is in flight, then read on here
        while (pending.length > 0) await settleOldest();
        return sequentialFrom(
          ctx,
          options,
          headerBytes,
          Buffer.concat([carry, chunk]),
          iterator,
          false,
          linesBefore,
        );
      }
      if (cut < 0) {
        carry = Buffer.concat([carry, chunk]);
        continue;
      }
      const ownsChunk = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength;
      const rest = ownsChunk ? Buffer.from(chunk.subarray(cut + 1)) : chunk.subarray(cut + 1); // before handing over
      dispatch(carry, chunk.subarray(0, cut + 1), ownsChunk);
      carry = rest;
      while (pending.length >= 2 && bytesInFlight >= limit) await settleOldest();
    }
    if (carry.length > 0) dispatch(carry, new Uint8Array(0), false);
    while (pending.length > 0) await settleOldest();
  } finally {
    pending.length = 0; // a failure leaves pieces in flight: they finish quietly
  }
}

/**
 * Read the rest on the calling thread. `header` (the header line, when already cut off) is read first and
 * the records after it are numbered from `linesBefore` lines further down; `start` holds the bytes read but
 * not parsed yet, `rest` the chunks not read yet.
 */
async function sequentialFrom(
  ctx: ReadContext,
  options: { delimiter: number; fileSize: number },
  header: Uint8Array | undefined,
  start: Buffer,
  rest: AsyncIterator<Buffer>,
  eof: boolean,
  linesBefore: number,
): Promise<void> {
  const reader = new CsvFileReader(ctx, options.delimiter, options.fileSize);
  if (header !== undefined) {
    reader.push(Buffer.from(header), false);
    reader.skipLines(linesBefore);
  }
  reader.push(start, eof);
  chunkRead(ctx, start.length);
  while (!eof) {
    const next = await rest.next();
    if (next.done) break;
    reader.push(next.value, false);
    chunkRead(ctx, next.value.length);
  }
  if (!eof) reader.push(null, true);
}
