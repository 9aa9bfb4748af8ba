import type { StepFailedError } from "@tablepipe/core";
import { type CompiledPipe, locateFailure as locateStepFailure } from "@tablepipe/sql";
import { type DuckDbQueryError, toQueryError } from "../errors";
import type { DuckDb } from "./duckdb-database";

/**
 * The query failed: find the first CTE that fails on its own (all its columns computed) and name its step, so the
 * error says which step's data or params DuckDB refused. A step with a failure probe (`castColumns`) fails with
 * the in-process error naming the row it stopped on.
 */
export function locateFailure(
  db: DuckDb,
  compiled: CompiledPipe,
  error: unknown,
): Promise<DuckDbQueryError | StepFailedError> {
  return locateStepFailure(
    compiled,
    "duckdb",
    {
      run: async (sql) => {
        await db.connection.run(sql);
      },
      firstRow: async (sql) => (await db.connection.runAndReadAll(sql)).getRowObjectsJS()[0],
      toError: toQueryError,
    },
    error,
  );
}
