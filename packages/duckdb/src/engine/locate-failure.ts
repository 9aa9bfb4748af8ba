import { SQL_DIALECTS, StepFailedError } from "@tablepipe/core";
import type { CompiledCte, CompiledPipe } from "@tablepipe/sql";
import { type DuckDbQueryError, toQueryError } from "../errors";
import type { DuckDb } from "./duckdb-database";

const quote = SQL_DIALECTS.duckdb.quoteIdentifier;

/** The WITH clause of `ctes` on one line. */
const withOf = (ctes: readonly CompiledCte[]): string =>
  `WITH ${ctes.map((c) => `${quote(c.name)} AS (${c.sql})`).join(", ")}`;

/**
 * The in-process error for the row the failing step (the i-th CTE) stopped on, found by its failure probe over
 * its input; undefined when it has none, or it finds no row (the error is DuckDB's own then).
 */
async function probedError(
  db: DuckDb,
  ctes: readonly CompiledCte[],
  i: number,
): Promise<StepFailedError | undefined> {
  const cte = ctes[i];
  const probe = cte?.failureProbe;
  if (probe === undefined || cte?.step === undefined) return undefined;
  let row: Readonly<Record<string, unknown>> | undefined;
  try {
    const result = await db.connection.runAndReadAll(`${withOf(ctes.slice(0, i))} ${probe.sql}`);
    row = result.getRowObjectsJS()[0];
  } catch {
    return undefined; // DuckDB's own error still names the step, the column and the value
  }
  return row === undefined ? undefined : new StepFailedError(cte.step.path, probe.error(row));
}

/**
 * The query failed: find the first CTE that fails on its own (all its columns computed) and name its step, so the
 * error says which step's data or params DuckDB refused. A step with a failure probe (`castColumns`) fails with
 * the in-process error naming the row it stopped on.
 */
export async function locateFailure(
  db: DuckDb,
  compiled: CompiledPipe,
  error: unknown,
): Promise<DuckDbQueryError | StepFailedError> {
  for (let i = 0; i < compiled.ctes.length; ++i) {
    const cte = compiled.ctes[i];
    if (cte === undefined || cte.step === undefined) continue;
    try {
      await db.connection.run(`${withOf(compiled.ctes.slice(0, i + 1))} SELECT * FROM ${quote(cte.name)}`);
    } catch (stepError) {
      return (await probedError(db, compiled.ctes, i)) ?? toQueryError(cte.step.path, stepError);
    }
  }
  return toQueryError("the pipe's query", error);
}
