/**
 * How an engine finds the row a failed step stopped on, as the in-process step names it: a query over the
 * step's input run once the step's query failed (a rendered step may raise an error on a cell, but the engine
 * runs the rows in parallel, so its own error cannot say which row came first), and the in-process error for
 * the row it finds. A query holding one depends on its rows' order (the compiler takes the step's use of it as
 * unknown, even for a row-local step), so an engine always numbers them in order (`CompiledPipe.ignoresRowOrder`
 * is false).
 */
export interface FailureProbe {
  /**
   * A `SELECT` over the step's input (its CTE and those before it in the `WITH`) giving at most one row: what
   * makes the step fail first in process. No row: the engine's own error stands.
   */
  readonly sql: string;
  /** The error the in-process step throws for the probe's row (its cells by column name). */
  readonly error: (row: Readonly<Record<string, unknown>>) => Error;
}
