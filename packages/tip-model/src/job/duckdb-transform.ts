import type { Pipe } from "@tablepipe/core";
import {
  columnTypesOf,
  DuckDb,
  type DuckDbFilesSource,
  type DuckDbPipeResult,
  duckdbFiles,
  runOnDuckDb,
  type SourceRead,
  type StepPlacement,
} from "@tablepipe/duckdb";
import { resolveSources } from "@tablepipe/io";
import type { TipAmountModelConfig } from "../config";
import { taxiTripAliases, taxiTripSchema, taxiZoneGeoSchema } from "../data/index";

/** The DuckDB settings of the job's config, and the signal that stops the run (its query interrupted). */
export type DuckDbSettings = Pick<
  TipAmountModelConfig,
  "duckdb_database" | "duckdb_memory_limit" | "duckdb_read"
> & { readonly signal?: AbortSignal };

/** The column types DuckDB loads the trips and the zone lookup with (time stamps are not told by numbers alone). */
const TIP_MODEL_COLUMN_TYPES = { ...columnTypesOf(taxiZoneGeoSchema), ...columnTypesOf(taxiTripSchema) };

/**
 * The trip files as DuckDB reads them itself (readTable's aliases, time-stamp layouts and invalid-value
 * policy), when every file they name is CSV, or every one Parquet; undefined otherwise (Arrow, a mix: readTable
 * reads them).
 * @example await tripFilesOnDuckDb("data/*.csv", "drop")
 */
export async function tripFilesOnDuckDb(
  files: string,
  onInvalid: "error" | "drop",
): Promise<DuckDbFilesSource | undefined> {
  return duckdbFiles(await resolveSources(files), taxiTripSchema, { aliases: taxiTripAliases, onInvalid });
}

/**
 * Run the transform stage's pipe in DuckDB (its source table loaded into a database opened for this run, or
 * the trip files read by DuckDB when `source` is given; in memory unless `duckdb_database` names a file;
 * `duckdb_memory_limit` set first), then close the database. `moveDedupes`: plan as a source pipe does in
 * process (the dedupe after the row-local filters that follow it). An aborted `signal` interrupts the query.
 * @example await transformOnDuckDb(pipe(trips).step(filter), { duckdb_memory_limit: "4GB" })
 */
export async function transformOnDuckDb<C extends string>(
  pipeline: Pipe<C>,
  settings: DuckDbSettings,
  source?: DuckDbFilesSource,
  moveDedupes = false,
): Promise<DuckDbPipeResult<C>> {
  const limit = settings.duckdb_memory_limit;
  const database = await DuckDb.open(settings.duckdb_database, {
    ...(limit === undefined ? {} : { memoryLimit: limit }),
    ...(settings.signal === undefined ? {} : { signal: settings.signal }),
  });
  try {
    return await runOnDuckDb(pipeline, {
      database,
      columnTypes: TIP_MODEL_COLUMN_TYPES,
      readFiles: settings.duckdb_read,
      moveDedupes,
      ...(source === undefined ? {} : { source }),
    });
  } finally {
    database.close();
  }
}

/**
 * One line saying which steps ran where, and how DuckDB read the trip files (when it did).
 * @example placementLine([{ step: "sortRows", engine: "duckdb" }]) // "engine duckdb: in DuckDB: sortRows; in process: none"
 */
export function placementLine(placement: readonly StepPlacement[], readBy?: SourceRead): string {
  const on = (engine: StepPlacement["engine"]): string =>
    placement
      .filter((p) => p.engine === engine)
      .map((p) => p.step)
      .join(", ") || "none";
  const how: Record<SourceRead, string> = {
    streamed: "streamed through the query",
    filtered: "read with the first filters into a table",
    table: "read into a table first",
  };
  const read = readBy === undefined ? "" : `; trip files ${how[readBy]}`;
  return `engine duckdb: in DuckDB: ${on("duckdb")}; in process: ${on("in-process")}${read}`;
}
