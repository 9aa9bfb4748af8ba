import { type Pipe, type SqlDialectName, type SqlRendering, schemaOf } from "@tablepipe/core";
import { flattenPlan, planSteps } from "@tablepipe/core/internal";
import type { ColumnType } from "./column-types";
import { compilePipe } from "./compile-pipe";

/** Options of {@link pipeToSql}. */
export interface PipeSqlOptions {
  /** The dialect to write (see `SQL_DIALECTS`). */
  readonly dialect: SqlDialectName;
  /** The name the source table is read from in the query (default `input`). */
  readonly sourceName?: string;
  /** How the engine gives a loaded relation (holding `columns`) its row-order column (a `SELECT` over the quoted relation). */
  readonly numberRows: (relation: string, columns: readonly string[]) => string;
  /** SQL renderings by transform name, for transforms that have none. */
  readonly renderings?: Readonly<Record<string, SqlRendering>>;
  /**
   * The source columns' types as the engine's run loads them (type-dependent renderings decline without), so
   * that the query is the one the run compiles.
   */
  readonly sourceTypes?: Readonly<Record<string, ColumnType>>;
  /** The engine's `columnTypes` (see `compilePipe`), as the run is given them. */
  readonly columnTypes?: Readonly<Record<string, ColumnType>>;
}

/**
 * The pipe as one query in a dialect (for reading and explaining): a CTE per step that renders, up to the first
 * one that does not; the steps after it would run in process and are listed in a comment. Engines wrap this
 * with their own row numbering (`pipeToSql` of `@tablepipe/duckdb` needs no options).
 * @example console.log(pipeToSql(p, { dialect: "duckdb", numberRows: (r) => `SELECT *, rowid AS "__tablepipe_row" FROM "${r}"` }));
 */
export function pipeToSql(pipe: Pipe<string>, options: PipeSqlOptions): string {
  const columns = pipe.source.columnNames();
  // planned with the source's schema, as a run plans it: the steps' column types are the run's
  const flat = flattenPlan(planSteps(columns, pipe.steps, "", schemaOf(pipe.source)));
  const compiled = compilePipe(columns, flat, {
    dialect: options.dialect,
    sourceRelation: options.sourceName ?? "input",
    lookupRelation: (i) => `lookup_${i}`,
    numberRows: options.numberRows,
    renderings: options.renderings,
    ...(options.sourceTypes === undefined ? {} : { sourceTypes: options.sourceTypes }),
    ...(options.columnTypes === undefined ? {} : { columnTypes: options.columnTypes }),
  });
  const rest = flat.slice(compiled.renderedSteps).map((step) => `--   ${step.path}`);
  if (rest.length === 0) return compiled.sql;
  const why = compiled.nameClash === undefined ? "" : ` (${compiled.nameClash})`;
  return `${compiled.sql}\n-- then in process${why}:\n${rest.join("\n")}`;
}
