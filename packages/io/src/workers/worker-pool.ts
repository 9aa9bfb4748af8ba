/** Threads that read pieces of files: a pool of workers running `read-worker`, or the calling thread (tests). */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { type CsvPieceRequest, parseCsvPiece } from "../csv/csv-piece";
import type { ParquetPieceRequest } from "../parquet/parquet-piece";
import type { PieceResult } from "./piece-result";
import { readWorkerScript } from "./worker-script";

/** A piece to read: a CSV piece of whole lines, or a Parquet row group. */
export type PieceRequest = CsvPieceRequest | ParquetPieceRequest;

/** Something that parses pieces, in any order, possibly in parallel. */
export interface PiecePool {
  /** Parallel workers (0 for the calling thread). */
  readonly size: number;
  parse(request: PieceRequest): Promise<PieceResult>;
  close(): Promise<void>;
}

/** Default number of parsing workers: one per core, at most 4, none on a single core. */
export function defaultWorkerCount(): number {
  const cores = availableParallelism();
  return cores < 2 ? 0 : Math.min(4, cores);
}

/** A pool of `size` worker threads, or undefined when there is no built worker script to run. */
export function createWorkerPool(size: number): PiecePool | undefined {
  const script = readWorkerScript(import.meta.url);
  if (script === undefined || size < 1) return undefined;
  const workers = Array.from({ length: size }, () => new Worker(script));
  const waiting = new Map<number, { resolve: (r: PieceResult) => void; reject: (e: unknown) => void }>();
  // pieces handed to each worker and not yet returned: a piece goes to the worker with the fewest, so a worker
  // that runs slower (sharing its core with the calling thread, say) is not left with the last pieces alone
  const outstanding = new Int32Array(size);
  let nextId = 0;
  let failure: unknown;
  workers.forEach((worker, w) => {
    worker.unref(); // an idle pool never keeps the process alive
    worker.on("message", (message: { id: number; result: PieceResult }) => {
      outstanding[w] = (outstanding[w] as number) - 1;
      const entry = waiting.get(message.id);
      waiting.delete(message.id);
      entry?.resolve(message.result);
    });
    worker.on("error", (error) => {
      failure = error;
      for (const entry of waiting.values()) entry.reject(error);
      waiting.clear();
    });
  });
  return {
    size,
    parse: (request) => {
      if (failure !== undefined) return Promise.reject(failure);
      const id = nextId++;
      const w = leastBusy(outstanding, id % size);
      outstanding[w] = (outstanding[w] as number) + 1;
      const worker = workers[w] as Worker;
      return new Promise<PieceResult>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, request }, transferList(request));
      });
    },
    close: async () => {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/**
 * The worker with the fewest pieces outstanding; among equals the first from `start` on (round robin while
 * they keep pace).
 * @example leastBusy(Int32Array.of(3, 1, 1), 2) // 2
 */
export function leastBusy(outstanding: Int32Array, start: number): number {
  let best = start;
  for (let k = 1; k < outstanding.length; k++) {
    const w = (start + k) % outstanding.length;
    if ((outstanding[w] as number) < (outstanding[best] as number)) best = w;
  }
  return best;
}

/** The buffers a request hands over to the thread that parses it (the caller's copy is detached). */
function transferList(request: PieceRequest): ArrayBuffer[] {
  if (request.kind !== "csv") return [];
  const { prefix, bytes } = request;
  const buffers = [bytes.buffer as ArrayBuffer];
  if (prefix !== undefined && prefix.buffer !== bytes.buffer) buffers.push(prefix.buffer as ArrayBuffer);
  return buffers;
}

/**
 * Parse pieces on the calling thread, one at a time (for tests, and the shape of the parallel read). A
 * request's buffers are handed over as to a worker, so the caller sees them detached just as it would.
 */
export function callingThreadPool(): PiecePool {
  return {
    size: 0,
    parse: async (sent) => {
      const request = structuredClone(sent, { transfer: transferList(sent) });
      return request.kind === "csv"
        ? parseCsvPiece(request)
        : (await import("../parquet/parquet-piece")).readParquetPiece(request);
    },
    close: async () => {},
  };
}
