import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { tripChunkCsv, tripCsvHeader, zoneCsv } from "./csv-text";
import { zoneRows } from "./generate-zones";
import { generateTripChunks, type TripChunk, type TripChunkOptions } from "./trip-chunks";

/** The file names the tip-model job reads from its data folder. */
export const SAMPLE_FILES = { trips: "taxi_trip_data.csv", zones: "taxi_zone_geo.csv" } as const;

/** Progress of {@link writeSample}: trip rows written so far, of all. */
export interface WriteSampleProgress {
  rowsWritten: number;
  rows: number;
}

/** Options of {@link writeSample}. */
export interface WriteSampleOptions extends TripChunkOptions {
  /** Folder to write into (created when missing). Existing sample files there are replaced. */
  dir: string;
  /** Called after each chunk of trips is written; throwing from it aborts the write (nothing is left behind). */
  onProgress?: (progress: WriteSampleProgress) => void;
}

/** What {@link writeSample} wrote. */
export interface SampleFilesWritten {
  /** Path of `taxi_trip_data.csv`. */
  trips: string;
  /** Path of `taxi_zone_geo.csv`. */
  zones: string;
  tripRows: number;
  zoneRows: number;
  /** Size of `taxi_trip_data.csv` in bytes. */
  tripBytes: number;
}

function* tripCsvPieces(
  chunks: Iterable<TripChunk>,
  options: WriteSampleOptions,
): Generator<string | Uint8Array, void, undefined> {
  yield tripCsvHeader();
  for (const chunk of chunks) {
    yield tripChunkCsv(chunk);
    options.onProgress?.({ rowsWritten: chunk.start + chunk.rows, rows: options.rows });
  }
}

/**
 * Write the generated sample — `taxi_trip_data.csv` and `taxi_zone_geo.csv` — into `dir`, streaming chunk by
 * chunk. Both files are written into a temporary folder inside `dir` and renamed into place at the end, so a
 * failed run leaves no half-written file.
 * @example await writeSample({ rows: 1_000_000, seed: 42, dir: "data" })
 */
export async function writeSample(options: WriteSampleOptions): Promise<SampleFilesWritten> {
  const pieces = tripCsvPieces(generateTripChunks(options), options); // options checked here, before any I/O
  await mkdir(options.dir, { recursive: true });
  const scratch = await mkdtemp(join(options.dir, ".tablepipe-sample-"));
  const trips = join(options.dir, SAMPLE_FILES.trips);
  const zones = join(options.dir, SAMPLE_FILES.zones);
  try {
    const rows = zoneRows();
    await writeFile(join(scratch, SAMPLE_FILES.zones), zoneCsv(rows));
    await pipeline(
      Readable.from(pieces, { objectMode: false }),
      createWriteStream(join(scratch, SAMPLE_FILES.trips)),
    );
    const tripBytes = (await stat(join(scratch, SAMPLE_FILES.trips))).size;
    await rename(join(scratch, SAMPLE_FILES.trips), trips);
    await rename(join(scratch, SAMPLE_FILES.zones), zones);
    return { trips, zones, tripRows: options.rows, zoneRows: rows.length, tripBytes };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
