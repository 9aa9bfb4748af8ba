/**
 * Generated trips as chunks of column arrays: numbers in Float64Arrays, time stamps as epoch milliseconds of the
 * New York wall-clock time read as UTC. Row `i` is the same whatever the chunk size.
 */

import { TripSynthesizer } from "./trip-synthesizer";

/** The columns of a chunk of generated trips, named and ordered like `taxi_trip_data`. */
export interface TripColumns {
  readonly vendor_id: Float64Array;
  /** Epoch milliseconds of the wall-clock time read as UTC (`Date.UTC(2018, 1, 4, 18)` is 2018-02-04 18:00). */
  readonly pickup_datetime: Float64Array;
  /** Epoch milliseconds, like `pickup_datetime`. */
  readonly dropoff_datetime: Float64Array;
  readonly passenger_count: Float64Array;
  readonly trip_distance: Float64Array;
  readonly rate_code: Float64Array;
  readonly store_and_fwd_flag: ("N" | "Y")[];
  readonly payment_type: Float64Array;
  readonly fare_amount: Float64Array;
  readonly extra: Float64Array;
  readonly mta_tax: Float64Array;
  readonly tip_amount: Float64Array;
  readonly tolls_amount: Float64Array;
  readonly imp_surcharge: Float64Array;
  readonly total_amount: Float64Array;
  readonly pickup_location_id: Float64Array;
  readonly dropoff_location_id: Float64Array;
}

/** A run of consecutive generated trips. */
export interface TripChunk {
  /** Index of the chunk's first row among all generated rows. */
  readonly start: number;
  /** Rows in this chunk. */
  readonly rows: number;
  readonly columns: TripColumns;
}

/** Options of {@link generateTripChunks}. */
export interface TripChunkOptions {
  /** Rows in all (a non-negative integer). */
  rows: number;
  /** Seed of the generator (any safe integer); the same seed gives the same rows. Default 42. */
  seed?: number;
  /** Rows per chunk (the last one may be shorter). Default 65,536. */
  chunkRows?: number;
}

/** Default rows per chunk: about 8 MB of columns. */
export const DEFAULT_CHUNK_ROWS = 65_536;

/** Zero-filled columns for `rows` trips. */
export function allocateTripColumns(rows: number): TripColumns {
  const numbers = (): Float64Array => new Float64Array(rows);
  return {
    vendor_id: numbers(),
    pickup_datetime: numbers(),
    dropoff_datetime: numbers(),
    passenger_count: numbers(),
    trip_distance: numbers(),
    rate_code: numbers(),
    store_and_fwd_flag: new Array<"N" | "Y">(rows),
    payment_type: numbers(),
    fare_amount: numbers(),
    extra: numbers(),
    mta_tax: numbers(),
    tip_amount: numbers(),
    tolls_amount: numbers(),
    imp_surcharge: numbers(),
    total_amount: numbers(),
    pickup_location_id: numbers(),
    dropoff_location_id: numbers(),
  };
}

/** Generate trips `start ..< start + rows` into `c` from its row `at` on. */
function fill(synth: TripSynthesizer, c: TripColumns, start: number, rows: number, at: number): void {
  for (let k = at, end = at + rows; k < end; k++) {
    synth.generate(start + k - at);
    c.vendor_id[k] = synth.vendorId;
    c.pickup_datetime[k] = synth.pickupMs;
    c.dropoff_datetime[k] = synth.dropoffMs;
    c.passenger_count[k] = synth.passengerCount;
    c.trip_distance[k] = synth.distanceHundredths / 100;
    c.rate_code[k] = synth.rateCode;
    c.store_and_fwd_flag[k] = synth.storeAndForwardY ? "Y" : "N";
    c.payment_type[k] = synth.paymentType;
    c.fare_amount[k] = synth.fareCents / 100;
    c.extra[k] = synth.extraCents / 100;
    c.mta_tax[k] = synth.mtaTaxCents / 100;
    c.tip_amount[k] = synth.tipCents / 100;
    c.tolls_amount[k] = synth.tollsCents / 100;
    c.imp_surcharge[k] = synth.surchargeCents / 100;
    c.total_amount[k] = synth.totalCents / 100;
    c.pickup_location_id[k] = synth.pickupZone;
    c.dropoff_location_id[k] = synth.dropoffZone;
  }
}

/** Throw a RangeError unless `value` is an integer >= `min`. */
export function checkCount(name: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`);
  }
}

/**
 * Generate trips chunk by chunk, in memory bounded by the chunk size (10M rows stream fine). The options are
 * checked at once, before the first chunk is asked for.
 * @example for (const chunk of generateTripChunks({ rows: 1_000_000, seed: 7 })) sum += chunk.rows;
 */
export function generateTripChunks(options: TripChunkOptions): Generator<TripChunk, void, undefined> {
  const { rows, seed = 42, chunkRows = DEFAULT_CHUNK_ROWS } = options;
  checkCount("rows", rows, 0);
  checkCount("chunkRows", chunkRows, 1);
  return chunks(new TripSynthesizer(seed), rows, chunkRows);
}

function* chunks(
  synth: TripSynthesizer,
  rows: number,
  chunkRows: number,
): Generator<TripChunk, void, undefined> {
  for (let start = 0; start < rows; start += chunkRows) {
    const count = Math.min(chunkRows, rows - start);
    const columns = allocateTripColumns(count);
    fill(synth, columns, start, count, 0);
    yield { start, rows: count, columns };
  }
}

/**
 * All `rows` trips in one set of columns, generated `chunkRows` at a time with `pause()` awaited after each
 * chunk but the last (it may throw to stop: a job's interrupt check). The same rows as `generateTripChunks`.
 * @example const columns = await generateTripColumns({ rows: 5_000_000 }, () => job.checkpoint())
 */
export async function generateTripColumns(
  options: TripChunkOptions,
  pause: () => Promise<void>,
): Promise<TripColumns> {
  const { rows, seed = 42, chunkRows = DEFAULT_CHUNK_ROWS } = options;
  checkCount("rows", rows, 0);
  checkCount("chunkRows", chunkRows, 1);
  const synth = new TripSynthesizer(seed);
  const columns = allocateTripColumns(rows);
  for (let start = 0; start < rows; start += chunkRows) {
    const count = Math.min(chunkRows, rows - start);
    fill(synth, columns, start, count, start);
    if (start + count < rows) await pause();
  }
  return columns;
}
