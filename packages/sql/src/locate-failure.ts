import { SQL_DIALECTS, type SqlDialectName, StepFailedError } from "@tablepipe/core";
import { type CompiledCte, type CompiledPipe, withClause } from "./compile-pipe";
import { ROW_ORDER_COLUMN } from "./row-order";

/** How an engine runs the queries that locate a failure, and makes its own error of what a query threw. */
export interface FailureQueries<E extends Error> {
  /** Run the query to its end (every row and column computed), for `what` (a step's path); throws the engine's error. */
  readonly run: (sql: string, what: string) => Promise<void>;
  /** Run the query and give its first row (cells by column name), undefined for none; throws the engine's error. */
  readonly firstRow: (sql: string, what: string) => Promise<Readonly<Record<string, unknown>> | undefined>;
  /** The engine's error for a query that failed: where (a step's path, or `the pipe's query`) and what it threw. */
  readonly toError: (where: string, error: unknown) => E;
}

/**
 * The in-process error for the row the failing step (the i-th CTE) stopped on, found by its failure probe over
 * its input; undefined when it has none, finds no row, or fails itself (the engine's own error stands then).
 */
async function probedError<E extends Error>(
  ctes: readonly CompiledCte[],
  i: number,
  dialect: SqlDialectName,
  queries: FailureQueries<E>,
): Promise<StepFailedError | undefined> {
  const cte = ctes[i];
  const probe = cte?.failureProbe;
  if (probe === undefined || cte?.step === undefined) return undefined;
  let row: Readonly<Record<string, unknown>> | undefined;
  try {
    row = await queries.firstRow(`${withClause(ctes.slice(0, i), dialect)}\n${probe.sql}`, cte.step.path);
  } catch {
    return undefined; // the engine's own error still names the step, the column and the value
  }
  return row === undefined ? undefined : new StepFailedError(cte.step.path, probe.error(row));
}

/**
 * The first step among `ctes` whose output lacks the hidden row-order column (a custom rendering that forgot
 * `context.rowOrder`), found by queries that bind the column and read no row: one for all the steps, then, if it
 * fails, one per step in order. Every CTE of `ctes` runs on its own.
 */
async function firstWithoutRowOrder<E extends Error>(
  ctes: readonly CompiledCte[],
  dialect: SqlDialectName,
  queries: FailureQueries<E>,
): Promise<CompiledCte | undefined> {
  const quote = SQL_DIALECTS[dialect].quoteIdentifier;
  const binds = (cte: CompiledCte) => `SELECT ${quote(ROW_ORDER_COLUMN)} FROM ${quote(cte.name)} WHERE FALSE`;
  const steps = ctes.filter((cte) => cte.step !== undefined);
  if (steps.length === 0) return undefined;
  try {
    await queries.run(
      `${withClause(ctes, dialect)}\n${steps.map(binds).join("\nUNION ALL\n")}`,
      "the row order",
    );
    return undefined;
  } catch {
    for (const cte of steps) {
      const upTo = ctes.slice(0, ctes.indexOf(cte) + 1);
      try {
        await queries.run(`${withClause(upTo, dialect)}\n${binds(cte)}`, cte.step?.path ?? cte.name);
      } catch {
        return cte;
      }
    }
    return undefined;
  }
}

/** The error of a step whose rendering dropped the row-order column: its fix, and the engine's error as the cause. */
export function droppedRowOrder(cte: CompiledCte, engineError: unknown): StepFailedError {
  const detail =
    `its SQL rendering drops the hidden row-order column "${ROW_ORDER_COLUMN}", which the next steps and the ` +
    "result's order read: a rendering must keep `context.rowOrder` among its output columns " +
    "(`SELECT <its columns>, <context.rowOrder> FROM <context.input>`)";
  return new StepFailedError(cte.step?.path ?? cte.name, new Error(detail, { cause: engineError }));
}

/**
 * The pipe's query failed on an engine: find the first CTE that fails on its own (all its columns computed) and
 * name its step, so the error says which step's data or params the engine refused. A step with a failure probe
 * (`castColumns`) fails with the in-process error naming the row it stopped on (a `StepFailedError`); any other
 * with the engine's error for it, and a query no CTE fails alone with the engine's error for the whole query. A
 * step whose rendering dropped the hidden row-order column (a custom `sql` that forgot `context.rowOrder`) is named,
 * with that fix, whichever later step or the result's order then failed on it.
 * @example throw await locateFailure(compiled, "duckdb", { run, firstRow, toError: toQueryError }, error);
 */
export async function locateFailure<E extends Error>(
  compiled: CompiledPipe,
  dialect: SqlDialectName,
  queries: FailureQueries<E>,
  error: unknown,
): Promise<E | StepFailedError> {
  const quote = SQL_DIALECTS[dialect].quoteIdentifier;
  for (let i = 0; i < compiled.ctes.length; ++i) {
    const cte = compiled.ctes[i];
    if (cte === undefined || cte.step === undefined) continue;
    try {
      await queries.run(
        `${withClause(compiled.ctes.slice(0, i + 1), dialect)}\nSELECT * FROM ${quote(cte.name)}`,
        cte.step.path,
      );
    } catch (stepError) {
      // a step before it that dropped the row order makes it fail (a window, a sort read the column): name that one
      const culprit = await firstWithoutRowOrder(compiled.ctes.slice(0, i), dialect, queries);
      if (culprit !== undefined) return droppedRowOrder(culprit, stepError);
      return (
        (await probedError(compiled.ctes, i, dialect, queries)) ?? queries.toError(cte.step.path, stepError)
      );
    }
  }
  // every step runs alone: the result's ORDER BY may miss the row order a step dropped
  const culprit = await firstWithoutRowOrder(compiled.ctes, dialect, queries);
  return culprit !== undefined ? droppedRowOrder(culprit, error) : queries.toError("the pipe's query", error);
}
