import { createWriteStream } from "node:fs";
import { stat, writeFile } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type OutputCheckOptions, writeOutputFolder } from "@tablepipe/io";
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
  /**
   * Folder to write into (created when missing). Sample files a previous `writeSample` wrote there are
   * replaced; a folder holding other files is refused unless `output.overwrite` (they are never deleted).
   */
  dir: string;
  /** How the folder is checked and named in messages, e.g. `{ label: "--out", overwrite: true }`. */
  output?: Pick<OutputCheckOptions, "label" | "overwrite" | "overwriteLabel">;
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
 * chunk. Each file is written under a temporary name in `dir` and renamed into place when complete (the folder
 * is locked meanwhile), so a failed run leaves no half-written file and never touches other files.
 * @example await writeSample({ rows: 1_000_000, seed: 42, dir: "data" })
 */
export async function writeSample(options: WriteSampleOptions): Promise<SampleFilesWritten> {
  const pieces = tripCsvPieces(generateTripChunks(options), options); // options checked here, before any I/O
  const output = { label: "sample folder", ...options.output, files: Object.values(SAMPLE_FILES) };
  return writeOutputFolder(
    options.dir,
    async (out) => {
      const trips = await out.write(SAMPLE_FILES.trips, (path) =>
        pipeline(Readable.from(pieces, { objectMode: false }), createWriteStream(path)),
      );
      const rows = zoneRows();
      const zones = await out.write(SAMPLE_FILES.zones, (path) => writeFile(path, zoneCsv(rows)));
      const tripBytes = (await stat(trips)).size;
      return { trips, zones, tripRows: options.rows, zoneRows: rows.length, tripBytes };
    },
    output,
  );
}
