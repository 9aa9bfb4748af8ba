import type { PipeEngine } from "@tablepipe/core";
import { type DuckDbPipeResult, type DuckDbRunOptions, runOnDuckDb } from "./run-on-duckdb";

/** What a run on DuckDB reports besides the table and trace: the query and where each step ran. */
export type DuckDbReport = Omit<DuckDbPipeResult<string>, "table" | "trace">;

/**
 * The DuckDB engine for `Pipe.run`: the pipe's longest SQL-renderable prefix runs inside DuckDB as one query,
 * the rest in process (see {@link runOnDuckDb}, which takes the same options).
 * @example const { table, trace, placement } = await pipe(trips).transform(dropDuplicates).run({ engine: duckdb() });
 */
export function duckdb(options: DuckDbRunOptions = {}): PipeEngine<DuckDbReport> {
  return {
    name: "duckdb",
    runPipe: (pipe) => runOnDuckDb(pipe, options),
  };
}
