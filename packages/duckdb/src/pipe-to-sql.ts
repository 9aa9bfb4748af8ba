import type { Pipe, SqlRendering } from "@tablepipe/core";
import { type ColumnType, pipeToSql as pipeToDialectSql } from "@tablepipe/sql";
import { inferColumnType } from "./engine/infer-column-type";
import { numberRowsByRowid } from "./engine/numbered-relation";

/** Options of {@link pipeToSql}. */
export interface DuckDbPipeSqlOptions {
  /** The name the source table is read from in the query (default `input`). */
  readonly sourceName?: string;
  /** SQL renderings by transform name, for transforms that have none. */
  readonly renderings?: Readonly<Record<string, SqlRendering>>;
  /** Column types by name, as given to the run (`duckdb({ columnTypes })`), so that the query is the one it runs. */
  readonly columnTypes?: Readonly<Record<string, ColumnType>>;
}

/**
 * The source columns' types as a run loads the pipe's table (declared, else told by its values); a column whose
 * type its values do not tell is left out (the run refuses it when loading the table).
 */
function sourceTypesOf(
  pipe: Pipe<string>,
  declared: Readonly<Record<string, ColumnType>>,
): Record<string, ColumnType> {
  const types: Record<string, ColumnType> = {};
  for (const name of pipe.source.columnNames()) {
    try {
      types[name] = inferColumnType(pipe.source, name, declared[name], "the pipe's source table");
    } catch {
      // no type: the renderings that need it decline, as they would without the table
    }
  }
  return types;
}

/**
 * The pipe as the DuckDB query `runOnDuckDb` runs (for reading and explaining), compiled with the column types the
 * run gives it: a CTE per step that renders, up to the first one that does not; the steps after it would run in
 * process and are listed in a comment.
 * @example console.log(pipeToSql(pipe(orders).transform(filter, { where: gt(col("amount"), 10) })));
 */
export function pipeToSql(pipe: Pipe<string>, options: DuckDbPipeSqlOptions = {}): string {
  const { columnTypes, ...rest } = options;
  return pipeToDialectSql(pipe, {
    ...rest,
    dialect: "duckdb",
    numberRows: numberRowsByRowid,
    sourceTypes: sourceTypesOf(pipe, columnTypes ?? {}),
    ...(columnTypes === undefined ? {} : { columnTypes }),
  });
}
