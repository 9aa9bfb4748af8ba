import type { Pipe, SqlRendering } from "@tablepipe/core";
import { pipeToSql as pipeToDialectSql } from "@tablepipe/sql";
import { numberRowsByRowid } from "./engine/numbered-relation";

/** Options of {@link pipeToSql}. */
export interface DuckDbPipeSqlOptions {
  /** The name the source table is read from in the query (default `input`). */
  readonly sourceName?: string;
  /** SQL renderings by transform name, for transforms that have none. */
  readonly renderings?: Readonly<Record<string, SqlRendering>>;
}

/**
 * The pipe as the DuckDB query `runOnDuckDb` runs (for reading and explaining): a CTE per step that renders,
 * up to the first one that does not; the steps after it would run in process and are listed in a comment.
 * @example console.log(pipeToSql(pipe(orders).transform(filter, { where: gt(col("amount"), 10) })));
 */
export function pipeToSql(pipe: Pipe<string>, options: DuckDbPipeSqlOptions = {}): string {
  return pipeToDialectSql(pipe, { ...options, dialect: "duckdb", numberRows: numberRowsByRowid });
}
