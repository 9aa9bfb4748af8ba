import type { Pipe, SqlRendering } from "@tablepipe/core";
import { flattenPlan, planSteps } from "@tablepipe/core/internal";
import { numberRowsByRowid } from "./engine/numbered-relation";
import { compilePipe } from "./sql/compile-pipe";

/** Options of {@link pipeToSql}. */
export interface PipeSqlOptions {
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
export function pipeToSql(pipe: Pipe<string>, options: PipeSqlOptions = {}): string {
  const columns = pipe.source.columnNames();
  const flat = flattenPlan(planSteps(columns, pipe.steps));
  const compiled = compilePipe(columns, flat, {
    dialect: "duckdb",
    sourceRelation: options.sourceName ?? "input",
    lookupRelation: (i) => `lookup_${i}`,
    numberRows: numberRowsByRowid,
    renderings: options.renderings,
  });
  const rest = flat.slice(compiled.renderedSteps).map((step) => `--   ${step.path}`);
  return rest.length === 0 ? compiled.sql : `${compiled.sql}\n-- then in process:\n${rest.join("\n")}`;
}
