import type { ColumnTypes, NoColumnTypes, PipeResult, Step } from "@tablepipe/core";
import type { RowSchema } from "../read/schema-columns";
import type { ReadReport, ReadTableOptions } from "../read/types";

/** The result of running a pipe on a source: the output table, the trace, and what the read did. */
export interface SourcePipeResult<C extends string, K extends ColumnTypes = NoColumnTypes>
  extends PipeResult<C, K> {
  /** Rows read, rows dropped as invalid, per file. */
  readonly report: ReadReport;
}

/** A source pipe's files as an engine receives them: the source, the row schema, and readTable's options. */
export interface PipeSourceFiles {
  readonly source: string | readonly string[];
  readonly schema: RowSchema;
  readonly options: ReadTableOptions;
}

/**
 * An engine a source pipe (`pipeFrom`) can run on, e.g. `duckdb()` of @tablepipe/duckdb: it reads the files
 * itself, with readTable's rules, runs the steps, and reports the read as readTable would.
 */
export interface SourcePipeEngine<X extends object = object> {
  /** The engine's name, for logs (`duckdb`). */
  readonly name: string;
  /** Read `files` and run `steps` on them (already checked by the pipe's pre-flight). */
  runSource<C extends string>(
    files: PipeSourceFiles,
    steps: readonly Step[],
  ): Promise<SourcePipeResult<C> & X>;
}

/**
 * What a source pipe's `run({ engine })` resolves to: the result with the engine's report, for an engine chosen
 * at run time either engine's.
 */
export type SourceEngineRunResult<C extends string, K extends ColumnTypes, E> =
  E extends SourcePipeEngine<infer X> ? SourcePipeResult<C, K> & X : SourcePipeResult<C, K>;

/**
 * Throw, before anything runs, when a source pipe's engine cannot read files (a JavaScript caller's
 * `pipeFrom(...).run({ engine: spark(url) })`, which TypeScript refuses): the error says where a source pipe runs.
 */
export function refuseNonSourceEngine(engine: unknown): void {
  if (typeof (engine as Partial<SourcePipeEngine> | undefined)?.runSource === "function") return;
  const name = (engine as { name?: unknown } | undefined)?.name;
  const which = typeof name === "string" ? `engine "${name}"` : "the engine given";
  throw new TypeError(
    `a source pipe (pipeFrom) runs in process (run()) or on an engine that reads its files itself ` +
      `(run({ engine: duckdb() })); ${which} does not read them: on Spark, let Spark read the files, ` +
      `spark(remote, { source: sparkFiles("csv", paths, { schema }) }), for a pipe of a table with the schema's columns`,
  );
}
