import type { ColumnTable } from "arquero";
import { schemaOf } from "../schema/registry";
import type { ColumnParams } from "../transform/column-params";
import type { Transform } from "../transform/runtime";
import {
  type ColumnTypes,
  isTable,
  type KnownTypesOf,
  type NoColumnTypes,
  type Table,
} from "../transform/table";
import type {
  NeedsCheck,
  NeedsMessages,
  OutputColumns,
  OutputTypes,
  ParamsConstraint,
  ParamsGiven,
  ParamsSchema,
  StaticContract,
  StepParamsArgs,
} from "../transform/types";
import { executePlan, executePlanPausing } from "./execute";
import { describeGiven } from "./given-value";
import { planSteps } from "./plan";
import { makeStep, type Step } from "./step";
import type { TraceEntry } from "./trace";

/** The result of running a pipe: the output table and what each step did. */
export interface PipeResult<C extends string, K extends ColumnTypes = NoColumnTypes> {
  readonly table: Table<C, K>;
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
  /**
   * Run the pipe (its pre-flight first) and give its table, trace and the engine's own report. Aborting
   * `run.signal` stops the run (the engine interrupts its query) and rejects it.
   */
  runPipe<C extends string>(pipe: Pipe<C>, run?: EngineRunOptions): Promise<PipeResult<C> & X>;
}

/** What {@link Pipe.run} passes to an engine. */
export interface EngineRunOptions {
  /** Stops the run when aborted: the engine interrupts its query, and the run rejects. */
  readonly signal?: AbortSignal;
}

/** Options of {@link Pipe.run} that make it asynchronous: an engine, a signal, or both. */
export interface PipeRunOptions<X extends object> extends EngineRunOptions {
  /** The engine to run on (default: in process). */
  readonly engine?: PipeEngine<X>;
}

/**
 * What {@link Pipe.run} resolves to on engine `E`: the pipe's table and trace with the engine's report, for an
 * engine chosen at run time (`onSpark ? spark(url) : duckdb()`) either engine's; in process (no engine) no report.
 */
export type EngineRunResult<C extends string, K extends ColumnTypes, E> =
  E extends PipeEngine<infer X> ? PipeResult<C, K> & X : PipeResult<C, K>;

/** Yield to the event loop (where a signal handler may abort `signal`), then throw its reason if aborted. */
async function stopIfAborted(signal: AbortSignal): Promise<void> {
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  signal.throwIfAborted();
}

/**
 * The guide's `.transform()` chain. Steps are collected, not run: `value()` and `run()` first check every
 * step's params and column contract against the columns available at that point (pre-flight), and only
 * then touch the data. A pipe is immutable: each `.transform()` returns a new pipe. `C` are the columns the
 * compiler knows the output will have, `K` their types where known (see `Table`).
 */
export class Pipe<C extends string, K extends ColumnTypes = NoColumnTypes> {
  readonly #source: ColumnTable;
  readonly #steps: readonly Step[];

  constructor(source: ColumnTable, steps: readonly Step[] = []) {
    this.#source = source;
    this.#steps = steps;
  }

  /**
   * Append a transform with its params. A step needing a column the table will lack does not compile; the
   * diagnostic names it: `The 'this' context of type 'Pipe<...>' is not assignable to method's 'this' of type
   * '"step \"addDateParts\" needs column \"ordered_at\" (timestamp)"'`.
   */
  transform<
    S extends ColumnParams,
    Z extends ParamsSchema,
    F extends StaticContract,
    N extends string,
    const P extends ParamsConstraint<S, Z, P> = Record<never, never>,
  >(
    this: CheckedPipe<C, N, S, F, P, K>,
    transform: Transform<S, Z, F, N> & ParamsGiven<S, Z, P>,
    ...params: StepParamsArgs<S, Z, P>
  ): Pipe<OutputColumns<C, S, F, P>, OutputTypes<K, S, F, P>> {
    const self = this as unknown as Pipe<C, K>;
    return new Pipe(self.#source, [...self.#steps, makeStep(transform, params[0])]);
  }

  /** Append a prepared step (from `step(...)`). */
  step<N extends string, A extends string, R extends string>(
    prepared: Step<N, A, R> & NeedsCheck<C, N>,
  ): Pipe<Exclude<C, R> | A, KnownTypesOf<Omit<K, R | A>>> {
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
    const planned = planSteps(this.#source.columnNames(), this.#steps, "", schemaOf(this.#source));
    return planned.at(-1)?.columnsOut ?? this.#source.columnNames();
  }

  /**
   * Check, then run every step; returns the output table and the trace. With an engine, the run happens there
   * and the result comes as a promise: `await p.run({ engine: duckdb() })`. With a `signal`, aborting it stops
   * the run and rejects with its reason: an engine interrupts its query, a run in process stops between steps
   * (it yields to the event loop before each); an aborted signal rejects before anything runs.
   * @example await p.run({ engine: duckdb(), signal }) // Ctrl-C: stopOnInterrupt(async (signal) => ...) of @tablepipe/io
   */
  run(): PipeResult<C, K>;
  run<E extends PipeEngine<object> | undefined = undefined>(
    options: EngineRunOptions & { readonly engine?: E },
  ): Promise<EngineRunResult<C, K, E>>;
  run(options?: PipeRunOptions<object>): PipeResult<C, K> | Promise<PipeResult<C, K>> {
    if (options !== undefined) return this.#runAsync(options);
    const planned = planSteps(this.#source.columnNames(), this.#steps, "", schemaOf(this.#source));
    const { table, trace } = executePlan(this.#source, planned);
    return { table: table as Table<C, K>, trace };
  }

  /**
   * Check, then run every step in process as `run()` does, awaiting `pause()` before each step: a job yields to
   * the event loop there, so that an interrupt is noticed between steps, and stops the run by rejecting. The
   * same table and trace (a composite's milliseconds include its steps' pauses).
   * @example const { table } = await pipe(trips).transform(dropDuplicates).runStepwise(() => checkpoint());
   */
  async runStepwise(pause: () => Promise<void>): Promise<PipeResult<C, K>> {
    const planned = planSteps(this.#source.columnNames(), this.#steps, "", schemaOf(this.#source));
    const { table, trace } = await executePlanPausing(this.#source, planned, pause);
    return { table: table as Table<C, K>, trace };
  }

  async #runAsync(options: PipeRunOptions<object>): Promise<PipeResult<C, K>> {
    const { engine, signal } = options;
    signal?.throwIfAborted();
    if (engine !== undefined && typeof (engine as Partial<PipeEngine>).runPipe !== "function") {
      throw new TypeError(
        `run({ engine }) needs an engine (duckdb(), spark(remote): an object with runPipe), got ${describeGiven(engine)}`,
      );
    }
    // An engine gives back the table the pipe describes: its types are the pipe's.
    if (engine !== undefined) return (await engine.runPipe(this as Pipe<C>, { signal })) as PipeResult<C, K>;
    const pause = async (): Promise<void> => (signal === undefined ? undefined : stopIfAborted(signal));
    return await this.runStepwise(pause);
  }

  /** Check, then run every step; returns the output table. */
  value(): Table<C, K> {
    return this.run().table;
  }
}

/** A pipe's `this` for `.transform()`: the pipe, or the message(s) naming the columns the step lacks. */
export type CheckedPipe<
  C extends string,
  N extends string,
  S extends ColumnParams,
  F extends StaticContract,
  P,
  K extends ColumnTypes = NoColumnTypes,
> = [NeedsMessages<C, N, S, F, P, K>] extends [never] ? Pipe<C, K> : NeedsMessages<C, N, S, F, P, K>;

/**
 * Start a pipeline on a table: `pipe(trips).transform(dropDuplicates).transform(limitHistory, {...}).value()`.
 * The pipe knows the table's columns and their known types, and follows them step by step.
 */
export function pipe<C extends string, K extends ColumnTypes = NoColumnTypes>(
  table: Table<C, K>,
): Pipe<C, K> {
  // refused here, not at the run (where an engine would meet it as "cannot read properties of undefined")
  if (!isTable(table)) throw new TypeError(`pipe() needs an arquero table, got ${describeGiven(table)}`);
  return new Pipe<C, K>(table);
}
