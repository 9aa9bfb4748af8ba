import { checkAppendFile, type RunOutput } from "@tablepipe/io";
import { inputPaths } from "./job/data-sources";

/** What a command's config says of the files it reads and of DuckDB's database file. */
export interface LogFileContext {
  readonly data_dir?: string | undefined;
  readonly trips?: string | undefined;
  readonly zones?: string | undefined;
  readonly engine?: string | undefined;
  readonly duckdb_database?: string | undefined;
}

/**
 * Refuse `--log-file FILE` before it is opened (appended to) when it is an input of the command (`--data-dir`,
 * `--trips`, `--zones`) or inside an input folder, one of `outputs` or inside an output folder, or the database
 * file `--engine duckdb` writes: an `OutputPathError` naming `--log-file`, the path and why.
 * @example await checkLogFile("data/taxi_trip_data.csv", { data_dir: "data" }, []) // throws: it is the input
 */
export function checkLogFile(
  file: string,
  config: LogFileContext,
  outputs: readonly RunOutput[],
): Promise<void> {
  const database: RunOutput[] =
    config.engine === "duckdb" && config.duckdb_database !== undefined
      ? [{ label: "--duckdb-database", path: config.duckdb_database, kind: "file" }]
      : [];
  return checkAppendFile(file, {
    label: "--log-file",
    inputs: inputPaths(config),
    outputs: [...outputs, ...database],
  });
}
