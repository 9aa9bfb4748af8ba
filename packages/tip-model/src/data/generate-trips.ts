import type { ColumnTable } from "arquero";
import { table } from "arquero";
import {
  allocateTripColumns,
  generateTripChunks,
  type TripChunk,
  type TripChunkOptions,
} from "./trip-chunks";
import { TAXI_TRIP_COLUMNS } from "./trip-schema";

/** Options of {@link generateTrips}: rows and seed (default 42). */
export type GenerateTripsOptions = Omit<TripChunkOptions, "chunkRows">;

function toDates(epochMs: Float64Array): Date[] {
  const dates = new Array<Date>(epochMs.length);
  for (let i = 0; i < epochMs.length; i++) dates[i] = new Date(epochMs[i] as number);
  return dates;
}

/**
 * A chunk as an arquero table in the `taxi_trip_data` layout: time stamps become `Date`s (UTC fields),
 * numbers stay in their Float64Arrays (shared with the chunk, not copied).
 */
export function tripChunkToTable(chunk: TripChunk): ColumnTable {
  const c = chunk.columns;
  return table(
    { ...c, pickup_datetime: toDates(c.pickup_datetime), dropoff_datetime: toDates(c.dropoff_datetime) },
    [...TAXI_TRIP_COLUMNS],
  );
}

/**
 * Generated trips as one arquero table, for small and medium sizes (stream large ones with
 * `generateTripChunks` or write them with `writeSample`). Same seed and rows → the same table everywhere.
 * @example generateTrips({ rows: 20_000, seed: 7 }).numRows() // 20000
 */
export function generateTrips(options: GenerateTripsOptions): ColumnTable {
  const rows = options.rows;
  const [chunk] = generateTripChunks({ ...options, chunkRows: Math.max(1, rows) });
  return tripChunkToTable(chunk ?? { start: 0, rows: 0, columns: allocateTripColumns(0) });
}
