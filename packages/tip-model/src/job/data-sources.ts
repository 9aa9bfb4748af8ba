import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";

/** The data could not be found where the config says: a user error, printed as one line by the CLI. */
export class DataSourceError extends Error {
  override readonly name = "DataSourceError";
  readonly userFacing = true as const;
}

/** Where the job reads its two tables from. */
export interface DataSources {
  /** A file, a glob such as `data/yellow_tripdata_2018-*.csv`, or several files read as one table. */
  readonly trips: string;
  /** The zone table's file (the guide's `zone_id,zone_name,borough` or TLC's `LocationID,Borough,Zone,...`). */
  readonly zones: string;
}

const EXTENSIONS = [".csv", ".parquet", ".arrow"] as const;

/** The file `name` (`.csv`, `.parquet` or `.arrow`) in `dir`; the error lists what the folder holds. */
export function findDataFile(dir: string, name: string): string {
  for (const extension of EXTENSIONS) {
    const path = join(dir, `${name}${extension}`);
    if (existsSync(path)) return path;
  }
  const present = readdirSync(dir).sort();
  throw new DataSourceError(
    `no ${name}.csv (or .parquet, .arrow) in data_dir ${dir}; it holds: ${present.length > 0 ? present.join(", ") : "nothing"}`,
  );
}

function checkFolder(dir: string): void {
  if (dir.trim() === "")
    throw new DataSourceError(`data_dir (--data-dir) is empty: name the folder of the data`);
  if (!existsSync(dir)) throw new DataSourceError(`data_dir ${dir} does not exist`);
  if (!statSync(dir).isDirectory()) throw new DataSourceError(`data_dir ${dir} is not a folder`);
}

/**
 * Where to read from, given `data_dir`, `trips` and `zones` (explicit files win over the folder); `undefined`
 * when none is given, meaning the built-in generated sample.
 */
export function resolveDataSources(config: {
  data_dir?: string | undefined;
  trips?: string | undefined;
  zones?: string | undefined;
}): DataSources | undefined {
  const { data_dir: dataDir, trips, zones } = config;
  if (dataDir === undefined && trips === undefined && zones === undefined) return undefined;
  if (dataDir !== undefined) checkFolder(dataDir);
  const tripSource = trips ?? (dataDir !== undefined ? findDataFile(dataDir, "taxi_trip_data") : undefined);
  const zoneSource = zones ?? (dataDir !== undefined ? findDataFile(dataDir, "taxi_zone_geo") : undefined);
  if (tripSource === undefined)
    throw new DataSourceError("--zones was given without trips: add --trips or --data-dir");
  if (zoneSource === undefined) {
    throw new DataSourceError("--trips was given without a zone table: add --zones or --data-dir");
  }
  return { trips: tripSource, zones: zoneSource };
}

/**
 * The files and folders the job reads, for the output checks: `data_dir`, the zone file, and the trip file
 * (for a glob, its fixed leading folder).
 * @example inputPaths({ trips: "data/2018-*.csv", zones: "zones.csv" }) // ["data", "zones.csv"]
 */
export function inputPaths(config: {
  data_dir?: string | undefined;
  trips?: string | undefined;
  zones?: string | undefined;
}): string[] {
  const sources = resolveDataSources(config);
  if (sources === undefined) return [];
  const glob = sources.trips.search(/[*?[{]/);
  const trips = glob === -1 ? sources.trips : dirname(`${sources.trips.slice(0, glob)}x`);
  return [...(config.data_dir === undefined ? [] : [config.data_dir]), trips, sources.zones];
}
