import type { ColumnTable } from "arquero";
import type { ColumnParams } from "../transform/column-params";
import type { Transform } from "../transform/runtime";
import type { Table } from "../transform/table";
import type {
  NeedsCheck,
  NeedsOf,
  OutputColumns,
  ParamsGiven,
  ParamsSchema,
  StaticContract,
  StepParamsArgs,
} from "../transform/types";
import { executePlan } from "./execute";
import { planSteps } from "./plan";
import { makeStep, type Step } from "./step";
import type { TraceEntry } from "./trace";

/** The result of running a pipe: the output table and what each step did. */
export interface PipeResult<C extends string> {
  readonly table: Table<C>;
  readonly trace: readonly TraceEntry[];
}

/**
 * An engine a pipe can run on instead of in process (`duckdb()` of `@tablepipe/duckdb`, ...): it runs the
 * steps it can, the rest in process, and gives the same table and trace; `X` is what it reports besides
 * (the query, where each step ran).
 */
export interface PipeEngine<X extends object = object> {
  /** The engine's name, for logs (`duckdb`). */
  readonly name: string;
  /** Run the pipe (its pre-flight first) and give its table, trace and the engine's own report. */
  runPipe<C extends string>(pipe: Pipe<C>): Promise<PipeResult<C> & X>;
}

/** Options of {@link Pipe.run} with an engine. */
export interface PipeRunOptions<X extends object> {
  /** The engine to run on (default: in process, synchronously). */
  readonly engine: PipeEngine<X>;
}

/**
 * The guide's `.transform()` chain. Steps are collected, not run: `value()` and `run()` first check every
 * step's params and column contract against the columns available at that point (pre-flight), and only
 * then touch the data. A pipe is immutable: each `.transform()` returns a new pipe.
 */
export class Pipe<C extends string> {
  readonly #source: ColumnTable;
  readonly #steps: readonly Step[];

  constructor(source: ColumnTable, steps: readonly Step[] = []) {
    this.#source = source;
    this.#steps = steps;
  }

  /** Append a transform with its params. A step needing a column the table will lack does not compile. */
  transform<
    S extends ColumnParams,
    Z extends ParamsSchema,
    F extends StaticContract,
    const P extends object = Record<never, never>,
  >(
    transform: Transform<S, Z, F> & NeedsCheck<C, NeedsOf<S, F, P>> & ParamsGiven<S, Z, P>,
    ...params: StepParamsArgs<S, Z, P>
  ): Pipe<OutputColumns<C, S, F, P>> {
    return new Pipe(this.#source, [...this.#steps, makeStep(transform, params[0])]);
  }

  /** Append a prepared step (from `step(...)`). */
  step<N extends string, A extends string, R extends string>(
    prepared: Step<N, A, R> & NeedsCheck<C, N>,
  ): Pipe<Exclude<C, R> | A> {
    return new Pipe(this.#source, [...this.#steps, prepared]);
  }

  /** The table the pipe starts from (engines other than the in-process one read it). */
  get source(): ColumnTable {
    return this.#source;
  }

  /** The steps collected so far. */
  get steps(): readonly Step[] {
    return this.#steps;
  }

  /** Pre-flight only: validate params and column contracts; returns the columns the output will have. */
  check(): readonly string[] {
    const planned = planSteps(this.#source.columnNames(), this.#steps);
    return planned.at(-1)?.columnsOut ?? this.#source.columnNames();
  }

  /**
   * Check, then run every step; returns the output table and the trace. With an engine, the run happens there
   * and the result comes as a promise: `await p.run({ engine: duckdb() })`.
   */
  run(): PipeResult<C>;
  run<X extends object>(options: PipeRunOptions<X>): Promise<PipeResult<C> & X>;
  run<X extends object>(options?: PipeRunOptions<X>): PipeResult<C> | Promise<PipeResult<C> & X> {
    if (options !== undefined) return options.engine.runPipe(this);
    const planned = planSteps(this.#source.columnNames(), this.#steps);
    const { table, trace } = executePlan(this.#source, planned);
    return { table: table as Table<C>, trace };
  }

  /** Check, then run every step; returns the output table. */
  value(): Table<C> {
    return this.run().table;
  }
}

/**
 * Start a pipeline on a table: `pipe(trips).transform(dropDuplicates).transform(limitHistory, {...}).value()`.
 */
export function pipe<C extends string>(table: Table<C>): Pipe<C> {
  return new Pipe<C>(table);
}
