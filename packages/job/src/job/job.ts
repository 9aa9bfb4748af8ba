import type { ColumnTypes, NoColumnTypes, Pipe, PipeEngine, Table } from "@tablepipe/core";
import { formatFunnel, type TraceEntry } from "@tablepipe/core";
import { formatWhole } from "@tablepipe/core/internal";
import type { ColumnTable } from "arquero";
import { getLogger, type Logger } from "../log/logger";
import { placementLine } from "./placement-line";

/** One run of one stage: when it ran, how long it took, and the tables it set. */
export interface StageRun {
  readonly stage: string;
  readonly ms: number;
  /** Row counts of the named tables the stage created or replaced. */
  readonly tables: Readonly<Record<string, number>>;
}

/** Options of the {@link Job} constructor. */
export interface JobOptions {
  /** The name log lines carry. Default: the class's name. */
  loggerName?: string;
  /**
   * Stops the job when aborted: the stage running stops at its next {@link Job.checkpoint} (on entry and exit
   * of every stage; between the steps of a pipe run in process by `runPipe(name, pipe)` or with
   * `pipe.runStepwise(() => this.checkpoint())`; a pipe run on an engine by `runPipe(name, pipe, { engine })`
   * has its query interrupted) and rejects with the signal's reason, logged as `<stage>: stopped after …`. `stopOnInterrupt` of @tablepipe/io
   * gives one that Ctrl-C aborts.
   */
  signal?: AbortSignal;
}

/** The reason a signal was aborted with, in words. */
function reasonText(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}

/** A named table was asked for before any stage created it. */
export class MissingTableError extends Error {
  override readonly name = "MissingTableError";
}

/** `1.23 s` or `456 ms`, for stage durations. */
export function formatDuration(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${formatWhole(ms)} ms`;
}

/**
 * The guide's job class, as a base: a config, named tables kept on the instance for inspection, and stages
 * that log their start, duration and row counts. A subclass writes `run()` as its table of contents and
 * each stage as a method whose body is `return this.stage("train", async () => { ... })`; any stage can
 * then be rerun alone (`await job.train()`), and any method replaced on an instance for an experiment.
 *
 * @example
 * class TipAmountModel extends Job<TipConfig, { trips: Table; prepared: Table }> {
 *   async run() { await this.extract(); await this.transform(); }
 *   extract() { return this.stage("extract", async () => { this.tables.trips = await readTable(...); }); }
 *   transform() { return this.stage("transform", async () => { this.tables.prepared = await this.runPipe("transform", pipe(this.table("trips")).transform(filterData, {...})); }); }
 * }
 */
export abstract class Job<Config, Tables extends Record<string, ColumnTable>> {
  /** The job's parameters; change a field and rerun a stage to experiment. */
  config: Config;
  /** Named intermediate tables, kept for inspection (`job.tables.training.print()`). */
  readonly tables: Partial<Tables> = {};
  /** The trace of each pipe run, by the name it was run under. */
  readonly traces: Record<string, readonly TraceEntry[]> = {};
  /** Every stage run so far, in order. */
  readonly history: StageRun[] = [];
  /** This job's logger. */
  protected readonly log: Logger;
  /** Aborted to stop the job (see {@link JobOptions.signal}); undefined: the job runs to its end. */
  readonly signal: AbortSignal | undefined;

  constructor(config: Config, options: JobOptions = {}) {
    this.config = config;
    this.log = getLogger(options.loggerName ?? this.constructor.name);
    this.signal = options.signal;
  }

  /** The table of contents: calls the stages in order. */
  abstract run(): Promise<void>;

  /** A named table; throws a {@link MissingTableError} naming the table and the tables present if absent. */
  table<K extends keyof Tables & string>(name: K): Tables[K] {
    const table = this.tables[name];
    if (table === undefined) {
      const present = Object.keys(this.tables).join(", ") || "none";
      throw new MissingTableError(
        `table "${name}" does not exist yet (tables so far: ${present}); run the stage that creates it first`,
      );
    }
    return table as Tables[K];
  }

  /**
   * Let the event loop run (where a signal handler may abort {@link signal}), then throw the signal's reason if
   * it is aborted. Every stage calls it on entry and exit; call it between the pieces of a long stage's work.
   */
  protected async checkpoint(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.signal?.throwIfAborted();
  }

  /**
   * Run `body` as the stage `name`: logs its start, its duration and the tables it created or replaced. Stopped
   * by {@link signal} (checked on entry and exit, and wherever `body` checks it), it logs where and rejects with
   * the signal's reason.
   */
  protected async stage<T>(name: string, body: () => T | Promise<T>): Promise<T> {
    const before = { ...this.tables };
    this.log.info(`${name}: started`);
    const started = performance.now();
    let result: T;
    try {
      await this.checkpoint();
      result = await body();
      await this.checkpoint();
    } catch (error) {
      const signal = this.signal;
      if (signal?.aborted !== true) throw error;
      // whatever the work threw once stopped (an interrupted query's error), the stop is what happened
      this.log.warn(
        `${name}: stopped after ${formatDuration(performance.now() - started)}: ${reasonText(signal.reason)}`,
      );
      throw signal.reason;
    }
    const ms = performance.now() - started;
    const tables: Record<string, number> = {};
    for (const [key, table] of Object.entries(this.tables)) {
      if (table !== undefined && table !== before[key]) tables[key] = table.numRows();
    }
    this.history.push({ stage: name, ms, tables });
    const counts = Object.entries(tables).map(([key, rows]) => `${key} ${formatWhole(rows)} rows`);
    this.log.info(
      `${name}: done in ${formatDuration(ms)}${counts.length > 0 ? ` (${counts.join(", ")})` : ""}`,
    );
    return result;
  }

  /**
   * Run a pipe, log its trace as a funnel, keep the trace under `name`, and give the output table. In process it
   * runs step by step with the job's {@link checkpoint} between steps, so a stop is noticed between them; with an
   * engine (`{ engine: duckdb() }`) it runs there with the job's {@link signal} (a stop interrupts its query), and
   * one more line, `<name>: on engine duckdb: <steps>; in process: <steps>`, says which steps ran where.
   * @example this.tables.prepared = await this.runPipe("transform", pipe(this.table("trips")).transform(filterData), { engine: duckdb() });
   */
  protected async runPipe<C extends string, K extends ColumnTypes = NoColumnTypes>(
    name: string,
    pipeline: Pipe<C, K>,
    options?: { readonly engine: PipeEngine },
  ): Promise<Table<C, K>> {
    if (options !== undefined) return await this.#runPipeOn(name, pipeline, engineOf(name, options));
    const { table, trace } = await pipeline.runStepwise(() => this.checkpoint());
    this.keepTrace(name, trace);
    return table;
  }

  async #runPipeOn<C extends string, K extends ColumnTypes>(
    name: string,
    pipeline: Pipe<C, K>,
    engine: PipeEngine,
  ): Promise<Table<C, K>> {
    const signal = this.signal;
    const result = await pipeline.run({ engine, ...(signal === undefined ? {} : { signal }) });
    this.keepTrace(name, result.trace);
    this.log.info(placementLine(name, engine.name, result));
    return result.table;
  }

  /**
   * Run a pipe on files (`pipeFrom` of `@tablepipe/io`: its leading row-local steps run on each batch as it is
   * read), log its trace as a funnel and keep it under `name`; returns the pipe's result (with the read's report).
   */
  protected async runSourcePipe<R extends { readonly trace: readonly TraceEntry[] }>(
    name: string,
    pipeline: { run(): Promise<R> },
  ): Promise<R> {
    const result = await pipeline.run();
    this.keepTrace(name, result.trace);
    return result;
  }

  /** Keep a trace under `name` and log it as a funnel (for a pipe run some other way than `runPipe`). */
  protected keepTrace(name: string, trace: readonly TraceEntry[]): void {
    this.traces[name] = trace;
    for (const line of formatFunnel(trace)) this.log.info(line);
  }
}

/**
 * The engine of `runPipe`'s options, checked before anything runs: an options object without one (built from a
 * config, in JavaScript; TypeScript refuses it) would run the pipe in process, then fail on the engine's name.
 */
function engineOf(name: string, options: { readonly engine: PipeEngine }): PipeEngine {
  const engine: unknown = options.engine;
  if (typeof (engine as Partial<PipeEngine> | undefined)?.runPipe === "function") return engine as PipeEngine;
  const got =
    engine === undefined ? "none" : typeof engine === "string" ? JSON.stringify(engine) : typeof engine;
  throw new TypeError(
    `runPipe("${name}", pipe, options): options.engine must be an engine (duckdb(), spark(remote)), got ${got}; ` +
      `to run the pipe in process, leave the options out: runPipe("${name}", pipe)`,
  );
}
