import { createReadStream } from "node:fs";
import { TableReadError } from "../errors";
import { BatchConsumerError, chunkRead, countThreads, type ReadContext } from "../read/read-context";
import { createWorkerPool, type PiecePool } from "../workers/worker-pool";
import { CsvFileReader } from "./csv-file-reader";
import { CsvSyntaxError } from "./csv-tokenizer";
import { readCsvInParallel } from "./parallel-csv";

/** Default CSV read chunk: large enough to amortise per-chunk work, small enough to keep offsets arrays small. */
export const DEFAULT_CSV_CHUNK_SIZE = 1 << 20;

/** Options of {@link readCsvFile}. */
export interface CsvReadOptions {
  /** Field delimiter byte (44 = comma). */
  delimiter: number;
  /** Bytes per read chunk. */
  chunkSize: number;
  /** Size of the file, to pre-size the columns from the first chunk's bytes per record. */
  fileSize: number;
  /** Worker threads for a batched read (see `ReadTableOptions.workers`); 0 or absent: this thread. */
  workers?: number;
  /** Parses the pieces of a parallel read (tests pass one that runs on the calling thread). */
  pool?: PiecePool;
}

/**
 * Stream one CSV file (header row required) into the context's column builders, chunk by chunk: the file is
 * never held whole, and no string is built for a number or time stamp cell.
 * @example await readCsvFile("trips.csv", ctx, { delimiter: 44, chunkSize: 1 << 20 })
 */
export async function readCsvFile(path: string, ctx: ReadContext, options: CsvReadOptions): Promise<void> {
  const stream = createReadStream(path, { highWaterMark: options.chunkSize });
  const pool =
    ctx.onDecodedBatch === undefined
      ? undefined
      : (options.pool ?? (options.workers ? createWorkerPool(options.workers) : undefined));
  try {
    if (pool !== undefined) {
      countThreads(ctx, pool.size);
      try {
        await readCsvInParallel(stream as AsyncIterable<Buffer>, ctx, options, pool);
      } finally {
        if (options.pool === undefined) await pool.close();
      }
      return;
    }
    const reader = new CsvFileReader(ctx, options.delimiter, options.fileSize);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      reader.push(chunk, false);
      chunkRead(ctx, chunk.length);
    }
    reader.push(null, true);
  } catch (error) {
    stream.destroy();
    if (error instanceof CsvSyntaxError) {
      throw new TableReadError({ file: ctx.file, line: error.line, reason: error.reason }, { cause: error });
    }
    if (error instanceof TableReadError || error instanceof TypeError || error instanceof BatchConsumerError)
      throw error;
    throw new TableReadError(
      { file: ctx.file, reason: `cannot read the file: ${(error as Error).message}` },
      { cause: error },
    );
  }
}
