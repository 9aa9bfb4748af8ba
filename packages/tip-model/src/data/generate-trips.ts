import { schemaFromRowSchema } from "@tablepipe/core";
import { attachSchema } from "@tablepipe/core/internal";
import type { ColumnTable } from "arquero";
import { table } from "arquero";
import {
  allocateTripColumns,
  generateTripChunks,
  generateTripColumns,
  type TripChunk,
  type TripChunkOptions,
} from "./trip-chunks";
import { TAXI_TRIP_COLUMNS, taxiTripSchema } from "./trip-schema";

/** Options of {@link generateTrips}: rows and seed (default 42). */
export type GenerateTripsOptions = Omit<TripChunkOptions, "chunkRows">;

/**
 * A chunk as an arquero table in the `taxi_trip_data` layout, as `readTable` gives it: numbers and time stamps
 * in their Float64Arrays (shared with the chunk, not copied), a time stamp as the epoch milliseconds of its
 * UTC wall-clock time (`Date.UTC(2018, 1, 4, 18)` is 2018-02-04 18:00). No Date is created.
 * @example formatWallClock(tripChunkToTable(chunk).get("pickup_datetime", 0) as number) // "2018-02-04 18:00:00"
 */
export function tripChunkToTable(chunk: TripChunk): ColumnTable {
  return attachSchema(table({ ...chunk.columns }, [...TAXI_TRIP_COLUMNS]), TRIP_TABLE_SCHEMA);
}

/** The column types of `taxiTripSchema`: a generated table carries them (schemaOf), as a read one does. */
const TRIP_TABLE_SCHEMA = schemaFromRowSchema(taxiTripSchema);

/**
 * Generated trips as one arquero table, for small and medium sizes (stream large ones with
 * `generateTripChunks` or write them with `writeSample`). Same seed and rows → the same table everywhere, and
 * the same table `readTable(writeSample(...).trips, taxiTripSchema)` reads back: time stamps as epoch
 * milliseconds of the New York wall-clock time read as UTC, in Float64Arrays.
 * @example generateTrips({ rows: 20_000, seed: 7 }).numRows() // 20000
 */
export function generateTrips(options: GenerateTripsOptions): ColumnTable {
  const rows = options.rows;
  const [chunk] = generateTripChunks({ ...options, chunkRows: Math.max(1, rows) });
  return tripChunkToTable(chunk ?? { start: 0, rows: 0, columns: allocateTripColumns(0) });
}

/** Rows {@link generateTripsPausing} generates between two pauses: ~0.15 s of work. */
const ROWS_PER_PAUSE = 1 << 18;

/**
 * {@link generateTrips}, pausing for `pause()` after every 262,144 rows, so that a job can stop a long generation
 * (`pause` throws) and its event loop is not held for the whole of it. The same table as `generateTrips`.
 * @example const trips = await generateTripsPausing({ rows: 5_000_000, seed: 7 }, () => job.checkpoint())
 */
export async function generateTripsPausing(
  options: GenerateTripsOptions,
  pause: () => Promise<void>,
): Promise<ColumnTable> {
  const columns = await generateTripColumns({ ...options, chunkRows: ROWS_PER_PAUSE }, pause);
  return tripChunkToTable({ start: 0, rows: options.rows, columns });
}
