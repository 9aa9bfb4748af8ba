import type { SqlStepContext } from "@tablepipe/core";

/** A step rendered to SQL: one `SELECT` over the step's input, and the columns it outputs (in order). */
export interface RenderedStep {
  readonly sql: string;
  /** The output columns, in order, without the row-order column. */
  readonly columns: readonly string[];
}

/** A built-in transform's rendering; `undefined` when these params do not render (the step runs in process). */
export type BuiltInRendering = (
  params: Readonly<Record<string, unknown>>,
  context: SqlStepContext,
) => RenderedStep | undefined;

/** A rendering that keeps the input's columns (a filter, a reorder): its output columns are its input's. */
export function keepingColumns(
  render: (params: Readonly<Record<string, unknown>>, context: SqlStepContext) => string | undefined,
): BuiltInRendering {
  return (params, context) => {
    const sql = render(params, context);
    return sql === undefined ? undefined : { sql, columns: context.columns };
  };
}
