import type { ColumnTable } from "arquero";
import type { ExprNode } from "../expr/nodes";
import type { SqlDialectName } from "../expr/sql-dialects";

/** What a step's SQL rendering is given: where its input is, its columns, and helpers for the dialect. */
export interface SqlStepContext {
  /** The SQL dialect to write. */
  readonly dialect: SqlDialectName;
  /** The step's input relation (the previous step's CTE), quoted: select `FROM` it. */
  readonly input: string;
  /** The input's columns, in order (without the row-order column). */
  readonly columns: readonly string[];
  /**
   * The hidden column, quoted, that numbers the rows in their in-process order. Keep it in the output (a
   * `SELECT * ... WHERE` does); a step that reorders rows gives it new values.
   */
  readonly rowOrder: string;
  /** A column (or relation) name quoted for the dialect. */
  quote(name: string): string;
  /** An expression in the dialect (see `toSql`), knowing the input columns' types where the engine does. */
  expr(expr: ExprNode): string;
  /** A table param (a lookup) as a relation the query can read, quoted; the engine loads it. */
  table(table: ColumnTable): string;
}

/**
 * A transform's SQL rendering: one `SELECT` over `context.input` that gives, row for row, what the
 * in-process implementation gives, with the same columns, plus `context.rowOrder`. Return `undefined` when
 * these params cannot be rendered: the step then runs in process.
 *
 * @example (p, c) => `SELECT * FROM ${c.input} WHERE ${c.quote(p.column)} > 0`
 */
export type SqlRendering<P = Record<string, unknown>> = (
  params: P,
  context: SqlStepContext,
) => string | undefined;
