/**
 * The parallel Parquet read: workers decode the row groups of a file, the calling thread hands them on, in
 * file order, to the batched read's consumer. Only used for batched reads (`readTableInBatches`, `pipeFrom`).
 * Values, invalid-value handling and errors (with the file's row numbers) are those of the sequential read.
 */

import { chunkRead, type ReadContext } from "../read/read-context";
import type { PieceResult } from "../workers/piece-result";
import { settlePiece } from "../workers/settle-piece";
import type { PiecePool } from "../workers/worker-pool";
import { closeParquetPieces, type ParquetPieceRequest } from "./parquet-piece";
import { openParquet, refuseZonedParquet, rowGroupRanges, skipRowGroup } from "./parquet-reader";

/** Read the Parquet file at `path` with `pool`, handing each decoded row group to `ctx.onDecodedBatch`. */
export async function readParquetInParallel(path: string, ctx: ReadContext, pool: PiecePool): Promise<void> {
  const deliver = ctx.onDecodedBatch;
  if (deliver === undefined) throw new Error("readParquetInParallel: the read is not batched");
  const parquet = await openParquet(path, ctx); // checks the columns before any work
  refuseZonedParquet(parquet, ctx);
  const totalRows = Math.max(1, Number(parquet.metadata.num_rows));
  const bytes = parquet.file.byteLength;
  const limit = Math.max(2, pool.size * 2);
  const pending: { result: Promise<PieceResult>; rowEnd: number }[] = [];
  let reported = 0;
  const settleOldest = async (): Promise<void> => {
    const oldest = pending.shift();
    if (oldest === undefined) return;
    settlePiece(ctx, await oldest.result, 0, deliver);
    const done = Math.round((bytes * oldest.rowEnd) / totalRows);
    chunkRead(ctx, done - reported);
    reported = done;
  };
  try {
    for (const { rowStart, rowEnd, read } of rowGroupRanges(parquet, ctx)) {
      if (!read) {
        skipRowGroup(ctx, rowEnd - rowStart);
        continue;
      }
      const request: ParquetPieceRequest = {
        kind: "parquet",
        file: ctx.file,
        path,
        specs: ctx.specs,
        aliases: ctx.aliases,
        mode: ctx.invalid.mode,
        rowStart,
        rowEnd,
        ...(ctx.keepWhere === undefined ? {} : { keepWhere: ctx.keepWhere }),
      };
      const result = pool.parse(request);
      result.catch(() => undefined); // its failure is thrown when it is settled, not as an unhandled rejection
      pending.push({ result, rowEnd });
      while (pending.length >= limit) await settleOldest();
    }
    while (pending.length > 0) await settleOldest();
    chunkRead(ctx, bytes - reported);
  } finally {
    pending.length = 0; // a failure leaves row groups in flight: they finish quietly
    if (pool.size === 0) closeParquetPieces();
  }
}
