/** What a baseline child process reports on stdout (one JSON line) and how its timings are kept. */

/** Seconds per stage of one baseline run, as the child measured them. */
export interface BaselineStages {
  /** Read + every transform up to the prepared table (one fused query for DuckDB, one lazy plan for polars). */
  prepare: number;
  /** Writing the prepared table (Parquet). */
  writePrepared: number;
  /** Normal equations aggregated in the engine, solved in JS. */
  train: number;
  /** Predictions on the test rows, written as CSV, and the model as JSON. */
  write: number;
}

/** The one JSON line a baseline prints when it is done. */
export interface BaselineReport {
  engine: "polars" | "duckdb";
  preparedRows: number;
  trainingRows: number;
  testRows: number;
  coefficients: number[];
  stages: BaselineStages;
}

/** Print the report line (the harness parses the last line of stdout). */
export function printReport(report: BaselineReport): void {
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

/** Seconds since `started` (a `performance.now()` value). */
export function secondsSince(started: number): number {
  return (performance.now() - started) / 1000;
}

/** The data folder and output folder a baseline is called with: `node duckdb-job.js DATA_DIR OUT_DIR`. */
export function baselineArgs(argv: readonly string[]): { dataDir: string; outDir: string } {
  const [dataDir, outDir] = argv.slice(2);
  if (dataDir === undefined || outDir === undefined) {
    throw new Error("usage: node <baseline>.js DATA_DIR OUTPUT_DIR");
  }
  return { dataDir, outDir };
}
