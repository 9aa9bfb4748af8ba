import { SQL_DIALECTS } from "@tablepipe/core";
import type { CompiledPipe } from "@tablepipe/sql";
import { type DuckDbQueryError, toQueryError } from "../errors";
import type { DuckDb } from "./duckdb-database";

const quote = SQL_DIALECTS.duckdb.quoteIdentifier;

/**
 * The query failed: find the first CTE that fails on its own (all its columns computed) and name its step, so the
 * error says which step's data or params DuckDB refused.
 */
export async function locateFailure(
  db: DuckDb,
  compiled: CompiledPipe,
  error: unknown,
): Promise<DuckDbQueryError> {
  for (let i = 0; i < compiled.ctes.length; ++i) {
    const cte = compiled.ctes[i];
    if (cte === undefined || cte.step === undefined) continue;
    const ctes = compiled.ctes.slice(0, i + 1).map((c) => `${quote(c.name)} AS (${c.sql})`);
    try {
      await db.connection.run(`WITH ${ctes.join(", ")} SELECT * FROM ${quote(cte.name)}`);
    } catch (stepError) {
      return toQueryError(cte.step.path, stepError);
    }
  }
  return toQueryError("the pipe's query", error);
}
