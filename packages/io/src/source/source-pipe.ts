import type {
  ColumnParams,
  ColumnTypes,
  ExprNode,
  KnownTypesOf,
  NeedsCheck,
  NeedsMessages,
  NoColumnTypes,
  OutputColumns,
  OutputTypes,
  ParamsConstraint,
  ParamsGiven,
  ParamsSchema,
  RowSchemaTypes,
  StaticContract,
  Step,
  StepParamsArgs,
  Table,
  Transform,
} from "@tablepipe/core";
import { schemaFromRowSchema } from "@tablepipe/core";
import {
  attachSchema,
  castsToText,
  executePlan,
  keepCondition,
  makeStep,
  nestTrace,
  optimizePlan,
  type PlannedStep,
  planSteps,
  primitiveTraceEntry,
  rowLocalPrefixLength,
  TableAccumulator,
} from "@tablepipe/core/internal";
import { type ColumnTable, table as makeTable } from "arquero";
import { readBatchesWhere } from "../read/read-batches";
import { checkReadOptions } from "../read/read-options";
import { readTraceEntry } from "../read/read-trace-entry";
import { columnKinds, type RowSchema } from "../read/schema-columns";
import type { ReadTableOptions, SchemaColumns } from "../read/types";
import { CandidateRows, candidatePair } from "./candidate-rows";
import {
  refuseNonSourceEngine,
  type SourceEngineRunResult,
  type SourcePipeEngine,
  type SourcePipeResult,
} from "./source-engine";
import { type StepTally, streamedRunner } from "./streamed-runner";

export type { SourcePipeResult } from "./source-engine";

/** How a source pipe will run: the steps applied to each batch as it is read, then the rest on the result. */
export interface SourcePlan {
  /** The leading row-local steps, run on each batch as it arrives. */
  readonly streamed: readonly PlannedStep[];
  /** The remaining steps, run once on the concatenated output of the streamed ones. */
  readonly rest: readonly PlannedStep[];
}

/** Rows per slice the streamed steps run on (a CSV chunk of 1 MiB is about 12,000 trips). */
const SLICE_ROWS = 16_384;

/** `table` in slices of at most `size` rows: typed columns as views (no copy), other columns copied. */
export function* sliceRows(table: ColumnTable, size: number): Generator<ColumnTable> {
  const rows = table.numRows();
  if (rows <= size || table.isFiltered() || table.isOrdered()) {
    yield table;
    return;
  }
  const names = table.columnNames();
  const columns = names.map((name) => table.column(name) as unknown as ArrayLike<unknown>);
  for (let start = 0; start < rows; start += size) {
    const end = Math.min(rows, start + size);
    const data: Record<string, ArrayLike<unknown>> = {};
    names.forEach((name, c) => {
      const values = columns[c] as ArrayLike<unknown> & { subarray?: unknown; slice?: unknown };
      data[name] = ArrayBuffer.isView(values)
        ? (values as unknown as Float64Array).subarray(start, end)
        : Array.prototype.slice.call(values, start, end);
    });
    yield makeTable(data, names);
  }
}

/** The conditions of the leading streamed steps that have one (`keepCondition`), in order, up to the first without. */
function leadingConditions(streamed: readonly PlannedStep[]): ExprNode[] {
  const conditions: ExprNode[] = [];
  for (const planned of streamed) {
    const condition = keepCondition(planned);
    // a cast to text reads the columns' declared types (a time stamp's text), which the read's batches lack
    if (condition === undefined || castsToText(condition)) break;
    conditions.push(condition);
  }
  return conditions;
}

/**
 * A pipe whose source is files, not a table: `pipeFrom("trips.csv", TripRow).transform(...).run()`. Its
 * steps are checked before anything is read, exactly like `Pipe`'s (@tablepipe/core); then the plan is optimised
 * (the planner's `optimizePlan`: composites flattened, a dedupe on all columns moved after the row-local steps that
 * follow it) and the leading row-local steps run on each batch of the read as it arrives, so the rows they
 * drop are never held in memory. The rest run once on what is left. The result is the table
 * `pipe(await readTable(source, schema, options))` would give, row for row and in the same order.
 *
 * When a dedupe on every column and a first-N step (`keepsFirstRowsPerGroup`: firstNPerGroup, firstNDaily,
 * topNPerGroup) come right after the streamed steps, the rows are held only while they can still be among
 * each group's first N distinct rows (see `CandidateRows`): memory follows the output, not the input. With the
 * first-N step's cutoff (`firstRowsCutoff`), rows that can no longer be among them are dropped from each batch
 * as soon as the columns the cutoff reads are there.
 *
 * When the streamed steps read few columns and drop none, they run on a batch of just those columns, and the
 * others are gathered once for the rows that survive (late materialisation).
 *
 * The leading streamed filters whose transforms say which rows they keep as a condition (`keepWhere`:
 * `filter`, `limitHistory`, `keepHourWindow`, the anti-joins on number keys) are tested where the rows are
 * parsed — in the worker threads of a parallel CSV or Parquet read — so the rows they drop never reach this
 * thread; their rows in and out are counted there, their milliseconds are the workers'.
 *
 * The trace has the shape `pipe(...).run()` gives — composites with their steps nested — after a `read` entry (rows
 * read; the milliseconds of reading and parsing alone). Steps appear in the order they ran (a dedupe moved after
 * row-local steps shows there); streamed steps have their rows and milliseconds summed over batches.
 */
export class SourcePipe<C extends string, K extends ColumnTypes = NoColumnTypes> {
  readonly #source: string | readonly string[];
  readonly #schema: RowSchema;
  readonly #options: ReadTableOptions;
  readonly #steps: readonly Step[];

  constructor(
    source: string | readonly string[],
    schema: RowSchema,
    options: ReadTableOptions,
    steps: readonly Step[] = [],
  ) {
    this.#source = source;
    this.#schema = schema;
    this.#options = options;
    this.#steps = steps;
  }

  /**
   * Append a transform with its params. A step needing a column the table will lack does not compile, and
   * the diagnostic names it (`step "addDateParts" needs column "ordered_at" (timestamp or date)`).
   */
  transform<
    S extends ColumnParams,
    Z extends ParamsSchema,
    F extends StaticContract,
    N extends string,
    const P extends ParamsConstraint<S, Z, P> = Record<never, never>,
  >(
    this: [NeedsMessages<C, N, S, F, P, K>] extends [never]
      ? SourcePipe<C, K>
      : NeedsMessages<C, N, S, F, P, K>,
    transform: Transform<S, Z, F, N> & ParamsGiven<S, Z, P>,
    ...params: StepParamsArgs<S, Z, P>
  ): SourcePipe<OutputColumns<C, S, F, P>, OutputTypes<K, S, F, P>> {
    const self = this as unknown as SourcePipe<C, K>;
    return new SourcePipe(self.#source, self.#schema, self.#options, [
      ...self.#steps,
      makeStep(transform, params[0]),
    ]);
  }

  /** Append a prepared step (from `step(...)`). */
  step<N extends string, A extends string, R extends string>(
    prepared: Step<N, A, R> & NeedsCheck<C, N>,
  ): SourcePipe<Exclude<C, R> | A, KnownTypesOf<Omit<K, R | A>>> {
    return new SourcePipe(this.#source, this.#schema, this.#options, [...this.#steps, prepared]);
  }

  /** The steps collected so far. */
  get steps(): readonly Step[] {
    return this.#steps;
  }

  /** The schema's columns: the columns the first step sees. */
  get sourceColumns(): readonly string[] {
    return columnKinds(this.#schema).map((spec) => spec.name);
  }

  /** Pre-flight and optimise, reading nothing: which steps will run per batch, and which after. */
  plan(): SourcePlan {
    const columns = this.sourceColumns;
    const plan = optimizePlan(
      columns,
      planSteps(columns, this.#steps, "", schemaFromRowSchema(this.#schema)),
    );
    const split = rowLocalPrefixLength(plan);
    return { streamed: plan.slice(0, split), rest: plan.slice(split) };
  }

  /** Pre-flight only: validate params and column contracts; returns the columns the output will have. */
  check(): readonly string[] {
    const { streamed, rest } = this.plan();
    return rest.at(-1)?.columnsOut ?? streamed.at(-1)?.columnsOut ?? this.sourceColumns;
  }

  /**
   * Check, read the source running the streamed steps on each batch, then run the rest. With an engine
   * (`run({ engine: duckdb() })`), the pipe is checked here, then the engine reads the files and runs the steps.
   */
  run(): Promise<SourcePipeResult<C, K>>;
  run<E extends SourcePipeEngine<object>>(options: {
    readonly engine: E;
  }): Promise<SourceEngineRunResult<C, K, E>>;
  async run(options?: { readonly engine: SourcePipeEngine<object> }): Promise<SourcePipeResult<C, K>> {
    if (options === undefined) return this.#runInProcess();
    refuseNonSourceEngine(options.engine);
    this.plan();
    // the engine gives back the table the pipe describes: its types are the pipe's
    return options.engine.runSource<C>(
      { source: this.#source, schema: this.#schema, options: this.#options },
      this.#steps,
    ) as Promise<SourcePipeResult<C, K>>;
  }

  async #runInProcess(): Promise<SourcePipeResult<C, K>> {
    const started = performance.now();
    const { streamed, rest } = this.plan();
    const tallies: StepTally[] = streamed.map(() => ({ rowsIn: 0, rowsOut: 0, ms: 0 }));
    const columns = streamed.at(-1)?.columnsOut ?? this.sourceColumns;
    // A dedupe then a first-N step right after the streamed steps: hold only each group's candidates.
    const pair = candidatePair(this.sourceColumns, streamed, rest);
    const candidates = pair === undefined ? undefined : new CandidateRows(pair, columns);
    const accumulated = candidates ?? new TableAccumulator();
    // The leading filters that say which rows they keep as a condition are tested where the rows are parsed
    // (the read's worker threads); the other streamed steps run here on what they keep. A batch they could not
    // be tested on comes whole, and every streamed step runs on it here.
    const conditions = leadingConditions(streamed);
    const run = { sourceColumns: this.sourceColumns, candidates, accumulated };
    const runAll = streamedRunner({ ...run, steps: streamed, tallies });
    const runAfterConditions =
      conditions.length === 0
        ? runAll
        : streamedRunner({
            ...run,
            steps: streamed.slice(conditions.length),
            tallies: tallies.slice(conditions.length),
          });
    let stepsMs = 0;
    const report = await readBatchesWhere(
      this.#source,
      this.#schema,
      this.#options,
      conditions,
      (batch, conditionTallies) => {
        const batchStarted = performance.now();
        conditionTallies?.forEach((counted, i) => {
          const tally = tallies[i] as StepTally;
          tally.rowsIn += counted.rowsIn;
          tally.rowsOut += counted.rowsOut;
          tally.ms += counted.ms;
        });
        const runStreamed = conditionTallies === undefined ? runAll : runAfterConditions;
        // Large batches (a Parquet row group) run in slices: the steps' passes over a slice stay in cache.
        for (const part of sliceRows(batch, SLICE_ROWS)) runStreamed(part);
        stepsMs += performance.now() - batchStarted;
      },
    );
    const table = attachSchema(
      candidates?.finish() ?? (accumulated as TableAccumulator).finish(columns),
      streamed.at(-1)?.schemaOut ?? schemaFromRowSchema(this.#schema),
    );
    const readTrace = readTraceEntry(report, performance.now() - started - stepsMs);
    const streamedTrace = streamed.map((planned, i) => ({
      path: planned.path,
      entry: primitiveTraceEntry(planned, tallies[i] as StepTally),
    }));
    const after = candidates?.runRest(table, rest) ?? executePlan(table, rest);
    const restTrace = after.trace.map((entry, i) => ({ path: (rest[i] as PlannedStep).path, entry }));
    const tree = planSteps(this.sourceColumns, this.#steps);
    return {
      table: after.table as Table<C, K>,
      trace: [readTrace, ...nestTrace(tree, [...streamedTrace, ...restTrace])],
      report,
    };
  }

  /** Check, read and run; returns the output table. */
  async value(): Promise<Table<C, K>> {
    return (await this.run()).table;
  }
}

/**
 * Start a pipeline on files read with a row schema (see {@link readTable} for sources, formats and
 * options): the leading row-local steps run on each batch as it is read, so rows they drop are never
 * materialised. Same result as `pipe(await readTable(source, schema, options))`.
 * @example
 *   const { table, trace, report } = await pipeFrom("data/taxi_trip_data.csv", taxiTripSchema)
 *     .transform(filterData, { zones })
 *     .transform(addFeatures)
 *     .run();
 */
export function pipeFrom<S extends RowSchema>(
  source: string | readonly string[],
  schema: S,
  options: ReadTableOptions<S> = {},
): SourcePipe<SchemaColumns<S>, RowSchemaTypes<S>> {
  checkReadOptions(options, "pipeFrom");
  return new SourcePipe<SchemaColumns<S>, RowSchemaTypes<S>>(source, schema, options as ReadTableOptions);
}
